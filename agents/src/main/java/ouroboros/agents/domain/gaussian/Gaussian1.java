package ouroboros.agents.domain.gaussian;

import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.special.Gamma;
import org.apache.commons.math3.util.ContinuedFraction;
import org.apache.commons.math3.util.FastMath;
import ouroboros.agents.domain.EstimatorSettings;
import ouroboros.agents.domain.FitException;
import ouroboros.agents.domain.VarianceEstimator;

/**
 * The one-dimensional closed forms of {@link GaussianDomain}: the equal-weight fit, KL(truth ||
 * model), the model's mass beyond a truth-centred interval, and the standard normal distribution
 * function behind it.
 *
 * <p>The distribution function is Commons Math's {@link Erf#erfc}, computed here with the same
 * floating-point operations in the same order, so that its results are the same bit for bit; what
 * it saves is per call work that does not depend on the argument. {@code erfc(x)} is {@code Q(1/2,
 * x^2)}, the regularized upper incomplete gamma function, which Commons Math (3.6.1, {@link
 * Gamma#regularizedGammaQ(double, double, double, int)}) evaluates for {@code x^2 >= 3/2} as a
 * continued fraction (Numerical Recipes, 6.2.7) times {@code exp(-x^2 + ln(x^2) / 2 - ln
 * Gamma(1/2))}. Here {@code ln Gamma(1/2)} is computed once, by {@link Gamma#logGamma}, and the
 * continued fraction's coefficients are one shared object instead of one per call. Below 3/2, where
 * Commons Math takes the series for P, this calls {@link Erf#erfc} itself.
 */
final class Gaussian1 {
  /** ln Gamma(1/2), as {@link Gamma#regularizedGammaQ} computes it at every call. */
  private static final double LOG_GAMMA_HALF = Gamma.logGamma(0.5);

  /** Commons Math's continued fraction for Q(a, x) at a = 1/2, the same coefficients. */
  private static final ContinuedFraction Q_HALF =
      new ContinuedFraction() {
        @Override
        protected double getA(int n, double x) {
          return ((2.0 * n) + 1.0) - 0.5 + x;
        }

        @Override
        protected double getB(int n, double x) {
          return n * (0.5 - n);
        }
      };

  /** Commons Math's accuracy and iteration limit in {@link Erf#erfc}. */
  private static final double EPSILON = 1.0e-15;

  private static final int MAX_ITERATIONS = 10_000;

  /** The square root of 2, correctly rounded as every {@link Math#sqrt} is. */
  private static final double SQRT_2 = Math.sqrt(2);

  private Gaussian1() {}

  /**
   * The equal-weight fit in one dimension of the first n values of x, whose sum (added in order
   * from 0) is {@code sum}: the same arithmetic as the general case with weights of 1.
   */
  static GaussianModel fitUnweighted(double[] x, int n, double sum, EstimatorSettings settings)
      throws FitException {
    double sw = n; // n additions of 1.0, which are exact
    double m = sum / sw;
    double c = 0;
    for (int i = 0; i < n; i++) {
      double da = x[i] - m;
      c += da * (x[i] - m);
    }
    double denominator = settings.variance() == VarianceEstimator.MLE ? sw : sw - sw / sw;
    if (!(denominator > 0)) {
      throw new FitException("too few effective items for the unbiased variance");
    }
    return GaussianModel.of(new double[] {m}, new double[][] {{c / denominator}});
  }

  /** KL(truth || model) of two one-dimensional Gaussians, in nats. */
  static double risk(GaussianModel truth, GaussianModel m) {
    int d = 1;
    // The same operations as the d-dimensional form on 1 x 1 matrices: each product is summed
    // from 0.
    double diff = m.meanAt(0) - truth.meanAt(0);
    double inverse = m.inverse().getEntry(0, 0);
    double traceTerm = inverse * truth.covariance(0, 0);
    double quad = diff * (inverse * diff);
    return 0.5 * (traceTerm + quad - d + m.logDet() - truth.logDet());
  }

  /** The model's mass where the truth's squared standardized distance exceeds r2. */
  static double massBeyond(GaussianModel truth, GaussianModel m, double r2) {
    double r = Math.sqrt(r2 * truth.covariance(0, 0));
    double sd = Math.sqrt(m.covariance(0, 0));
    double lo = (truth.meanAt(0) - r - m.meanAt(0)) / sd;
    double hi = (truth.meanAt(0) + r - m.meanAt(0)) / sd;
    return phi(lo) + phi(-hi);
  }

  /** The standard normal distribution function. */
  static double phi(double x) {
    return 0.5 * erfc(-x / SQRT_2);
  }

  /** {@link Erf#erfc(double)}, bit for bit (see the class comment). */
  static double erfc(double x) {
    if (FastMath.abs(x) > 40) {
      return x > 0 ? 0 : 2;
    }
    double z = x * x;
    // Q's continued-fraction branch (x^2 >= a + 1); NaN and the series branch go to Commons Math.
    if (!(z >= 0.5 + 1.0)) {
      return Erf.erfc(x);
    }
    double q = 1.0 / Q_HALF.evaluate(z, EPSILON, MAX_ITERATIONS);
    q = FastMath.exp(-z + 0.5 * FastMath.log(z) - LOG_GAMMA_HALF) * q;
    return x < 0 ? 2 - q : q;
  }
}
