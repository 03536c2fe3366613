package ouroboros.agents.domain.mixture;

import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import ouroboros.agents.data.Batch;
import ouroboros.agents.domain.DensityL2;
import ouroboros.agents.domain.Domain;
import ouroboros.agents.domain.Model;

/**
 * What every domain over a Gaussian-mixture truth shares, whatever its model family (a mixture
 * fitted by EM, or a kernel density estimate): the truth sampler, the truth as a model, and the
 * communities, one per component.
 */
public abstract class MixtureTruthDomain implements Domain {
  /** The truth and its evaluation material. */
  protected final MixtureTruth truth;

  /** A domain over a truth. */
  protected MixtureTruthDomain(MixtureTruth truth) {
    this.truth = Objects.requireNonNull(truth, "truth");
  }

  @Override
  public final int width() {
    return truth.model().dimension();
  }

  @Override
  public final Batch sampleTruth(int n, UniformRandomProvider rng) {
    return truth.model().sample(n, 1.0, rng);
  }

  @Override
  public final Model truthModel() {
    return truth.model();
  }

  @Override
  public final int communities() {
    return truth.model().size();
  }

  @Override
  public final Batch sampleCommunity(int community, int n, UniformRandomProvider rng) {
    return truth.model().sampleComponent(community, n, rng);
  }

  @Override
  public final int communityOf(Batch batch, int i) {
    return truth.model().mostResponsible(batch.values(), i * batch.width());
  }

  /** The truth mixture's log density at item {@code i}. */
  @Override
  public final double truthScore(Batch batch, int i) {
    return truth.model().logDensity(batch.values(), i * batch.width());
  }

  /**
   * The squared L2 distance between two mixtures' densities ({@link DensityL2}); NaN when either
   * model is not a mixture (a KDE: its distance would cost a term per pair of kernels).
   */
  @Override
  public double squaredL2(Model a, Model b) {
    if (!(a instanceof MixtureModel p) || !(b instanceof MixtureModel q)) {
      return Double.NaN;
    }
    return DensityL2.squared(
        weights(p), means(p), covariances(p), weights(q), means(q), covariances(q));
  }

  /** The mixture's weights. */
  private static double[] weights(MixtureModel m) {
    double[] w = new double[m.size()];
    for (int j = 0; j < w.length; j++) {
      w[j] = m.weight(j);
    }
    return w;
  }

  /** The mixture's means. */
  private static double[][] means(MixtureModel m) {
    double[][] out = new double[m.size()][];
    for (int j = 0; j < out.length; j++) {
      out[j] = m.component(j).mean();
    }
    return out;
  }

  /** The mixture's covariances. */
  private static double[][][] covariances(MixtureModel m) {
    double[][][] out = new double[m.size()][][];
    for (int j = 0; j < out.length; j++) {
      out[j] = m.component(j).covariance();
    }
    return out;
  }
}
