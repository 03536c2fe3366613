package ouroboros.sim.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.search.RequiredSearch;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ModelMeters} against a {@link SimpleMeterRegistry}. */
class ModelMetersTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  /** Meters for models m0..m(n-1), agents 1..n (agent 0 is a human), with the given regimes. */
  private ModelMeters meters(int cap, String... regimes) {
    List<String> ids = new java.util.ArrayList<>();
    for (int i = 0; i < regimes.length; i++) {
      ids.add("m" + i);
    }
    ModelMeters m = new ModelMeters("gaussian", ids, List.of(regimes), 1, cap);
    m.bindTo(registry);
    return m;
  }

  /** The value of a gauge of one model. */
  private double gauge(String name, String model, String... moreTags) {
    RequiredSearch s = registry.get(name).tag("model", model);
    for (int i = 0; i < moreTags.length; i += 2) {
      s = s.tag(moreTags[i], moreTags[i + 1]);
    }
    return s.gauge().value();
  }

  @Test
  void bind_beforeFirstRetrain_gaugesNaNAndFailuresZero() {
    meters(10, "replace");
    assertTrue(Double.isNaN(gauge(MeterNames.MODEL_RISK, "m0")));
    assertTrue(Double.isNaN(gauge(MeterNames.MODEL_VERDICT, "m0", "definition", "d1")));
    assertEquals(
        0.0,
        registry.get(MeterNames.MODEL_FIT_FAILURES).tag("model", "m0").functionCounter().count());
    var g =
        registry
            .get(MeterNames.MODEL_GENERATION)
            .tag("model", "m0")
            .tag("family", "gaussian")
            .tag("regime", "replace")
            .gauge();
    assertEquals(3, g.getId().getTags().size(), "model, family and regime");
  }

  @Test
  void update_report_everyGaugeShowsIt() {
    ModelMeters m = meters(10, "replace", "accumulate");
    m.update(List.of(Reports.report(1, "m0", 3), Reports.report(2, "m1", 4)));
    assertEquals(3, gauge(MeterNames.MODEL_GENERATION, "m0"));
    assertEquals(3, gauge(MeterNames.MODEL_RISK, "m0"));
    assertEquals(6, gauge(MeterNames.MODEL_RISK_RATIO, "m0"));
    assertEquals(0.3, gauge(MeterNames.MODEL_DIVERSITY_RATIO, "m0"), 1e-12);
    assertEquals(0.03, gauge(MeterNames.MODEL_TAIL_MASS_RATIO, "m0"), 1e-12);
    assertEquals(0.25, gauge(MeterNames.MODEL_TRAIN_HUMAN_SHARE, "m0"));
    assertEquals(4, gauge(MeterNames.MODEL_OUTPUT_DEPTH, "m0"));
    assertEquals(
        3.0,
        registry.get(MeterNames.MODEL_FIT_FAILURES).tag("model", "m0").functionCounter().count());
    assertEquals(1, gauge(MeterNames.MODEL_VERDICT, "m0", "definition", "d1"), "3 is odd");
    assertEquals(0, gauge(MeterNames.MODEL_VERDICT, "m1", "definition", "d1"), "4 is even");
    assertEquals(0, gauge(MeterNames.MODEL_VERDICT, "m0", "definition", "d8"));
    assertTrue(
        Double.isNaN(gauge(MeterNames.MODEL_VERDICT, "m0", "definition", "d6")), "n/a is NaN");
    assertEquals(8, registry.find(MeterNames.MODEL_VERDICT).tag("model", "m1").gauges().size());
  }

  @Test
  void cap_modelsBeyondIt_aggregatedUnderOtherPerRegimeAsMeans() {
    ModelMeters m = meters(2, "replace", "window", "replace", "replace", "accumulate");
    m.update(
        List.of(
            Reports.report(3, "m2", 3), Reports.report(4, "m3", 6), Reports.report(5, "m4", 10)));
    assertNull(
        registry.find(MeterNames.MODEL_RISK).tag("model", "m2").gauge(),
        "models beyond the cap have no label of their own");
    assertEquals(
        4,
        registry.find(MeterNames.MODEL_RISK).gauges().size(),
        "two models, and one aggregate per regime beyond the cap");
    assertEquals(4.5, gauge(MeterNames.MODEL_RISK, ModelMeters.OTHER, "regime", "replace"));
    assertEquals(10, gauge(MeterNames.MODEL_RISK, ModelMeters.OTHER, "regime", "accumulate"));
    assertEquals(
        0.5,
        gauge(MeterNames.MODEL_VERDICT, ModelMeters.OTHER, "regime", "replace", "definition", "d1"),
        "the share of the group where definition 1 fires");
    assertTrue(
        Double.isNaN(
            gauge(
                MeterNames.MODEL_VERDICT,
                ModelMeters.OTHER,
                "regime",
                "replace",
                "definition",
                "d6")));
    assertEquals(
        9.0,
        registry
            .get(MeterNames.MODEL_FIT_FAILURES)
            .tag("model", ModelMeters.OTHER)
            .tag("regime", "replace")
            .functionCounter()
            .count(),
        "fit failures add up");
  }

  @Test
  void cap_modelNotYetRetrained_leftOutOfTheMean() {
    ModelMeters m = meters(0, "replace", "replace");
    m.update(List.of(Reports.report(2, "m1", 5)));
    assertEquals(5, gauge(MeterNames.MODEL_GENERATION, ModelMeters.OTHER));
    m.update(List.of(Reports.report(1, "m0", 1)));
    assertEquals(3, gauge(MeterNames.MODEL_GENERATION, ModelMeters.OTHER));
  }

  @Test
  void cap_labelledModelCalledOther_aggregateRenamed() {
    ModelMeters m =
        new ModelMeters("gaussian", List.of("other", "b"), List.of("replace", "replace"), 0, 1);
    m.bindTo(registry);
    m.update(List.of(Reports.report(0, "other", 1), Reports.report(1, "b", 2)));
    assertEquals(1, gauge(MeterNames.MODEL_RISK, "other"));
    assertEquals(2, gauge(MeterNames.MODEL_RISK, "~other"));
  }

  @Test
  void updateTopology_gaugesShowTheGraphsValues_andARetrainKeepsThem() {
    ModelMeters m = meters(10, "replace", "replace");
    assertTrue(Double.isNaN(gauge(MeterNames.MODEL_HUMAN_ANCESTRY, "m0")), "NaN before the graph");
    m.updateTopology(
        new double[] {0.25, Double.NaN},
        new double[] {2.5, Double.NaN},
        new double[] {1, Double.NaN});
    assertEquals(0.25, gauge(MeterNames.MODEL_HUMAN_ANCESTRY, "m0"));
    assertEquals(2.5, gauge(MeterNames.MODEL_TRAINING_DEPTH, "m0"));
    assertEquals(1, gauge(MeterNames.MODEL_PREDICTED_COLLAPSE, "m0"));
    assertTrue(Double.isNaN(gauge(MeterNames.MODEL_PREDICTED_COLLAPSE, "m1")), "unknown is NaN");
    m.update(List.of(Reports.report(1, "m0", 3)));
    assertEquals(3, gauge(MeterNames.MODEL_GENERATION, "m0"));
    assertEquals(0.25, gauge(MeterNames.MODEL_HUMAN_ANCESTRY, "m0"), "a retrain keeps them");
    m.updateTopology(new double[] {0.5, 1}, new double[] {1, 0}, new double[] {0, 0});
    assertEquals(0.5, gauge(MeterNames.MODEL_HUMAN_ANCESTRY, "m0"));
    assertEquals(3, gauge(MeterNames.MODEL_GENERATION, "m0"), "and the graph keeps the rest");
    assertThrows(
        IllegalArgumentException.class,
        () -> m.updateTopology(new double[1], new double[1], new double[1]));
    // QA, stop 33: the listener hands over only the models that retrained this tick, as
    // metrics.csv has them; a retired model's gauges kept changing to values no file has.
    m.updateTopology(new int[] {1}, new double[] {0.75}, new double[] {0.5}, new double[] {0});
    assertEquals(0.75, gauge(MeterNames.MODEL_HUMAN_ANCESTRY, "m1"));
    assertEquals(0.5, gauge(MeterNames.MODEL_HUMAN_ANCESTRY, "m0"), "m0 keeps its values");
    assertEquals(1, gauge(MeterNames.MODEL_TRAINING_DEPTH, "m0"));
  }

  @Test
  void updateTopology_beyondTheCap_meansOverKnownValues() {
    ModelMeters m = meters(1, "replace", "replace", "replace", "replace");
    m.updateTopology(
        new double[] {1, 0.2, 0.4, Double.NaN},
        new double[] {0, 1, 3, Double.NaN},
        new double[] {0, 1, 0, Double.NaN});
    assertEquals(0.3, gauge(MeterNames.MODEL_HUMAN_ANCESTRY, ModelMeters.OTHER), 1e-12);
    assertEquals(2, gauge(MeterNames.MODEL_TRAINING_DEPTH, ModelMeters.OTHER));
    assertEquals(
        0.5,
        gauge(MeterNames.MODEL_PREDICTED_COLLAPSE, ModelMeters.OTHER),
        "the share predicted to collapse among those whose prediction is known");
  }

  @Test
  void update_reportFromAHuman_rejected() {
    ModelMeters m = meters(10, "replace");
    assertThrows(
        IllegalArgumentException.class, () -> m.update(List.of(Reports.report(0, "people", 1))));
  }
}
