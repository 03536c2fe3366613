package ouroboros.sim.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ouroboros.agents.model.RetrainReport;
import ouroboros.agents.pipeline.StageReport;

/**
 * Per pipeline stage counters, tagged {@code model}, {@code position} (1-based) and {@code stage}:
 * items in, kept, dropped and added ({@code outcome}), and the confusion against true provenance
 * ({@code type}: a human item dropped is a false positive, a synthetic item kept a false negative).
 * Models beyond the label cap count under {@code model="other"}. Counters are registered at a
 * stage's first report.
 */
final class PipelineMeters {
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
      for (StageReport st : r.stages()) {
        Counter[] c =
            counters.computeIfAbsent(
                model + "\u0000" + st.position() + "\u0000" + st.stage(), k -> register(model, st));
        c[0].increment(st.in());
        c[1].increment(st.kept());
        c[2].increment(st.dropped());
        c[3].increment(st.added());
        c[4].increment(st.falsePositives());
        c[5].increment(st.falseNegatives());
      }
    }
  }

  private Counter[] register(String model, StageReport st) {
    Tags tags =
        Tags.of("model", model, "position", Integer.toString(st.position()), "stage", st.stage());
    Counter[] c = new Counter[6];
    String[] outcomes = {"in", "kept", "dropped", "added"};
    for (int k = 0; k < outcomes.length; k++) {
      c[k] =
          Counter.builder(MeterNames.PIPELINE_ITEMS)
              .tags(tags.and("outcome", outcomes[k]))
              .description("Items through a pipeline stage, by outcome")
              .register(registry);
    }
    c[4] =
        Counter.builder(MeterNames.PIPELINE_ERRORS)
            .tags(tags.and("type", "false-positive"))
            .description(
                "Stage errors against true provenance: human items dropped (false-positive),"
                    + " synthetic items kept (false-negative)")
            .register(registry);
    c[5] =
        Counter.builder(MeterNames.PIPELINE_ERRORS)
            .tags(tags.and("type", "false-negative"))
            .description(
                "Stage errors against true provenance: human items dropped (false-positive),"
                    + " synthetic items kept (false-negative)")
            .register(registry);
    return c;
  }
}
