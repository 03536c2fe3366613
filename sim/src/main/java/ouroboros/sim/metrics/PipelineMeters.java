package ouroboros.sim.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import ouroboros.agents.model.RetrainReport;
import ouroboros.agents.pipeline.StageReport;
import ouroboros.sim.output.Metric;
import ouroboros.sim.output.MetricCatalogue;
import ouroboros.sim.output.RunMetrics;

/**
 * Per pipeline stage counters, tagged {@code model}, {@code position} (1-based) and {@code stage}:
 * items in, kept, dropped and added ({@code outcome}), and the confusion against true provenance
 * ({@code type}: a human item dropped is a false positive, a synthetic item kept a false negative).
 * Models beyond the label cap count under {@code model="other"}. Counters are registered at a
 * stage's first report; their names, labels and increments are the catalogue's per-stage metrics
 * ({@link MetricCatalogue#PIPELINE_COUNTS}, {@link MetricCatalogue#PIPELINE_ERRORS}) as the run
 * files hold them.
 */
final class PipelineMeters {
  /** The catalogue's per-stage metrics that have a live meter. */
  private static final List<Metric> METRICS =
      Stream.concat(
              MetricCatalogue.PIPELINE_COUNTS.stream(), MetricCatalogue.PIPELINE_ERRORS.stream())
          .filter(m -> m.meter() != null)
          .toList();

  private final MeterRegistry registry;
  private final int firstAgent;
  private final List<String> ids;
  private final int maxModels;
  private final String otherLabel;
  private final Map<String, Counter[]> counters = new HashMap<>();

  PipelineMeters(
      MeterRegistry registry, int firstAgent, List<String> ids, int maxModels, String otherLabel) {
    this.otherLabel = otherLabel;
    this.registry = registry;
    this.firstAgent = firstAgent;
    this.ids = List.copyOf(ids);
    this.maxModels = maxModels;
  }

  /** Counts a tick's retrain reports. */
  void update(List<RetrainReport> reports) {
    for (RetrainReport r : reports) {
      int i = r.agent() - firstAgent;
      String model = i < maxModels ? ids.get(i) : otherLabel;
      Map<String, Double> written = RunMetrics.modelMetrics(r);
      for (StageReport st : r.stages()) {
        Counter[] c =
            counters.computeIfAbsent(
                model + "\u0000" + st.position() + "\u0000" + st.stage(), k -> register(model, st));
        for (int k = 0; k < METRICS.size(); k++) {
          c[k].increment(written.get(METRICS.get(k).name(st.position(), st.stage())));
        }
      }
    }
  }

  /** One counter per catalogued pipeline metric, for a model's stage. */
  private Counter[] register(String model, StageReport st) {
    Tags tags =
        Tags.of("model", model, "position", Integer.toString(st.position()), "stage", st.stage());
    Counter[] c = new Counter[METRICS.size()];
    for (int k = 0; k < c.length; k++) {
      c[k] = Registrar.counter(registry, METRICS.get(k).meter(), tags);
    }
    return c;
  }
}
