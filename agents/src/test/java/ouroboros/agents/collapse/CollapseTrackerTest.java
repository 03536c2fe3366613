package ouroboros.agents.collapse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import ouroboros.agents.collapse.Verdict.State;
import ouroboros.agents.domain.Evaluation;
import ouroboros.agents.domain.Metrics;

/** The eight definitions' arithmetic, on hand-made sequences of measures. */
class CollapseTrackerTest {

  private static Evaluation eval(double risk, double band, double diversity) {
    Map<String, Double> m = new TreeMap<>();
    m.put(Metrics.POPULATION_RISK, risk);
    m.put(Metrics.RISK_BAND, band);
    m.put(Metrics.DIVERSITY_RATIO, diversity);
    return new Evaluation(new TreeMap<>(m));
  }

  private static Verdict of(List<Verdict> vs, Definition d) {
    return vs.stream().filter(v -> v.definition() == d).findFirst().orElseThrow();
  }

  @Test
  void linearRiskGrowth_definitionsOneToThreeFire() {
    CollapseTracker t = new CollapseTracker(Thresholds.DEFAULTS);
    List<Verdict> v = List.of();
    for (int g = 1; g <= 12; g++) {
      v = t.update(g, eval(0.1 * g + 0.001 * (g % 3), 0, 1), 100.0 * g, 1.0 / g);
    }
    assertEquals(1.2 / 0.101, of(v, Definition.CATASTROPHIC_RISK).number(), 1e-9);
    assertEquals(State.YES, of(v, Definition.CATASTROPHIC_RISK).state());
    assertEquals(State.YES, of(v, Definition.ANY_RISK_INCREASE).state());
    assertEquals(0.1, of(v, Definition.DIVERGING_RISK).number(), 0.001);
    assertEquals(State.YES, of(v, Definition.DIVERGING_RISK).state());
    // risk ~ items^1 against a human baseline ~ items^-1: exponent gap about 2.
    assertEquals(2.0, of(v, Definition.SCALING_LAW).number(), 0.1);
    assertEquals(State.YES, of(v, Definition.SCALING_LAW).state());
    assertEquals(State.NO, of(v, Definition.COLLAPSING_VARIANCE).state());
  }

  @Test
  void baselineGone_scalingNotApplicable_notItsLastValue() {
    // QA, stop 33: beyond baseline-cap the model has no baseline, and definition 4 repeated the
    // gap of the last generation that had one, "yes" to the end of the run.
    CollapseTracker t = new CollapseTracker(Thresholds.DEFAULTS);
    List<Verdict> v = List.of();
    for (int g = 1; g <= 10; g++) {
      v = t.update(g, eval(0.1 * g, 0, 1), 100.0 * g, 1.0 / g);
    }
    assertEquals(State.YES, of(v, Definition.SCALING_LAW).state());
    for (int g = 11; g <= 13; g++) {
      v = t.update(g, eval(0.1 * g, 0, 1), 100.0 * g, Double.NaN);
      assertEquals(State.NOT_APPLICABLE, of(v, Definition.SCALING_LAW).state(), "g " + g);
      assertEquals(Double.NaN, of(v, Definition.SCALING_LAW).number());
    }
  }

  @Test
  void infiniteRisks_leftOutOfTheScalingFit() {
    // QA: a categorical model (no smoothing) that missed the 1% category at its first fit has an
    // infinite risk at every generation, so definition 4 has no point to fit and is n/a
    // throughout.
    double inf = Double.POSITIVE_INFINITY;
    CollapseTracker lost = new CollapseTracker(Thresholds.DEFAULTS);
    for (int g = 1; g <= 12; g++) {
      List<Verdict> v = lost.update(g, eval(inf, 0, 1), 20.0 * g, 1.0 / g);
      assertEquals(State.NOT_APPLICABLE, of(v, Definition.SCALING_LAW).state(), "g " + g);
    }
    // A baseline fit on few human items can miss it too: its early infinite risks are left out,
    // not fitted, and the generations after them still give an exponent gap.
    CollapseTracker early = new CollapseTracker(Thresholds.DEFAULTS);
    List<Verdict> v = List.of();
    for (int g = 1; g <= 10; g++) {
      v = early.update(g, eval(0.1 * g, 0, 1), 100.0 * g, g <= 2 ? inf : 1.0 / g);
      State expected = g < 5 ? State.NOT_APPLICABLE : State.YES;
      assertEquals(expected, of(v, Definition.SCALING_LAW).state(), "g " + g);
    }
    assertEquals(2.0, of(v, Definition.SCALING_LAW).number(), 0.1);
  }

  @Test
  void infiniteRisks_divergedOnlyWhenTheyStayInfinite() {
    // QA, stop 32: a categorical model fed fresh human data has an infinite risk whenever its
    // 100 items miss the 1% category; a window holding one such tick made definition 3 fire.
    double inf = Double.POSITIVE_INFINITY;
    CollapseTracker human = new CollapseTracker(Thresholds.DEFAULTS);
    List<Verdict> v = List.of();
    for (int g = 1; g <= 12; g++) {
      v = human.update(g, eval(g == 4 || g == 11 ? inf : 0.003, 0, 1), 100.0 * g, Double.NaN);
      assertEquals(State.NOT_APPLICABLE, of(v, Definition.DIVERGING_RISK).state(), "g " + g);
    }
    // A model that lost the category for good: infinite from generation 3 on, so every full
    // window turns infinite and stays so.
    CollapseTracker lost = new CollapseTracker(Thresholds.DEFAULTS);
    for (int g = 1; g <= 12; g++) {
      v = lost.update(g, eval(g < 3 ? 0.003 : inf, 0, 1), 100.0 * g, Double.NaN);
      State expected = g < 10 ? State.NOT_APPLICABLE : State.YES;
      assertEquals(expected, of(v, Definition.DIVERGING_RISK).state(), "g " + g);
    }
    assertEquals(inf, of(v, Definition.DIVERGING_RISK).number());
  }

  @Test
  void absentMeasures_notApplicableNeverZero() {
    CollapseTracker t = new CollapseTracker(Thresholds.DEFAULTS);
    List<Verdict> v = t.update(1, eval(0.5, 0, 0.3), 100, Double.NaN);
    for (Definition d :
        List.of(
            Definition.DIVERGING_RISK,
            Definition.SCALING_LAW,
            Definition.MODE_ENTANGLEMENT,
            Definition.TAIL_LOSS,
            Definition.HALLUCINATION)) {
      assertEquals(State.NOT_APPLICABLE, of(v, d).state(), d.name());
      assertEquals(Double.NaN, of(v, d).number(), d.name());
    }
    assertEquals(State.YES, of(v, Definition.COLLAPSING_VARIANCE).state(), "0.3 < 0.5");
    assertEquals(8, v.size());
  }

  @Test
  void finiteThenInfiniteRisk_catastrophicFiresWithInfiniteRatio() {
    CollapseTracker t = new CollapseTracker(Thresholds.DEFAULTS);
    t.update(1, eval(0.05, 0, 1), 10, Double.NaN);
    Verdict v =
        of(
            t.update(2, eval(Double.POSITIVE_INFINITY, 0, 1), 20, Double.NaN),
            Definition.CATASTROPHIC_RISK);
    assertEquals(State.YES, v.state());
    assertEquals(Double.POSITIVE_INFINITY, v.number());
  }

  @Test
  void increaseWithinMonteCarloBand_doesNotFire() {
    CollapseTracker t = new CollapseTracker(Thresholds.DEFAULTS);
    t.update(1, eval(1.0, 0.1, 1), 10, Double.NaN);
    // Allowed: 2 * sqrt(0.1^2 + 0.1^2) = 0.283.
    assertEquals(
        State.NO,
        of(t.update(2, eval(1.25, 0.1, 1), 20, Double.NaN), Definition.ANY_RISK_INCREASE).state());
    assertEquals(
        State.YES,
        of(t.update(3, eval(1.30, 0.1, 1), 30, Double.NaN), Definition.ANY_RISK_INCREASE).state());
  }

  @Test
  void boundedSmoothDrift_significantButImmaterial_doesNotFire() {
    // An accumulating model's risk converges smoothly: a tiny, perfectly regular rise is
    // "significant" by OLS but far below risk_1 over the window.
    CollapseTracker t = new CollapseTracker(Thresholds.DEFAULTS);
    List<Verdict> v = List.of();
    for (int g = 1; g <= 10; g++) {
      v = t.update(g, eval(0.01 + 1e-5 * g, 0, 1), 50.0 * g, Double.NaN);
    }
    assertEquals(State.NO, of(v, Definition.DIVERGING_RISK).state());
    assertEquals(1e-5, of(v, Definition.DIVERGING_RISK).number(), 1e-9);
  }

  @Test
  void tailsAndHallucination_thresholds() {
    Map<String, Double> m = new TreeMap<>();
    m.put(Metrics.POPULATION_RISK, 1.0);
    m.put(Metrics.DIVERSITY_RATIO, 1.0);
    m.put(Metrics.MODES_RECOVERED, 0.5);
    m.put(Metrics.TAIL_MASS_RATIO, 0.4);
    m.put(Metrics.HALLUCINATED_MASS, 0.02);
    List<Verdict> v =
        new CollapseTracker(Thresholds.DEFAULTS)
            .update(1, new Evaluation(new TreeMap<>(m)), 1, Double.NaN);
    assertEquals(State.YES, of(v, Definition.MODE_ENTANGLEMENT).state());
    assertEquals(State.YES, of(v, Definition.TAIL_LOSS).state());
    assertEquals(State.YES, of(v, Definition.HALLUCINATION).state());
    assertEquals("d7-tail-mass-ratio", Definition.TAIL_LOSS.numberMetric());
    assertEquals("d7-verdict", Definition.TAIL_LOSS.verdictMetric());
  }

  /**
   * Definition 3 decides most verdicts from cached critical t values; it must agree with Commons
   * Math's own test on every window, those whose p-value is within a few percent of alpha included.
   */
  @Test
  void trendVerdict_agreesWithTheExactTestNearAlpha() {
    Thresholds th = new Thresholds(10, 2, 10, 0.01, 0.0, 0.5, 0.5, 1.0, 0.5, 0.01);
    java.util.SplittableRandom rng = new java.util.SplittableRandom(15);
    int near = 0;
    int yes = 0;
    int cases = 6000;
    for (int c = 0; c < cases; c++) {
      CollapseTracker t = new CollapseTracker(th);
      double slope = 0.3 * rng.nextDouble();
      org.apache.commons.math3.stat.regression.SimpleRegression r =
          new org.apache.commons.math3.stat.regression.SimpleRegression();
      List<Verdict> v = List.of();
      for (int g = 1; g <= 10; g++) {
        double risk = 1 + slope * g + rng.nextGaussian();
        r.addData(g, risk);
        v = t.update(g, eval(risk, 0, 1), 100.0 * g, Double.NaN);
      }
      double p = r.getSignificance() / 2;
      boolean fires = r.getSlope() > 0 && p < 0.01;
      near += Math.abs(p / 0.01 - 1) < 0.02 ? 1 : 0;
      yes += fires ? 1 : 0;
      assertEquals(
          fires ? State.YES : State.NO,
          of(v, Definition.DIVERGING_RISK).state(),
          "case " + c + ", p = " + p);
    }
    assertTrue(near >= 5, "windows with p within 2% of alpha: " + near);
    assertTrue(yes > cases / 10 && yes < cases * 9 / 10, "verdicts that fire: " + yes);
  }

  /**
   * Definition 3's slope is Commons Math's regression of the last W generations added oldest first,
   * bit for bit, however often the window has wrapped; a checkpoint taken with a wrapped window
   * restores a tracker that goes on with the same verdicts and saves the same bytes.
   */
  @Test
  void trendWindow_wrapsOldestFirst_andSurvivesACheckpoint() throws java.io.IOException {
    java.util.SplittableRandom rng = new java.util.SplittableRandom(7);
    double[] risks = new double[40];
    for (int g = 0; g < risks.length; g++) {
      risks[g] = 1 + 0.05 * g + rng.nextGaussian();
    }
    CollapseTracker t = new CollapseTracker(Thresholds.DEFAULTS);
    CollapseTracker resumed = null;
    for (int g = 1; g <= risks.length; g++) {
      List<Verdict> v = t.update(g, eval(risks[g - 1], 0, 1), 100.0 * g, 1.0 / g);
      if (resumed != null) {
        assertEquals(v, resumed.update(g, eval(risks[g - 1], 0, 1), 100.0 * g, 1.0 / g));
        assertEquals(
            java.util.Arrays.toString(saved(t)), java.util.Arrays.toString(saved(resumed)));
      }
      if (g >= 10) {
        org.apache.commons.math3.stat.regression.SimpleRegression r =
            new org.apache.commons.math3.stat.regression.SimpleRegression();
        for (int k = g - 9; k <= g; k++) {
          r.addData(k, risks[k - 1]);
        }
        assertEquals(
            Double.doubleToRawLongBits(r.getSlope()),
            Double.doubleToRawLongBits(of(v, Definition.DIVERGING_RISK).number()),
            "generation " + g);
      }
      if (g == 23) {
        resumed = new CollapseTracker(Thresholds.DEFAULTS);
        resumed.restore(new java.io.DataInputStream(new java.io.ByteArrayInputStream(saved(t))));
      }
    }
  }

  /** What {@link CollapseTracker#save} writes. */
  private static byte[] saved(CollapseTracker t) throws java.io.IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    t.save(new java.io.DataOutputStream(bytes));
    return bytes.toByteArray();
  }
}
