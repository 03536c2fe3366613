package ouroboros.agents.domain.mixture;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import ouroboros.agents.domain.Domain;
import ouroboros.agents.domain.DomainSpec;
import ouroboros.agents.domain.FitException;
import ouroboros.agents.rng.RngStreams;
import ouroboros.agents.spec.Key;
import ouroboros.agents.spec.Problems;
import ouroboros.agents.spec.Spec;

/**
 * A Gaussian-mixture truth sum_j w_j N(mean_j, S_j) in d &gt;= 1 dimensions, fitted by EM ({@code
 * type: gaussian-mixture}). Each component gives its weight, its mean, and its covariance either as
 * {@code variance} (a diagonal) or as a full {@code covariance}; the weights sum to 1. Defaults: d
 * is the length of the first mean; variance 1 in every dimension; a held-out reference set of
 * {@value MixtureTruth#DEFAULT_REFERENCE_SIZE} items.
 *
 * @param dimensions d, at least 1 (EM by Commons Math from 2 dimensions, by {@link Em1d} in one)
 * @param components the truth's components, also its human communities
 * @param referenceSize items in the held-out human reference set the risk is measured on
 */
@Spec(
    doc =
        "A Gaussian-mixture truth in d >= 1 dimensions, modelled by a k-component mixture fitted "
            + "by EM. The weights sum to 1. Defaults: d is the length of the first "
            + "mean; a held-out reference set of 2000 items.",
    tag = "A Gaussian-mixture truth and Gaussian-mixture models fitted by EM.")
public record MixtureSpec(
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
            def = "2000")
        Integer referenceSize)
    implements DomainSpec {

  /** Largest reference set (and evaluation cap) a scenario may ask for. */
  static final int MAX_SIZE = 1_000_000;

  /**
   * One mixture component.
   *
   * @param weight its weight in (0, 1]
   * @param mean its mean, d entries
   * @param variance its variances, d entries (a diagonal covariance)
   * @param covariance its full covariance, d rows of d entries
   */
  @Spec(
      name = "mixture-component",
      doc =
          "One Gaussian component of a mixture truth, also one human community. Give its "
              + "covariance either as 'variance' (a diagonal) or as a full 'covariance' matrix, not "
              + "both; without either, the variance is 1 in every dimension.",
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
  public record ComponentSpec(
      @Key(
              doc = "The component's weight, in (0, 1]. The weights of all components sum to 1.",
              required = true,
              max = 1,
              exclusiveMin = 0)
          Double weight,
      @Key(
              doc = "The component's mean, d entries.",
              required = true,
              minItems = 1,
              items = "{\"type\": \"number\"}")
          List<Double> mean,
      @Key(
              doc =
                  "The component's variances, d entries each greater than 0 (a diagonal covariance). "
                      + "Default: d ones, unless 'covariance' is given.",
              minItems = 1,
              items = "{\"type\": \"number\", \"exclusiveMinimum\": 0}")
          List<Double> variance,
      @Key(
              doc =
                  "The component's full covariance: d rows of d entries, symmetric positive "
                      + "definite. Give this or 'variance', not both.",
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
          List<List<Double>> covariance) {}

  @Override
  public void validate(Problems p) {
    validateTruth(p, dimensions, components, referenceSize, 1, "");
  }

  @Override
  public MixtureSpec resolve() {
    int d = dimensionsOf(dimensions, components);
    return new MixtureSpec(
        d,
        resolveComponents(d, components),
        referenceSize != null ? referenceSize : MixtureTruth.DEFAULT_REFERENCE_SIZE);
  }

  @Override
  public List<String> estimatorKeys() {
    return List.of("components", "warm-start");
  }

  /** The truth's components are its human communities. */
  @Override
  public int communityCount() {
    return components == null || components.isEmpty() ? 1 : components.size();
  }

  @Override
  public Domain build(RngStreams streams) {
    return new MixtureDomain(truth(dimensions, components, referenceSize, streams));
  }

  /** d: as given, else the length of the first component's mean, else 2. */
  public static int dimensionsOf(Integer dimensions, List<ComponentSpec> components) {
    if (dimensions != null) {
      return dimensions;
    }
    if (components != null
        && !components.isEmpty()
        && components.get(0) != null
        && components.get(0).mean() != null
        && !components.get(0).mean().isEmpty()) {
      return components.get(0).mean().size();
    }
    return 2;
  }

  /**
   * Checks a mixture truth block, at pointers under {@code /domain}; shared with {@link
   * ouroboros.agents.domain.kde.KdeSpec}. {@code why} ends the message for too few dimensions.
   */
  public static void validateTruth(
      Problems p,
      Integer dimensions,
      List<ComponentSpec> components,
      Integer referenceSize,
      int minDimensions,
      String why) {
    if (dimensions != null && dimensions < minDimensions) {
      p.add("/domain/dimensions", dimensions, "a whole number of at least " + minDimensions + why);
      return;
    }
    int d = dimensionsOf(dimensions, components);
    if (dimensions == null && d < minDimensions) {
      p.add(
          "/domain/components/0/mean",
          d + " entries",
          "at least " + minDimensions + " entries" + why);
      return;
    }
    if (referenceSize != null && (referenceSize < 2 || referenceSize > MAX_SIZE)) {
      p.add("/domain/reference-size", referenceSize, "a whole number from 2 to " + MAX_SIZE);
    }
    if (components == null) {
      p.add(
          "/domain/components",
          null,
          "the required key 'components' (a list of components with 'weight' and 'mean')");
      return;
    }
    if (components.isEmpty()) {
      p.add("/domain/components", components, "at least one component");
      return;
    }
    double sum = 0;
    boolean weightsValid = true;
    for (int i = 0; i < components.size(); i++) {
      String at = "/domain/components/" + i;
      ComponentSpec c = components.get(i);
      if (c == null) {
        p.add(at, null, "a mapping with 'weight' and 'mean'");
        weightsValid = false;
        continue;
      }
      if (c.weight() == null || !(c.weight() > 0 && c.weight() <= 1)) {
        p.add(
            at + "/weight",
            c.weight(),
            c.weight() == null
                ? "the required key 'weight' (a number in (0, 1])"
                : "a weight in (0, 1]");
        weightsValid = false;
      } else {
        sum += c.weight();
      }
      component(p, at, c, d);
    }
    if (weightsValid && Math.abs(sum - 1) > 1e-6) {
      p.add(
          "/domain/components",
          "weights summing to " + Math.round(sum * 1e6) / 1e6,
          "weights that sum to 1");
    }
    if (weightsValid) {
      identical(p, resolveComponents(d, components));
    }
  }

  /**
   * Two components with one mean and one covariance are one mode: definition 6 would count half the
   * modes recovered by an exact fit, and the second community would get no human share (a tester's
   * mixture of two N(0, 1) components).
   */
  private static void identical(Problems p, List<ComponentSpec> components) {
    for (int i = 1; i < components.size(); i++) {
      ComponentSpec c = components.get(i);
      for (int j = 0; j < i; j++) {
        ComponentSpec o = components.get(j);
        if (java.util.Objects.equals(c.mean(), o.mean())
            && java.util.Objects.equals(c.variance(), o.variance())
            && java.util.Objects.equals(c.covariance(), o.covariance())) {
          p.addWorded(
              "/domain/components/" + i + "/mean",
              "the mean " + c.mean() + " and covariance of component " + j,
              "a component distinct from component "
                  + j
                  + " (two identical components are one mode: merge their weights)");
          break;
        }
      }
    }
  }

  /** Checks one component's mean and covariance. */
  private static void component(Problems p, String at, ComponentSpec c, int d) {
    if (c.mean() == null) {
      p.add(at + "/mean", null, "the required key 'mean' (" + d + " entries)");
    } else if (c.mean().size() != d) {
      p.add(at + "/mean", c.mean().size() + " entries", d + " entries, one per dimension");
    } else {
      for (int j = 0; j < d; j++) {
        Double m = c.mean().get(j);
        if (m == null || !Double.isFinite(m)) {
          p.add(at + "/mean/" + j, m, "a finite number");
        }
      }
    }
    if (c.variance() != null && c.covariance() != null) {
      p.add(at + "/covariance", "both variance and covariance", "only one of them");
    }
    if (c.variance() != null) {
      if (c.variance().size() != d) {
        p.add(at + "/variance", c.variance().size() + " entries", d + " entries");
      }
      for (int j = 0; j < c.variance().size(); j++) {
        Double v = c.variance().get(j);
        if (v == null || !(v > 0) || v.isInfinite()) {
          p.add(at + "/variance/" + j, v, "a variance greater than 0");
        }
      }
    }
    if (c.covariance() != null) {
      List<List<Double>> s = c.covariance();
      if (s.size() != d || s.stream().anyMatch(r -> r == null || r.size() != d)) {
        p.add(at + "/covariance", "a matrix that is not " + d + "x" + d, "d rows of d entries");
      } else {
        try {
          Component.of(new double[d], matrix(s));
        } catch (FitException e) {
          p.add(
              at + "/covariance",
              "a matrix that is not symmetric positive definite",
              "a symmetric positive definite covariance");
        }
      }
    }
  }

  /** The components with variance 1 in every dimension where neither form is given. */
  public static List<ComponentSpec> resolveComponents(int d, List<ComponentSpec> components) {
    List<ComponentSpec> out = new ArrayList<>();
    for (ComponentSpec c : components) {
      List<Double> v = c.variance();
      if (v == null && c.covariance() == null) {
        v = new ArrayList<>(Collections.nCopies(d, 1.0));
      }
      out.add(new ComponentSpec(c.weight(), c.mean(), v, c.covariance()));
    }
    return out;
  }

  /**
   * The truth and its evaluation material: the reference set from the stream ("domain",
   * "reference"), the quantile and Monte Carlo samples from ("domain", "evaluation").
   */
  public static MixtureTruth truth(
      int d, List<ComponentSpec> components, int referenceSize, RngStreams streams) {
    double[] weights = new double[components.size()];
    Component[] parts = new Component[components.size()];
    try {
      for (int j = 0; j < parts.length; j++) {
        ComponentSpec c = components.get(j);
        weights[j] = c.weight();
        double[] mean = c.mean().stream().mapToDouble(Double::doubleValue).toArray();
        double[][] cov;
        if (c.covariance() != null) {
          cov = matrix(c.covariance());
        } else {
          cov = new double[d][d];
          for (int a = 0; a < d; a++) {
            cov[a][a] = c.variance().get(a);
          }
        }
        parts[j] = Component.of(mean, cov);
      }
      return new MixtureTruth(
          MixtureModel.of(weights, parts),
          referenceSize,
          streams.stream("domain", "reference"),
          streams.stream("domain", "evaluation"));
    } catch (FitException e) {
      throw new IllegalStateException("invalid mixture truth passed validation: " + e.getMessage());
    }
  }

  /** A matrix as a primitive array. */
  private static double[][] matrix(List<List<Double>> rows) {
    double[][] a = new double[rows.size()][];
    for (int i = 0; i < a.length; i++) {
      a[i] = rows.get(i).stream().mapToDouble(x -> x == null ? Double.NaN : x).toArray();
    }
    return a;
  }
}
