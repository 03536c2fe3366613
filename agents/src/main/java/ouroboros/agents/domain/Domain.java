package ouroboros.agents.domain;

import org.apache.commons.rng.UniformRandomProvider;
import ouroboros.agents.data.Batch;

/**
 * A data domain: a ground-truth distribution, a model family that fits it, and the measures that
 * compare a fitted model with the truth. Plain Java: immutable, with randomness passed in.
 */
public interface Domain {

  /** The registered family name, such as {@code gaussian}. */
  String family();

  /**
   * What {@link Metrics#DIVERSITY_RATIO} measures here, as a table's column title: {@code "variance
   * ratio"} (the default: the model's variance, or its covariance's trace, over the truth's) or
   * {@code "entropy ratio"} for a discrete domain.
   */
  default String diversityRatioName() {
    return "variance ratio";
  }

  /** Doubles per item. */
  int width();

  /** Draws {@code n} items from the truth. Human sources and fresh archive data use this. */
  Batch sampleTruth(int n, UniformRandomProvider rng);

  /** A model equal to the truth: a generation-0 model "trained on unlimited human data". */
  Model truthModel();

  /**
   * Fits the family to a training set.
   *
   * @param data the training items
   * @param weights one non-negative weight per item, or null for equal weights
   * @throws FitException when the fit fails or diverges
   */
  Model fit(Batch data, double[] weights, EstimatorSettings settings) throws FitException;

  /**
   * Fits the family with a generator for estimators that need randomness, such as EM's
   * initialisation; models pass their own "fit" stream. Deterministic estimators ignore it.
   */
  default Model fit(
      Batch data, double[] weights, EstimatorSettings settings, UniformRandomProvider rng)
      throws FitException {
    return fit(data, weights, settings);
  }

  /**
   * Fits starting from the previous model, for a warm start ({@link Fits}): an iterative estimator
   * starts from the previous parameters. By default, and where the previous model is of another
   * kind, it is the fit from scratch.
   */
  default Model fitFrom(
      Model previous,
      Batch data,
      double[] weights,
      EstimatorSettings settings,
      UniformRandomProvider rng)
      throws FitException {
    return fit(data, weights, settings, rng);
  }

  /**
   * The convex combination w a + (1 - w) b of two models of this family, parameter by parameter,
   * for He et al.'s combination of fits and for warm-start steps ({@link Fits}).
   *
   * @throws FitException when the family has no such combination or the models do not match
   */
  default Model combine(Model a, double w, Model b) throws FitException {
    throw new FitException("a " + family() + " domain cannot combine two models");
  }

  /**
   * Definition 4's human-only baseline for one model with these estimator settings. By default it
   * refits on n new truth items at every call ({@link Baseline#refitting}); a domain whose family
   * has sufficient statistics keeps them for one growing fresh sample instead.
   */
  default Baseline baseline(EstimatorSettings settings) {
    return Baseline.refitting(this, settings);
  }

  /** Draws {@code n} items from a fitted model. */
  Batch sample(Model model, int n, SamplingSettings settings, UniformRandomProvider rng);

  /**
   * The model's measures against the truth, named as in {@link Metrics}: at least the population
   * risk, its Monte Carlo band and the diversity ratio, plus those of the collapse definitions that
   * mean something in this domain. A measure that does not apply is left out, never 0.
   * Deterministic: any Monte Carlo here uses a fixed reference set or sample drawn when the domain
   * was built.
   */
  Evaluation evaluate(Model model);

  /**
   * {@link #evaluate(Model)} with {@link Metrics#L2_TO_FIRST_FIT} added where this domain defines
   * it: {@link #squaredL2} from {@code firstFit} to {@code model} (0 when they are the same fit),
   * left out when NaN. A domain may override it to add the distance without copying the evaluation.
   */
  default Evaluation evaluate(Model model, Model firstFit) {
    Evaluation evaluation = evaluate(model);
    double l2 = squaredL2(firstFit, model);
    return Double.isNaN(l2) ? evaluation : evaluation.with(Metrics.L2_TO_FIRST_FIT, l2);
  }

  /**
   * How many communities the human truth is made of: the mixture's components, slices of the
   * categories, or dialects of the language. 1 when the domain has no such structure.
   */
  default int communities() {
    return 1;
  }

  /** Draws n items from one community's sub-distribution. */
  default Batch sampleCommunity(int community, int n, UniformRandomProvider rng) {
    if (community != 0) {
      throw new IllegalArgumentException("community is out of range: " + community);
    }
    return sampleTruth(n, rng);
  }

  /**
   * The community item {@code i} of a batch most likely comes from, so that the summary can set
   * each community's share in a model's output beside its share in human output.
   */
  default int communityOf(Batch batch, int i) {
    return 0;
  }

  /**
   * How well item {@code i} agrees with the truth: its log-likelihood under the truth (per token
   * for text), higher is better. The verification stage scores items with it, plus noise.
   */
  double truthScore(Batch batch, int i);

  /**
   * The length of item {@code i} in tokens, for detectors whose power grows with length (the
   * z-score watermark detector). 1 in domains whose items are single observations.
   */
  default int tokens(Batch batch, int i) {
    return 1;
  }

  /**
   * A key that two items share when they are duplicates: every payload value rounded to a multiple
   * of {@code resolution} (0: exact duplicates only). Domains with discrete items may define
   * nearness their own way.
   */
  default long duplicateKey(Batch batch, int i, double resolution) {
    int w = batch.width();
    long h = 0x9E3779B97F4A7C15L;
    for (int j = 0; j < w; j++) {
      double v = batch.values()[i * w + j];
      double q = resolution > 0 ? Math.floor(v / resolution + 0.5) : v;
      h = (h ^ Double.doubleToLongBits(q == 0.0 ? 0.0 : q)) * 0xBF58476D1CE4E5B9L;
      h ^= h >>> 31;
    }
    return h;
  }

  /**
   * The squared L2 distance int (p_a(x) - p_b(x))^2 dx between two models' densities, reported as
   * {@link Metrics#L2_TO_FIRST_FIT} against a model's first fit; NaN (the default) where this
   * domain does not define it, and then the metric is left out.
   */
  default double squaredL2(Model a, Model b) {
    return Double.NaN;
  }

  /**
   * Writes a model this domain fitted, for a checkpoint (docs/checkpoints.md): its parameters,
   * enough for {@link #readModel} to give back a model that samples and evaluates bit for bit as
   * this one does.
   */
  void writeModel(Model model, java.io.DataOutput out) throws java.io.IOException;

  /**
   * Reads a model that {@link #writeModel} wrote.
   *
   * @throws java.io.IOException when the bytes are not such a model
   */
  Model readModel(java.io.DataInput in) throws java.io.IOException;
}
