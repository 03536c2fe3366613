package ouroboros.sim.metrics;

import java.util.List;
import ouroboros.agents.collapse.Definition;
import ouroboros.agents.collapse.Verdict;
import ouroboros.agents.domain.Metrics;
import ouroboros.agents.model.RetrainReport;

/**
 * The numbers one model exports, as a flat array of doubles so that one model's values are replaced
 * in a single volatile write and a scrape never sees half of an update. Slot {@link #VERDICT} + d -
 * 1 holds definition d's verdict: 1 when it fires, 0 when it does not, NaN when it does not apply
 * (yet). Every slot is NaN before the model's first retrain, except the fit failure count, which
 * starts at 0.
 *
 * <p>The topology slots ({@link #HUMAN_ANCESTRY}, {@link #TRAINING_DEPTH}, {@link
 * #PREDICTED_COLLAPSE}) come from the interaction graph, which is analysed at every tick, not from
 * the retrain report: a retrain keeps them, and {@link #withTopology} replaces them.
 */
final class ModelValues {
  /** Generation after the latest retrain. */
  static final int GENERATION = 0;

  /** Population risk. */
  static final int RISK = 1;

  /** Definition 1's number, risk_g / risk_1. */
  static final int RISK_RATIO = 2;

  /** Diversity ratio (variance or entropy). */
  static final int DIVERSITY_RATIO = 3;

  /** Tail mass ratio. */
  static final int TAIL_MASS_RATIO = 4;

  /** Human share of the latest training set. */
  static final int TRAIN_HUMAN_SHARE = 5;

  /** Synthetic depth of what the model publishes. */
  static final int OUTPUT_DEPTH = 6;

  /** Fit failures so far. */
  static final int FIT_FAILURES = 7;

  /** Human ancestry a_i in the interaction graph of the latest window. */
  static final int HUMAN_ANCESTRY = 8;

  /** Mean synthetic depth of the training data in the latest window. */
  static final int TRAINING_DEPTH = 9;

  /** The graph's prediction: 1 collapses, 0 bounded, NaN unknown. */
  static final int PREDICTED_COLLAPSE = 10;

  /** Definition 1's verdict; definition d is at VERDICT + d - 1. */
  static final int VERDICT = 11;

  /** Number of slots. */
  static final int SIZE = VERDICT + Definition.values().length;

  private ModelValues() {}

  /** The values of a model that has not retrained yet. */
  static double[] empty() {
    double[] v = new double[SIZE];
    java.util.Arrays.fill(v, Double.NaN);
    v[FIT_FAILURES] = 0;
    return v;
  }

  /** A model's values after a retrain, with the topology slots of {@code previous}. */
  static double[] of(RetrainReport r, double[] previous) {
    double[] v = empty();
    v[HUMAN_ANCESTRY] = previous[HUMAN_ANCESTRY];
    v[TRAINING_DEPTH] = previous[TRAINING_DEPTH];
    v[PREDICTED_COLLAPSE] = previous[PREDICTED_COLLAPSE];
    v[GENERATION] = r.generation();
    v[RISK] = r.evaluation().get(Metrics.POPULATION_RISK);
    v[DIVERSITY_RATIO] = r.evaluation().get(Metrics.DIVERSITY_RATIO);
    v[TAIL_MASS_RATIO] = r.evaluation().get(Metrics.TAIL_MASS_RATIO);
    v[TRAIN_HUMAN_SHARE] = r.composition().humanShare();
    v[OUTPUT_DEPTH] = r.outputDepth();
    v[FIT_FAILURES] = r.fitFailures();
    for (Verdict verdict : r.verdicts()) {
      int d = verdict.definition().ordinal();
      v[VERDICT + d] = verdict.state().value();
      if (verdict.definition() == Definition.CATASTROPHIC_RISK) {
        v[RISK_RATIO] = verdict.number();
      }
    }
    return v;
  }

  /** A copy of {@code v} with the given topology values. */
  static double[] withTopology(double[] v, double ancestry, double depth, double predicted) {
    double[] out = v.clone();
    out[HUMAN_ANCESTRY] = ancestry;
    out[TRAINING_DEPTH] = depth;
    out[PREDICTED_COLLAPSE] = predicted;
    return out;
  }

  /**
   * The aggregate of several models' values: the fit failure count is their sum, every other slot
   * the mean over the models where it is not NaN (NaN when it is NaN for all). A verdict's mean is
   * the share of those models where the definition fires, and the predicted collapse's mean the
   * share of them predicted to collapse, among those whose prediction is known.
   */
  static double[] aggregate(List<double[]> models) {
    double[] out = new double[SIZE];
    for (int i = 0; i < SIZE; i++) {
      double sum = 0;
      int n = 0;
      for (double[] m : models) {
        if (!Double.isNaN(m[i])) {
          sum += m[i];
          n++;
        }
      }
      out[i] = i == FIT_FAILURES ? sum : n == 0 ? Double.NaN : sum / n;
    }
    return out;
  }
}
