package ouroboros.sim.scenario;

import java.util.List;
import ouroboros.agents.domain.Domain;
import ouroboros.agents.domain.kde.KdeDomain;
import ouroboros.agents.domain.mixture.MixtureTruth;
import ouroboros.agents.rng.RngStreams;

/**
 * A Gaussian-mixture truth in d &gt;= 1 dimensions, modelled by a Gaussian kernel density
 * estimate ({@code type: kde}). The truth is given as in {@link MixtureSpec}. The estimator's
 * {@code bandwidth} sets the kernel bandwidth; without it, Silverman's rule of thumb picks one per
 * dimension. Defaults: d is the length of the first mean; variance 1; a held-out reference set of
 * {@value #DEFAULT_REFERENCE_SIZE} items; at most {@value KdeDomain#DEFAULT_EVALUATION_CAP}
 * kernels in density evaluation.
 *
 * @param dimensions d, at least 1
 * @param components the truth's components, also its human communities
 * @param referenceSize items in the held-out human reference set the risk is measured on
 * @param evaluationCap most kernels used to evaluate a KDE's density (a subsample above it);
 *     bounds the cost of evaluation at reference-size x evaluation-cap kernel terms
 */
public record KdeSpec(
    Integer dimensions, List<MixtureSpec.ComponentSpec> components, Integer referenceSize,
    Integer evaluationCap) implements DomainSpec {

  /** Reference items when the scenario gives none: fewer than the mixture's, as KDE is dearer. */
  static final int DEFAULT_REFERENCE_SIZE = 1000;

  @Override
  public void validate(Problems p) {
    MixtureSpec.validateTruth(p, dimensions, components, referenceSize, 1, "");
    if (evaluationCap != null && (evaluationCap < 1 || evaluationCap > MixtureSpec.MAX_SIZE)) {
      p.add("/domain/evaluation-cap", evaluationCap,
          "a whole number from 1 to " + MixtureSpec.MAX_SIZE);
    }
  }

  @Override
  public KdeSpec resolve() {
    int d = MixtureSpec.dimensionsOf(dimensions, components);
    return new KdeSpec(d, MixtureSpec.resolveComponents(d, components),
        referenceSize != null ? referenceSize : DEFAULT_REFERENCE_SIZE,
        evaluationCap != null ? evaluationCap : KdeDomain.DEFAULT_EVALUATION_CAP);
  }

  @Override
  public List<String> estimatorKeys() {
    return List.of("bandwidth");
  }

  @Override
  public Domain build(RngStreams streams) {
    MixtureTruth truth = MixtureSpec.truth(dimensions, components, referenceSize, streams);
    return new KdeDomain(truth, evaluationCap);
  }
}
