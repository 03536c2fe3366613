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

  /** Draws {@code n} items from a fitted model. */
  Batch sample(Model model, int n, SamplingSettings settings, UniformRandomProvider rng);

  /** The model's metrics against the truth. */
  Evaluation evaluate(Model model);
}
