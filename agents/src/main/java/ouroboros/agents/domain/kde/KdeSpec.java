package ouroboros.agents.domain.kde;

import java.util.List;
import ouroboros.agents.domain.Domain;
import ouroboros.agents.domain.DomainSpec;
import ouroboros.agents.domain.mixture.MixtureSpec;
import ouroboros.agents.domain.mixture.MixtureTruth;
import ouroboros.agents.rng.RngStreams;
import ouroboros.agents.spec.Key;
import ouroboros.agents.spec.Keys;
import ouroboros.agents.spec.Problems;
import ouroboros.agents.spec.Spec;

/**
 * A Gaussian-mixture truth in d &gt;= 1 dimensions, modelled by a kernel density estimate ({@code
 * type: kde}). The truth is given as in {@link MixtureSpec}. The estimator's {@code bandwidth}
 * fixes the kernel bandwidth; without it, the domain's {@code bandwidth-rule} picks one per
 * dimension at every fit ({@link BandwidthRule}; Silverman's rule of thumb by default). The {@code
 * kernel} is Gaussian or tophat ({@link Kernel}). Defaults: d is the length of the first mean;
 * variance 1; a held-out reference set of {@value #DEFAULT_REFERENCE_SIZE} items; density
 * evaluation over every kernel up to {@value KdeDomain#DEFAULT_EVALUATION_CAP} (in effect, exact).
 *
 * @param dimensions d, at least 1
 * @param components the truth's components, also its human communities
 * @param referenceSize items in the held-out human reference set the risk is measured on
 * @param evaluationCap most kernels used to evaluate a KDE's density (a subsample above it, which
 *     biases the held-out NLL upward); bounds the cost of evaluation at reference-size x
 *     evaluation-cap kernel terms
 */
@Spec(
    doc =
        "A Gaussian-mixture truth in d >= 1 dimensions, modelled by a kernel density estimate "
            + "(Gaussian or tophat kernel). The truth is given as for 'gaussian-mixture'. Defaults: d is the length of "
            + "the first mean; a held-out reference set of 1000 items; density evaluation over every "
            + "kernel.",
    tag = "A Gaussian-mixture truth and Gaussian kernel density models.")
public record KdeSpec(
    @Key(
            doc =
                "The dimension d, at least 1. Without this key, d is the length of the first "
                    + "component's mean.",
            min = 1)
        Integer dimensions,
    @Key(
            doc =
                "The truth's components, each with a weight, a mean and a covariance. They are also "
                    + "the human communities.",
            required = true,
            minItems = 1)
        List<MixtureSpec.ComponentSpec> components,
    @Key(
            doc =
                "Items in the held-out human reference set on which the risk (held-out NLL minus the "
                    + "truth's) is measured.",
            min = 2,
            max = 1000000,
            def = "1000")
        Integer referenceSize,
    @Key(
            doc =
                "Most kernels used to evaluate a KDE's density (the risk and the mode search); above "
                    + "it, a fixed subsample of the training points, which bounds one evaluation at "
                    + "reference-size x evaluation-cap kernel terms but biases the held-out NLL upward "
                    + "(the log of an unbiased density estimate; about 6% of the excess NLL at a cap of "
                    + "1000 and 5000 points). The default evaluates exactly. Sampling always uses "
                    + "every point.",
            min = 1,
            max = 1000000,
            def = "1000000",
            expect = "a whole number from 1 to 1000000")
        Integer evaluationCap,
    @Key(
            doc =
                "The kernel: gaussian, or tophat (uniform on the ellipsoid of radius one bandwidth "
                    + "in each dimension, as scikit-learn's 'tophat'; a reference item outside "
                    + "every kernel makes the held-out NLL infinite).",
            names = Kernel.class,
            def = "\"gaussian\"")
        String kernel,
    @Key(
            doc =
                "How the bandwidth is set at every fit when the model's estimator gives no "
                    + "'bandwidth' (which fixes it): re-estimated from that fit's training set, so "
                    + "it follows the pool as it grows. silverman: s_j (4 / ((d + 2) n))^(1/(d + 4)); "
                    + "scott: s_j n^(-1/(d + 4)) (s_j the dimension's sd, as scipy's gaussian_kde "
                    + "on the diagonal); sklearn-scott: n^(-1/(d + 4)) and sklearn-silverman: "
                    + "(n (d + 2) / 4)^(-1/(d + 4)), scikit-learn's KernelDensity rules, not scaled "
                    + "by the data's spread.",
            names = BandwidthRule.class,
            def = "\"silverman\"")
        String bandwidthRule)
    implements DomainSpec {

  /** Reference items when the scenario gives none: fewer than the mixture's, as KDE is dearer. */
  static final int DEFAULT_REFERENCE_SIZE = 1000;

  @Override
  public void validate(Problems p) {
    MixtureSpec.validateTruth(p, dimensions, components, referenceSize, 1, "");
    Keys.checkBounds(p, "/domain", this, "evaluation-cap");
    if (kernel != null && !Kernel.names().contains(kernel)) {
      p.add("/domain/kernel", kernel, "one of " + Kernel.names());
    }
    if (bandwidthRule != null && !BandwidthRule.names().contains(bandwidthRule)) {
      p.add("/domain/bandwidth-rule", bandwidthRule, "one of " + BandwidthRule.names());
    }
  }

  @Override
  public KdeSpec resolve() {
    int d = MixtureSpec.dimensionsOf(dimensions, components);
    return new KdeSpec(
        d,
        MixtureSpec.resolveComponents(d, components),
        referenceSize != null ? referenceSize : DEFAULT_REFERENCE_SIZE,
        evaluationCap != null ? evaluationCap : KdeDomain.DEFAULT_EVALUATION_CAP,
        kernel != null ? kernel : Kernel.GAUSSIAN.key(),
        bandwidthRule != null ? bandwidthRule : BandwidthRule.SILVERMAN.key());
  }

  @Override
  public List<String> estimatorKeys() {
    return List.of("bandwidth");
  }

  /** The truth's components are its human communities. */
  @Override
  public int communityCount() {
    return components == null || components.isEmpty() ? 1 : components.size();
  }

  @Override
  public Domain build(RngStreams streams) {
    MixtureTruth truth = MixtureSpec.truth(dimensions, components, referenceSize, streams);
    return new KdeDomain(truth, evaluationCap, Kernel.of(kernel), BandwidthRule.of(bandwidthRule));
  }
}
