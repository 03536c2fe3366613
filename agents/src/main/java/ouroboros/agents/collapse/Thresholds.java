package ouroboros.agents.collapse;

/**
 * Where each definition's verdict fires. Defaults (docs/metrics.md, "The eight meanings of
 * collapse"): catastrophic ratio 10, increase band 2 standard errors, trend window 10 generations
 * at significance 0.01 with a rise of at least risk_1 over the window, scaling-exponent tolerance
 * 0.5, diversity below 0.5, modes below 1 (any mode lost), tail ratio below 0.5, hallucinated mass
 * above 0.01.
 *
 * @param catastrophicRatio definition 1 fires when risk_g / risk_1 is above this
 * @param increaseZ definition 2 fires when risk_g - risk_1 exceeds this many combined standard
 *     errors of the two risk estimates (any increase at all when both are closed forms)
 * @param trendWindow definition 3 fits its trend over the last W generations
 * @param trendAlpha definition 3 fires when the slope is positive at this one-sided significance
 * @param trendMinRise and when the fitted rise over the window, slope * (W - 1), is at least this
 *     share of risk_1. Successive generations are strongly autocorrelated (an accumulating model's
 *     risk converges smoothly), which makes OLS p-values of a bounded series tiny; the materiality
 *     condition keeps such drifts from counting as divergence, while a linear divergence (a rise of
 *     about risk_1 per generation) passes it many times over
 * @param scalingTolerance definition 4 fires when the exponent is worse than the human-only one by
 *     more than this. One model's exponent, estimated along its one path, is noisy: for a Gaussian
 *     model accumulating fresh human data over 100 generations of 50 items, the gap to the baseline
 *     had sd 0.3 in one dimension and 0.12 in five (8 seeds each), while accumulating its own
 *     output gave gaps near 1
 * @param diversityMin definition 5 fires below this
 * @param modesMin definition 6 fires below this share of modes recovered
 * @param tailMin definition 7 fires below this
 * @param hallucinationMax definition 8 fires above this
 */
public record Thresholds(
    double catastrophicRatio,
    double increaseZ,
    int trendWindow,
    double trendAlpha,
    double trendMinRise,
    double scalingTolerance,
    double diversityMin,
    double modesMin,
    double tailMin,
    double hallucinationMax) {

  /** The documented defaults. */
  public static final Thresholds DEFAULTS =
      new Thresholds(10, 2, 10, 0.01, 1.0, 0.5, 0.5, 1.0, 0.5, 0.01);

  /** Checks the values; messages name the parameter and its value. */
  public Thresholds {
    if (trendWindow < 3) {
      throw new IllegalArgumentException("trendWindow is below 3: " + trendWindow);
    }
    if (!(trendAlpha > 0 && trendAlpha < 1)) {
      throw new IllegalArgumentException("trendAlpha is not in (0, 1): " + trendAlpha);
    }
  }
}
