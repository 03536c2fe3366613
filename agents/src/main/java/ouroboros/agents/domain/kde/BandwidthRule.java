package ouroboros.agents.domain.kde;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.util.FastMath;

/**
 * How a KDE's bandwidth is chosen at each fit when the estimator sets none, as a function of the
 * training set of that fit (so it is re-estimated at every retrain, on the pool as it grows). With
 * n the effective sample size (sum w)^2 / sum w^2 (the number of items for equal weights), d the
 * dimension and s_j the weighted sample standard deviation of dimension j (reliability-weight
 * correction, n - 1 for equal weights):
 *
 * <ul>
 *   <li>{@code silverman}: h_j = s_j (4 / ((d + 2) n))^(1 / (d + 4)) (Silverman 1986, eq. 4.14;
 *       scipy's {@code gaussian_kde(bw_method='silverman')} on the diagonal); 1.06 s n^(-1/5) in
 *       one dimension.
 *   <li>{@code scott}: h_j = s_j n^(-1 / (d + 4)) (Scott 1992, eq. 6.42; scipy's default {@code
 *       bw_method='scott'} on the diagonal).
 *   <li>{@code sklearn-scott}: h = n^(-1 / (d + 4)) in every dimension, scikit-learn's {@code
 *       KernelDensity(bandwidth='scott')}, which does not scale by the data's spread.
 *   <li>{@code sklearn-silverman}: h = (n (d + 2) / 4)^(-1 / (d + 4)) in every dimension,
 *       scikit-learn's {@code KernelDensity(bandwidth='silverman')}, also unscaled.
 * </ul>
 *
 * <p>scipy scales the factor by the full covariance matrix; this KDE has a diagonal bandwidth, so
 * the scaled rules use each dimension's own sd (the two agree when the dimensions are
 * uncorrelated). scikit-learn counts rows, not an effective size; the two agree for equal weights,
 * which is what every regime but weighted mixing gives.
 */
public enum BandwidthRule {
  /** Silverman's rule, scaled by each dimension's sd. */
  SILVERMAN,
  /** Scott's rule, scaled by each dimension's sd. */
  SCOTT,
  /** scikit-learn's unscaled Scott factor. */
  SKLEARN_SCOTT,
  /** scikit-learn's unscaled Silverman factor. */
  SKLEARN_SILVERMAN;

  /** The scenario name: the constant in kebab case. */
  public String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Every scenario name, in declared order. */
  public static List<String> names() {
    return Arrays.stream(values()).map(BandwidthRule::key).toList();
  }

  /** The rule with a scenario name; call on a validated name. */
  public static BandwidthRule of(String key) {
    for (BandwidthRule r : values()) {
      if (r.key().equals(key)) {
        return r;
      }
    }
    throw new IllegalArgumentException("unknown bandwidth rule '" + key + "'; known: " + names());
  }

  /** Whether the factor is multiplied by the dimension's sd. */
  public boolean scaled() {
    return this == SILVERMAN || this == SCOTT;
  }

  /**
   * The factor that multiplies the sd (or is the bandwidth, unscaled) at n items in d dimensions.
   */
  public double factor(double n, int d) {
    return switch (this) {
      case SILVERMAN -> FastMath.pow(4.0 / ((d + 2) * n), 1.0 / (d + 4));
      case SCOTT, SKLEARN_SCOTT -> FastMath.pow(n, -1.0 / (d + 4));
      case SKLEARN_SILVERMAN -> FastMath.pow(n * (d + 2) / 4.0, -1.0 / (d + 4));
    };
  }
}
