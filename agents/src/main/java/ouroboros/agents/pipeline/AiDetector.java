package ouroboros.agents.pipeline;

import java.util.Map;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import ouroboros.agents.data.Items;

/**
 * {@code ai-detector}: a classifier of synthetic content with an operating point, which drops what
 * it flags. It flags a synthetic item with probability {@code tpr}, optionally lower for the output
 * of specific model families ({@code authorTpr}, by the publishing agent's index), and optionally
 * decaying with synthetic depth: {@code tpr * depthDecay^(depth - 1)}, so output of models trained
 * on synthetic data is harder to tell from human writing. It flags a human item with probability
 * {@code fpr}.
 */
public final class AiDetector implements Stage {
  /** The registered name. */
  public static final String NAME = "ai-detector";

  private final double tpr;
  private final double fpr;
  private final double depthDecay;
  private final Map<Integer, Double> authorTpr;
  private final UniformRandomProvider rng;

  /**
   * A detector.
   *
   * @param tpr true-positive rate on depth-1 output
   * @param fpr false-positive rate on human items
   * @param depthDecay factor per unit of depth above 1; 1 for none
   * @param authorTpr true-positive rates for the output of given agents
   * @param rng the stage's stream
   */
  public AiDetector(
      double tpr,
      double fpr,
      double depthDecay,
      Map<Integer, Double> authorTpr,
      UniformRandomProvider rng) {
    this.tpr = tpr;
    this.fpr = fpr;
    this.depthDecay = depthDecay;
    this.authorTpr = Map.copyOf(authorTpr);
    this.rng = Objects.requireNonNull(rng, "rng");
  }

  @Override
  public String name() {
    return NAME;
  }

  /** The probability that item {@code i} is flagged. */
  double flagProbability(Items items, int i) {
    if (!items.synthetic(i)) {
      return fpr;
    }
    double base = authorTpr.getOrDefault(items.authorAt(i), tpr);
    double excess = Math.max(0, items.depthAt(i) - 1.0);
    return depthDecay == 1.0 ? base : base * Math.pow(depthDecay, excess);
  }

  @Override
  public Output apply(TrainingData in) {
    boolean[] keep = new boolean[in.size()];
    for (int i = 0; i < keep.length; i++) {
      keep[i] = rng.nextDouble() >= flagProbability(in.items(), i);
    }
    return Output.filtered(in.keep(keep));
  }
}
