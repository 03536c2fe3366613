package ouroboros.agents.domain.gaussian;

import java.util.ArrayList;
import java.util.List;
import ouroboros.agents.domain.Domain;
import ouroboros.agents.domain.DomainSpec;
import ouroboros.agents.domain.FitException;
import ouroboros.agents.spec.Key;
import ouroboros.agents.spec.Problems;
import ouroboros.agents.spec.Spec;

/**
 * A Gaussian truth N(mean, covariance) in d dimensions. Give the covariance either as {@code
 * variance} (a diagonal, one entry per dimension) or as a full {@code covariance} matrix. Defaults:
 * d = 1, mean 0, variance 1.
 *
 * @param dimensions d
 * @param mean the truth's mean, d entries
 * @param variance the truth's variances, d entries (a diagonal covariance)
 * @param covariance the truth's full covariance, d rows of d entries
 */
@Spec(
    doc =
        "A Gaussian truth N(mean, covariance) in d dimensions. Give the covariance either as "
            + "'variance' (a diagonal) or as a full 'covariance' matrix, not both. Defaults: d = 1, "
            + "mean 0, variance 1.",
    tag = "A Gaussian truth and Gaussian models fitted by maximum likelihood.",
    rules =
        """
        {
          "not": {
            "required": [
              "variance",
              "covariance"
            ]
          }
        }
        """)
public record GaussianSpec(
    @Key(
            doc =
                "The dimension d, at most 1000. Without this key, d is the length of 'mean', or"
                    + " 1.",
            min = 1,
            max = MAX_DIMENSIONS,
            def = "1")
        Integer dimensions,
    @Key(
            doc = "The truth's mean, d entries. Default: d zeros.",
            minItems = 1,
            items = "{\"type\": \"number\"}")
        List<Double> mean,
    @Key(
            doc =
                "The truth's variances, d entries each greater than 0 (a diagonal covariance). "
                    + "Default: d ones, unless 'covariance' is given.",
            minItems = 1,
            items = "{\"type\": \"number\", \"exclusiveMinimum\": 0}")
        List<Double> variance,
    @Key(
            doc =
                "The truth's full covariance: d rows of d entries, symmetric positive definite. Give "
                    + "this or 'variance', not both.",
            minItems = 1,
            items =
                """
            {
              "type": "array",
              "minItems": 1,
              "items": {
                "type": "number"
              }
            }
            """)
        List<List<Double>> covariance)
    implements DomainSpec {

  /**
   * The most dimensions: a model holds a d x d covariance (8 MB at 1000) and fits it in O(n d^2 +
   * d^3) time.
   */
  public static final int MAX_DIMENSIONS = 1000;

  @Override
  public void validate(Problems p) {
    int d = dimensions != null ? dimensions : mean != null ? mean.size() : 1;
    if (dimensions != null && dimensions < 1) {
      p.add("/domain/dimensions", dimensions, "a whole number of at least 1");
      return;
    }
    if (d > MAX_DIMENSIONS) {
      if (dimensions != null) {
        p.add("/domain/dimensions", d, "a whole number from 1 to " + MAX_DIMENSIONS);
      } else {
        p.addWorded("/domain/mean", d + " entries", "at most " + MAX_DIMENSIONS + " entries");
      }
      return;
    }
    if (mean != null && mean.size() != d) {
      p.addWorded("/domain/mean", mean.size() + " entries", d + " entries, one per dimension");
    }
    if (variance != null && covariance != null) {
      p.addWorded("/domain/covariance", "both variance and covariance", "only one of them");
    }
    if (variance != null) {
      if (variance.size() != d) {
        p.addWorded(
            "/domain/variance",
            variance.size() + " entries",
            entries(d) + " (" + dimensionSource(d, variance.size()) + ")");
      }
      for (int i = 0; i < variance.size(); i++) {
        Double v = variance.get(i);
        if (v == null || !(v > 0) || v.isInfinite()) {
          p.add("/domain/variance/" + i, v, "a variance greater than 0");
        }
      }
    }
    if (covariance != null) {
      if (covariance.size() != d || covariance.stream().anyMatch(r -> r == null || r.size() != d)) {
        p.addWorded(
            "/domain/covariance",
            "a matrix that is not " + d + "x" + d,
            (d == 1 ? "1 row" : d + " rows")
                + " of "
                + entries(d)
                + " ("
                + dimensionSource(d, covariance.size())
                + ")");
      } else {
        try {
          GaussianModel.of(new double[d], toArray(covariance));
        } catch (FitException e) {
          p.addWorded(
              "/domain/covariance",
              "a matrix that is not symmetric positive definite",
              "a symmetric positive definite covariance");
        }
      }
    }
  }

  /** "1 entry" or "d entries". */
  private static String entries(int d) {
    return d == 1 ? "1 entry" : d + " entries";
  }

  /**
   * Where the dimension d came from, for a message about a list of the wrong size: 'dimensions',
   * the length of 'mean', or the default 1, with the key that would give {@code given} dimensions.
   */
  private String dimensionSource(int d, int given) {
    if (dimensions != null) {
      return "d = " + d + ", the domain's 'dimensions'";
    }
    if (mean != null) {
      return "d = " + d + ", the length of 'mean'";
    }
    return "d = 1: the domain gives no 'dimensions' or 'mean'; give dimensions: " + given;
  }

  @Override
  public GaussianSpec resolve() {
    int d = dimensions != null ? dimensions : mean != null ? mean.size() : 1;
    List<Double> m = mean != null ? mean : new ArrayList<>(java.util.Collections.nCopies(d, 0.0));
    List<Double> v = variance;
    if (variance == null && covariance == null) {
      v = new ArrayList<>(java.util.Collections.nCopies(d, 1.0));
    }
    return new GaussianSpec(d, m, v, covariance);
  }

  @Override
  public List<String> estimatorKeys() {
    return List.of("variance", "combine", "warm-start");
  }

  @Override
  public Domain build(ouroboros.agents.rng.RngStreams streams) {
    int d = dimensions;
    double[] mu = new double[d];
    for (int i = 0; i < d; i++) {
      mu[i] = mean.get(i);
    }
    double[][] cov;
    if (covariance != null) {
      cov = toArray(covariance);
    } else {
      cov = new double[d][d];
      for (int i = 0; i < d; i++) {
        cov[i][i] = variance.get(i);
      }
    }
    try {
      return new GaussianDomain(GaussianModel.of(mu, cov), streams.stream("domain", "evaluation"));
    } catch (FitException e) {
      throw new IllegalStateException(
          "invalid Gaussian truth passed validation: " + e.getMessage());
    }
  }

  /** A matrix as a primitive array. */
  private static double[][] toArray(List<List<Double>> rows) {
    double[][] a = new double[rows.size()][];
    for (int i = 0; i < a.length; i++) {
      a[i] = rows.get(i).stream().mapToDouble(x -> x == null ? Double.NaN : x).toArray();
    }
    return a;
  }
}
