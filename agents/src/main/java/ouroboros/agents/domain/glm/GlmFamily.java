package ouroboros.agents.domain.glm;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.special.Gamma;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;

/**
 * The response family of a generalised linear model with its canonical link: logistic (y in {0, 1},
 * P(y = 1 | x) = 1 / (1 + e^-eta)) or Poisson (y = 0, 1, 2, ..., mean e^eta), eta = x.b.
 */
public enum GlmFamily {
  /** Bernoulli labels with the logit link. */
  LOGISTIC,
  /** Poisson counts with the log link. */
  POISSON;

  /** The largest |eta| the Poisson mean is taken at, as the authors' clip of eta to [-20, 20]. */
  static final double POISSON_ETA_CAP = 20;

  /** The scenario name: the constant in lower case. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Every scenario name, in declared order. */
  public static List<String> names() {
    return Arrays.stream(values()).map(GlmFamily::key).toList();
  }

  /** The family with a scenario name; call on a validated name. */
  public static GlmFamily of(String key) {
    for (GlmFamily f : values()) {
      if (f.key().equals(key)) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown family '" + key + "'; known: " + names());
  }

  /** The mean of y given eta. */
  double mean(double eta) {
    return switch (this) {
      case LOGISTIC -> eta >= 0 ? 1 / (1 + Math.exp(-eta)) : Math.exp(eta) / (1 + Math.exp(eta));
      case POISSON -> Math.exp(eta);
    };
  }

  /** The variance of y given eta: d mean / d eta for the canonical link. */
  double variance(double eta) {
    double mu = mean(eta);
    return this == LOGISTIC ? mu * (1 - mu) : mu;
  }

  /** A label drawn given eta; a Poisson mean is taken at eta clipped to [-20, 20]. */
  double draw(double eta, UniformRandomProvider rng) {
    double mu =
        mean(this == POISSON ? Math.max(-POISSON_ETA_CAP, Math.min(POISSON_ETA_CAP, eta)) : eta);
    return switch (this) {
      case LOGISTIC -> rng.nextDouble() < mu ? 1 : 0;
      case POISSON -> PoissonSampler.of(rng, mu).sample();
    };
  }

  /** The log-likelihood of label y given eta (with the Poisson's log y!). */
  double logLikelihood(double y, double eta) {
    return switch (this) {
      case LOGISTIC -> y * eta - softplus(eta);
      case POISSON -> y * eta - Math.exp(eta) - Gamma.logGamma(y + 1);
    };
  }

  /** Whether y is a label this family can give. */
  boolean isLabel(double y) {
    return this == LOGISTIC ? y == 0 || y == 1 : y >= 0 && y == Math.rint(y) && y < 1e15;
  }

  /** log(1 + e^eta) without overflow. */
  static double softplus(double eta) {
    return eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta));
  }
}
