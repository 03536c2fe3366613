package ouroboros.agents.domain.regression;

import java.util.List;
import ouroboros.agents.domain.Domain;
import ouroboros.agents.domain.DomainSpec;
import ouroboros.agents.rng.RngStreams;
import ouroboros.agents.spec.Key;
import ouroboros.agents.spec.Keys;
import ouroboros.agents.spec.Problems;
import ouroboros.agents.spec.Spec;

/**
 * Linear regression with a fixed design (type {@code linear-regression}; Dohmatob et al. 2024,
 * Gerstgrasser et al. 2024): a T x d design X with rows drawn once from N(0, I) with the run's
 * seed, labels y = X w* + N(0, s^2), models fitted by OLS or ridge that publish by relabelling the
 * same rows. Defaults: d = 10 (or the length of {@code weights}), T = 10 d, s = 1, and w* drawn
 * with independent N(0, 1/d) entries from the seed. See {@link RegressionDomain}.
 *
 * @param dimensions d
 * @param rows T, the design's rows. The mean over designs E||w_1 - w*||^2 = s^2 d/(T-d-1) is finite
 *     only for T > d + 1; at T = d or d + 1 only a design's own s^2 tr((X'X)^-1) is (Gerstgrasser
 *     et al.'s cell n = d). Below d, X'X is singular and every fit is the minimum-norm one, which
 *     never learns the part of w* outside the row space of X (Gerstgrasser et al.'s cells n &lt; d)
 * @param noiseSd s, the truth's label noise sd, which models also publish with
 * @param weights w*, d entries; absent to draw it from the seed
 */
@Spec(
    doc =
        "Linear regression with a fixed design (Dohmatob et al. 2024; Gerstgrasser et al. 2024): "
            + "a T x d design X with N(0, I) rows drawn once from the run's seed, labels y = X w* + "
            + "N(0, s^2), models fitted by OLS (or ridge) that publish by relabelling the same rows "
            + "with their fit plus fresh N(0, s^2 temperature) noise. An item is [x_1..x_d, y]. "
            + "Defaults: d = 10 (or the length of 'weights'), T = 10 d, s = 1, w* drawn from the seed. "
            + "Fewer rows than dimensions give the minimum-norm fit (numpy's pinv), which never "
            + "learns the part of w* outside the row space of X. "
            + "The simulator also checks rows x dimensions <= 10,000,000.",
    tag = "Linear regression with a fixed design, fitted by least squares.")
public record RegressionSpec(
    @Key(
            doc = "The dimension d. Without this key, d is the length of 'weights', or 10.",
            min = 1,
            def = "10")
        Integer dimensions,
    @Key(
            doc =
                "T, the number of rows of the fixed design. The closed forms averaged over designs "
                    + "need T > d + 1; at T = d the fit interpolates its labels; below d the fit is "
                    + "the minimum-norm one, and the part of w* outside the row space of X is "
                    + "never learned. Default: 10 d.",
            min = 1)
        Integer rows,
    @Key(
            doc =
                "s, the sd of the truth's label noise, greater than 0. Models publish with the same "
                    + "noise sd (times sqrt(temperature)). Default: 1.",
            exclusiveMin = 0,
            def = "1.0",
            expect = "a standard deviation greater than 0")
        Double noiseSd,
    @Key(
            doc =
                "w*, the true coefficients, d entries. Default: drawn from the seed with independent "
                    + "N(0, 1/d) entries, so that E||w*||^2 = 1.",
            minItems = 1,
            items = "{\"type\": \"number\"}")
        List<Double> weights)
    implements DomainSpec {
  /** Default d. */
  static final int DIMENSIONS = 10;

  /** Default T per dimension. */
  static final int ROWS_PER_DIMENSION = 10;

  /** Default s. */
  static final double NOISE_SD = 1.0;

  /** The largest design accepted, in doubles (T x d): 80 MB. */
  static final long MAX_DESIGN = 10_000_000L;

  @Override
  public void validate(Problems p) {
    if (dimensions != null && dimensions < 1) {
      p.add("/domain/dimensions", dimensions, "a whole number of at least 1");
      return;
    }
    int d = dimension();
    if (weights != null) {
      if (weights.isEmpty() || weights.size() != d) {
        p.add(
            "/domain/weights",
            weights.isEmpty() ? weights : weights.size() + " entries",
            d < 1 ? "at least 1 entry, one per dimension" : d + " entries, one per dimension");
      }
      for (int i = 0; i < weights.size(); i++) {
        Double w = weights.get(i);
        if (w == null || !Double.isFinite(w)) {
          p.add("/domain/weights/" + i, w, "a finite number");
        }
      }
    }
    if (d < 1) {
      return;
    }
    if (rows != null && rows < 1) {
      Keys.checkBounds(p, "/domain", this, "rows", "noise-sd");
      return;
    }
    if ((long) (rows != null ? rows : defaultRows(d)) * d > MAX_DESIGN) {
      p.add(
          rows != null ? "/domain/rows" : "/domain/dimensions",
          "a design of " + (long) (rows != null ? rows : defaultRows(d)) * d + " entries",
          "a design of at most " + MAX_DESIGN + " entries (rows x dimensions)");
    }
    Keys.checkBounds(p, "/domain", this, "noise-sd");
  }

  @Override
  public RegressionSpec resolve() {
    int d = dimension();
    return new RegressionSpec(
        d,
        rows != null ? rows : (int) defaultRows(d),
        noiseSd != null ? noiseSd : NOISE_SD,
        weights);
  }

  @Override
  public List<String> estimatorKeys() {
    return List.of("ridge");
  }

  @Override
  public Domain build(RngStreams streams) {
    double[] w =
        weights == null ? null : weights.stream().mapToDouble(Double::doubleValue).toArray();
    return RegressionDomain.draw(
        dimensions,
        rows,
        noiseSd,
        w,
        streams.stream("domain", "design"),
        streams.stream("domain", "weights"));
  }

  /** d: as given, else the length of the weights, else the default. */
  private int dimension() {
    return dimensions != null ? dimensions : weights != null ? weights.size() : DIMENSIONS;
  }

  /** The default T for d dimensions; below 2^31 once validation has passed. */
  private static long defaultRows(int d) {
    return (long) ROWS_PER_DIMENSION * d;
  }
}
