package ouroboros.agents.pipeline;

/**
 * {@code weighting}: sample weights for real (synthetic depth 0) and synthetic items, which
 * estimators use in their weighted fits. Two forms:
 *
 * <ul>
 *   <li>share: real items together carry {@code realShare} of the total weight and synthetic items
 *       the rest, as in golden-ratio weighting (He, Xu, Cheng 2025: theta = w realfit + (1 - w)
 *       synthfit, best at w = 0.618 when real and synthetic counts are equal). The total weight
 *       stays the item count; within a class, earlier weights keep their proportions. When one
 *       class is absent the weights are left as they are.
 *   <li>per item: every real item's weight is multiplied by {@code realWeight}, every synthetic
 *       item's by {@code syntheticWeight}.
 * </ul>
 *
 * <p>Like He et al.'s setting, the stage knows which items are real (true provenance): it is the
 * upper bound of what any real weighting by a detector's guess could do.
 */
public final class Weighting implements Stage {
  /** The registered name. */
  public static final String NAME = "weighting";

  private final double realShare;
  private final double realWeight;
  private final double syntheticWeight;

  private Weighting(double realShare, double realWeight, double syntheticWeight) {
    this.realShare = realShare;
    this.realWeight = realWeight;
    this.syntheticWeight = syntheticWeight;
  }

  /** Real items carry {@code realShare} of the total weight. */
  public static Weighting share(double realShare) {
    return new Weighting(realShare, Double.NaN, Double.NaN);
  }

  /** Per-item multipliers. */
  public static Weighting perItem(double realWeight, double syntheticWeight) {
    return new Weighting(Double.NaN, realWeight, syntheticWeight);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Output apply(TrainingData in) {
    double[] w = in.weightsOrOnes();
    int n = w.length;
    if (Double.isNaN(realShare)) {
      for (int i = 0; i < n; i++) {
        w[i] *= in.items().synthetic(i) ? syntheticWeight : realWeight;
      }
      return Output.filtered(new TrainingData(in.items(), w));
    }
    double real = 0;
    double synthetic = 0;
    for (int i = 0; i < n; i++) {
      if (in.items().synthetic(i)) {
        synthetic += w[i];
      } else {
        real += w[i];
      }
    }
    if (real == 0 || synthetic == 0) {
      return Output.filtered(in);
    }
    double realScale = realShare * n / real;
    double syntheticScale = (1 - realShare) * n / synthetic;
    for (int i = 0; i < n; i++) {
      w[i] *= in.items().synthetic(i) ? syntheticScale : realScale;
    }
    return Output.filtered(new TrainingData(in.items(), w));
  }
}
