package ouroboros.agents.domain.mixture;

import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import ouroboros.agents.data.Batch;
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
}
