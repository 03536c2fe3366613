package ouroboros.sim.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ouroboros.sim.engine.TickResult;
import ouroboros.sim.output.MeterCatalogue;
import ouroboros.sim.output.Metric;
import ouroboros.sim.output.MetricCatalogue;
import ouroboros.sim.output.MetricRow;
import ouroboros.sim.output.RunMetrics;
import ouroboros.sim.web.Snapshot;

/**
 * Web meters, read from the snapshot sealed at the latest tick: one gauge per web metric of the
 * catalogue that has a live meter (visible items in all and by author kind, the synthetic share of
 * the whole visible web and of the items published at the latest tick), with the values the run
 * files get ({@link RunMetrics#webRows}); then items published, and the memory the visible items
 * hold ({@code part} = {@code provenance} or {@code payload}). Gauges are NaN before the first
 * tick; a share is NaN when there is nothing to divide by. Bind before feeding.
 */
public final class WebMeters implements MeterBinder {
  /** The catalogue's web metrics that have a live meter: their index is their slot. */
  private static final List<Metric> METRICS =
      MetricCatalogue.all().stream()
          .filter(m -> m.scope() == Metric.Scope.WEB && m.meter() != null)
          .toList();

  private static final int PROVENANCE_BYTES = METRICS.size();
  private static final int PAYLOAD_BYTES = METRICS.size() + 1;

  private volatile double[] values = ModelValues.nan(METRICS.size() + 2);
  private Counter published;

  /** Web meters with no tick seen yet. */
  public WebMeters() {}

  @Override
  public void bindTo(MeterRegistry registry) {
    for (int i = 0; i < METRICS.size(); i++) {
      int slot = i;
      Registrar.function(registry, METRICS.get(i).meter(), Tags.empty(), this, m -> m.values[slot]);
    }
    Registrar.function(
        registry,
        MeterCatalogue.WEB_MEMORY,
        Tags.of("part", "provenance"),
        this,
        m -> m.values[PROVENANCE_BYTES]);
    Registrar.function(
        registry,
        MeterCatalogue.WEB_MEMORY,
        Tags.of("part", "payload"),
        this,
        m -> m.values[PAYLOAD_BYTES]);
    published = Registrar.counter(registry, MeterCatalogue.WEB_PUBLISHED, Tags.empty());
  }

  /** Takes a finished tick. */
  public void onTick(TickResult r) {
    Snapshot web = r.web();
    Map<String, Double> rows = new HashMap<>();
    for (MetricRow row : RunMetrics.webRows(r)) {
      rows.put(row.metric(), row.value());
    }
    double[] v = new double[METRICS.size() + 2];
    for (int i = 0; i < METRICS.size(); i++) {
      v[i] = rows.getOrDefault(METRICS.get(i).name(), Double.NaN);
    }
    v[PROVENANCE_BYTES] = web.provenanceBytes();
    v[PAYLOAD_BYTES] = web.payloadBytes();
    values = v;
    published.increment(r.published());
  }
}
