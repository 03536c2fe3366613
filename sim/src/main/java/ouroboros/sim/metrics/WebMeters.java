package ouroboros.sim.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.MeterBinder;
import ouroboros.agents.data.AuthorKind;
import ouroboros.sim.engine.TickResult;
import ouroboros.sim.web.Snapshot;

/**
 * Web meters, read from the snapshot sealed at the latest tick: visible items by author kind
 * ({@code kind} = {@code human} or {@code model}) and in all, the synthetic share of the whole
 * visible web and of the items published at the latest tick, items published, and the memory the
 * visible items hold ({@code part} = {@code provenance} or {@code payload}). Gauges are NaN before
 * the first tick; a share is NaN when there is nothing to divide by. Bind before feeding.
 */
public final class WebMeters implements MeterBinder {
  private static final int SIZE = 0;
  private static final int HUMAN = 1;
  private static final int MODEL = 2;
  private static final int SYNTHETIC_SHARE = 3;
  private static final int NEW_SYNTHETIC_SHARE = 4;
  private static final int PROVENANCE_BYTES = 5;
  private static final int PAYLOAD_BYTES = 6;

  private volatile double[] values = nan(7);
  private Counter published;

  /** Web meters with no tick seen yet. */
  public WebMeters() {}

  @Override
  public void bindTo(MeterRegistry registry) {
    gauge(registry, MeterNames.WEB_SIZE, SIZE, null, null, "Visible items on the web");
    gauge(
        registry,
        MeterNames.WEB_ITEMS,
        HUMAN,
        "kind",
        AuthorKind.name(AuthorKind.HUMAN),
        "Visible items by author kind");
    gauge(
        registry,
        MeterNames.WEB_ITEMS,
        MODEL,
        "kind",
        AuthorKind.name(AuthorKind.MODEL),
        "Visible items by author kind");
    gauge(
        registry,
        MeterNames.WEB_SYNTHETIC_SHARE,
        SYNTHETIC_SHARE,
        null,
        null,
        "Share of visible items that are synthetic (depth above 0)");
    gauge(
        registry,
        MeterNames.WEB_NEW_SYNTHETIC_SHARE,
        NEW_SYNTHETIC_SHARE,
        null,
        null,
        "Share of the items published at the latest tick that are synthetic");
    Gauge.builder(MeterNames.WEB_MEMORY, this, m -> m.values[PROVENANCE_BYTES])
        .tag("part", "provenance")
        .baseUnit(BaseUnits.BYTES)
        .strongReference(true)
        .description("Memory held by the visible items")
        .register(registry);
    Gauge.builder(MeterNames.WEB_MEMORY, this, m -> m.values[PAYLOAD_BYTES])
        .tag("part", "payload")
        .baseUnit(BaseUnits.BYTES)
        .strongReference(true)
        .description("Memory held by the visible items")
        .register(registry);
    published =
        Counter.builder(MeterNames.WEB_PUBLISHED).description("Items published").register(registry);
  }

  /** Takes a finished tick. */
  public void onTick(TickResult r) {
    Snapshot web = r.web();
    long[] byKind = web.itemsByKind();
    long[] fresh = web.newItems();
    double[] v = new double[7];
    v[SIZE] = web.size();
    v[HUMAN] = byKind[AuthorKind.HUMAN];
    v[MODEL] = byKind[AuthorKind.MODEL];
    v[SYNTHETIC_SHARE] = web.syntheticShare();
    v[NEW_SYNTHETIC_SHARE] = fresh[0] == 0 ? Double.NaN : (double) fresh[1] / fresh[0];
    v[PROVENANCE_BYTES] = web.provenanceBytes();
    v[PAYLOAD_BYTES] = web.payloadBytes();
    values = v;
    published.increment(r.published());
  }

  /** Registers a gauge on one slot, with one tag or none. */
  private void gauge(
      MeterRegistry registry,
      String name,
      int slot,
      String tagKey,
      String tagValue,
      String description) {
    Gauge.Builder<WebMeters> b =
        Gauge.builder(name, this, m -> m.values[slot])
            .description(description)
            .strongReference(true);
    if (tagKey != null) {
      b = b.tag(tagKey, tagValue);
    }
    b.register(registry);
  }

  /** An array of n NaNs. */
  private static double[] nan(int n) {
    double[] a = new double[n];
    java.util.Arrays.fill(a, Double.NaN);
    return a;
  }
}
