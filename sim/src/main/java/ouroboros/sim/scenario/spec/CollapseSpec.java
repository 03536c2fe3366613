package ouroboros.sim.scenario.spec;

import ouroboros.agents.spec.Key;
import ouroboros.agents.spec.Spec;
import ouroboros.sim.scenario.check.Problems;

/**
 * The {@code collapse:} block: where each of the eight definitions' verdicts fires. Every key is
 * optional; the defaults are those of {@link ouroboros.agents.collapse.Thresholds#DEFAULTS}.
 *
 * @param catastrophicRatio definition 1: risk_g / risk_1 above this (default 10)
 * @param increaseZ definition 2: risk_g - risk_1 beyond this many standard errors (default 2)
 * @param trendWindow definitions 3 and 4: generations in the trend window (default 10)
 * @param trendAlpha definition 3: one-sided significance of the slope (default 0.01)
 * @param trendMinRise definition 3: the rise over the window must be at least this share of risk_1
 *     (default 1)
 * @param scalingTolerance definition 4: exponent worse than the human-only one by this (0.5)
 * @param baselineCap definition 4: the human-only baseline fits as many items as the model has
 *     gathered, up to this many; beyond it, or at 0, definition 4 does not apply (default 10000)
 * @param diversityMin definition 5: diversity ratio below this (default 0.5)
 * @param modesMin definition 6: share of modes recovered below this (default 1)
 * @param tailMin definition 7: tail mass ratio below this (default 0.5)
 * @param hallucinationMax definition 8: hallucinated mass above this (default 0.01)
 */
@Spec(
    name = "collapse",
    doc =
        "Where each of the eight collapse definitions' verdicts fires (SCIENCE.md; "
            + "docs/metrics.md, 'The eight meanings of collapse').")
public record CollapseSpec(
    @Key(
            doc = "Definition 1 fires when risk_g / risk_1 is above this.",
            exclusiveMin = 0,
            def = "10")
        Double catastrophicRatio,
    @Key(
            doc =
                "Definition 2 fires when risk_g - risk_1 exceeds this many combined standard errors "
                    + "of the two risk estimates (any increase when both are closed forms).",
            min = 0,
            def = "2")
        Double increaseZ,
    @Key(
            doc = "Definitions 3 and 4 fit their trends over the last W generations.",
            min = 3,
            def = "10")
        Integer trendWindow,
    @Key(
            doc =
                "Definition 3 fires when the slope of risk is positive at this one-sided "
                    + "significance...",
            exclusiveMin = 0,
            exclusiveMax = 1,
            def = "0.01",
            expect = "a significance level in (0, 1)")
        Double trendAlpha,
    @Key(
            doc = "...and when the fitted rise over the window is at least this share of risk_1.",
            min = 0,
            def = "1")
        Double trendMinRise,
    @Key(
            doc =
                "Definition 4 fires when the exponent of risk against cumulative training data is "
                    + "worse than the human-only baseline's by more than this.",
            min = 0,
            def = "0.5")
        Double scalingTolerance,
    @Key(
            doc =
                "Definition 4's human-only baseline is fitted on as many fresh human items as the "
                    + "model has gathered, up to this many; beyond it, or at 0, definition 4 does not "
                    + "apply.",
            min = 0,
            def = "10000")
        Integer baselineCap,
    @Key(
            doc = "Definition 5 fires when the variance (or entropy) ratio is below this.",
            min = 0,
            def = "0.5")
        Double diversityMin,
    @Key(
            doc =
                "Definition 6 fires when the share of the truth's modes still recovered is below "
                    + "this.",
            min = 0,
            def = "1")
        Double modesMin,
    @Key(doc = "Definition 7 fires when the tail mass ratio is below this.", min = 0, def = "0.5")
        Double tailMin,
    @Key(
            doc = "Definition 8 fires when the hallucinated mass is above this.",
            min = 0,
            def = "0.01")
        Double hallucinationMax) {

  /** Checks the values, at pointers under {@code /collapse}. */
  public void validate(Problems p) {
    Declared.checkBounds(p, "/collapse", this);
  }

  /** Every key filled in from the defaults. */
  public CollapseSpec resolve() {
    return Declared.withDefaults(this);
  }

  /** The thresholds of a resolved spec. */
  public ouroboros.agents.collapse.Thresholds thresholds() {
    return new ouroboros.agents.collapse.Thresholds(
        catastrophicRatio,
        increaseZ,
        trendWindow,
        trendAlpha,
        trendMinRise,
        scalingTolerance,
        diversityMin,
        modesMin,
        tailMin,
        hallucinationMax);
  }
}
