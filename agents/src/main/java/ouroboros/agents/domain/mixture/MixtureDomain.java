package ouroboros.agents.domain.mixture;

import org.apache.commons.rng.UniformRandomProvider;
import ouroboros.agents.data.Batch;
import ouroboros.agents.domain.EstimatorSettings;
import ouroboros.agents.domain.Evaluation;
import ouroboros.agents.domain.FitException;
import ouroboros.agents.domain.Model;
import ouroboros.agents.domain.SamplingSettings;

/**
 * The Gaussian-mixture domain: a truth sum_j w_j N(m_j, S_j) with k components in d &gt;= 1
 * dimensions, a k'-component mixture fitted by EM ({@link MixtureEstimator}; k' is the estimator's
 * {@code components}, or the truth's k when that is 0), and a sampler whose temperature T scales
 * every covariance. The mixture is the setting in which Shumailov et al. ("AI models collapse when
 * trained on recursively generated data", Nature 2024) first showed recursive training losing the
 * tails, and in which Schaeffer et al. 2025 ("Position: Model Collapse Does Not Mean What You
 * Think") place mode entanglement (definition 6).
 *
 * <p>Measures, all against the fixed material of {@link MixtureTruth}: {@code population-risk}
 * (held-out NLL of the model minus the truth's), {@code risk-band}, {@code nll} (the raw held-out
 * NLL), {@code diversity-ratio} (overall covariance traces), {@code modes-recovered} ({@link
 * ModeMatching}), {@code tail-mass-ratio}, {@code hallucinated-mass}, and {@code l2-to-first-fit}
 * (the squared L2 distance between the fit's density and the model's first fit's, {@link
 * ouroboros.agents.domain.DensityL2}).
 *
 * <p>Communities are the truth's components: a community draws from its own component, and an item
 * belongs to the truth component with the highest responsibility for it.
 */
public final class MixtureDomain extends MixtureTruthDomain {
  /** The registered family name. */
  public static final String FAMILY = "gaussian-mixture";

  /** A domain over a truth and its evaluation material. */
  public MixtureDomain(MixtureTruth truth) {
    super(truth);
  }

  @Override
  public String family() {
    return FAMILY;
  }

  @Override
  public Model fit(Batch data, double[] weights, EstimatorSettings settings) throws FitException {
    if (data.width() != width()) {
      throw new FitException("data has width " + data.width() + ", expected " + width());
    }
    int k = settings.components() > 0 ? settings.components() : truth.model().size();
    return MixtureEstimator.fit(data, weights, k);
  }

  /** Fits with EM initialised from the given generator: a model's own "fit" stream. */
  @Override
  public Model fit(
      Batch data, double[] weights, EstimatorSettings settings, UniformRandomProvider rng)
      throws FitException {
    if (data.width() != width()) {
      throw new FitException("data has width " + data.width() + ", expected " + width());
    }
    int k = settings.components() > 0 ? settings.components() : truth.model().size();
    return MixtureEstimator.fit(data, weights, k, rng);
  }

  /**
   * A warm start: EM from the previous mixture when it has the components asked for, from scratch
   * otherwise.
   */
  @Override
  public Model fitFrom(
      Model previous,
      Batch data,
      double[] weights,
      EstimatorSettings settings,
      UniformRandomProvider rng)
      throws FitException {
    int k = settings.components() > 0 ? settings.components() : truth.model().size();
    if (previous instanceof MixtureModel m && m.size() == k && data.width() == width()) {
      return MixtureEstimator.fitFrom(data, weights, m, rng);
    }
    return fit(data, weights, settings, rng);
  }

  /** Component by component ({@link MixtureModel#convex}). */
  @Override
  public Model combine(Model a, double w, Model b) throws FitException {
    return MixtureModel.convex((MixtureModel) a, w, (MixtureModel) b);
  }

  @Override
  public Batch sample(Model model, int n, SamplingSettings settings, UniformRandomProvider rng) {
    return ((MixtureModel) model).sample(n, settings.temperature(), rng);
  }

  @Override
  public Evaluation evaluate(Model model) {
    return truth.evaluate((MixtureModel) model);
  }

  @Override
  public void writeModel(Model model, java.io.DataOutput out) throws java.io.IOException {
    ((MixtureModel) model).write(out);
  }

  @Override
  public Model readModel(java.io.DataInput in) throws java.io.IOException {
    return MixtureModel.read(in);
  }
}
