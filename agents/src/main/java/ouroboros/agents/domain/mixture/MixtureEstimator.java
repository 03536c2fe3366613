package ouroboros.agents.domain.mixture;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.MixtureMultivariateNormalDistribution;
import org.apache.commons.math3.distribution.MultivariateNormalDistribution;
import org.apache.commons.math3.distribution.fitting.MultivariateNormalMixtureExpectationMaximization;
import org.apache.commons.math3.util.Pair;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import ouroboros.agents.data.Batch;
import ouroboros.agents.domain.FitException;

/**
 * Fits a k-component Gaussian mixture by expectation-maximisation (Dempster, Laird and Rubin,
 * "Maximum likelihood from incomplete data via the EM algorithm", JRSS B 1977), through Commons
 * Math's {@link MultivariateNormalMixtureExpectationMaximization} for d &gt;= 2, which refuses one
 * dimension; in one dimension through {@link Em1d}, the same iteration, starts and convergence
 * rule.
 *
 * <p>Initialisation: the means are k distinct training items chosen at random by k-means++ seeding,
 * every component starts with the training set's own (MLE) covariance, and the weights are equal.
 * EM runs from {@value #STARTS} such starts and keeps the fit with the highest likelihood
 * (scikit-learn's {@code n_init}): one start lands in a local optimum (a broad component straddling
 * a small cluster and the valley) for about 3% of 400-item samples of a 0.95/0.05 mixture, and
 * starts that fail on a singular covariance no longer fail the fit.
 *
 * <p>The random choice needs a generator. In the engine it is the model's own "fit" stream (see
 * {@code Domain.fit} with a generator), so a model's fits are reproducible from the scenario seed
 * and its id. Called without one, the generator is an {@code L64_X128_MIX} seeded with a 64-bit
 * hash of the training values (and weights), so that the same training set gives the same fit on
 * any thread or machine (ARCHITECTURE.md, invariant 1). The same generator resamples the items when
 * the weights are unequal, since Commons Math's EM takes no weights: systematic resampling
 * (Kitagawa 1996) keeps n items, each about n w_i / sum(w) times.
 *
 * <p>Convergence: at most {@value #MAX_ITERATIONS} iterations, until the mean log-likelihood per
 * item changes by less than {@value #THRESHOLD} (Commons Math's defaults). A fit fails with {@link
 * FitException} when every start fails (singular covariances, non-convergence), or the result is
 * not finite.
 *
 * <p>Cost: Commons Math's EM allocates small matrices for every item and component at every
 * iteration, about 2.5 microseconds per item, component and iteration. With 15 to 25 iterations and
 * 3 starts, a 2-component fit in 2-D costs about 0.1 ms per item: 5 ms for 30 items, 56 ms for 600,
 * 0.2 s for 2400 (2-core machine, under load).
 */
public final class MixtureEstimator {
  /** Most EM iterations. */
  public static final int MAX_ITERATIONS = 1000;

  /** EM runs from different starts; the fit with the highest likelihood is kept. */
  public static final int STARTS = 3;

  /** Convergence threshold on the mean log-likelihood per item. */
  public static final double THRESHOLD = 1e-5;

  private MixtureEstimator() {}

  /** Fits k components to the data (weights may be null for equal weights). */
  public static MixtureModel fit(Batch data, double[] weights, int k) throws FitException {
    return fit(data, weights, k, RandomSource.L64_X128_MIX.create(seed(data, weights)));
  }

  /** Fits k components, choosing the starts with the given generator. */
  public static MixtureModel fit(Batch data, double[] weights, int k, UniformRandomProvider rng)
      throws FitException {
    int n = data.size();
    int d = data.width();
    if (k < 1) {
      throw new FitException("components is not strictly positive: " + k);
    }
    if (n < Math.max(k, 2)) {
      throw new FitException("too few items to fit " + k + " components: " + n);
    }
    if (weights != null && weights.length != n) {
      throw new FitException(weights.length + " weights for " + n + " items");
    }
    double[][] rows = rows(data, weights, rng);
    double[][] cov = covariance(rows);
    Component.of(new double[d], cov); // the data must not be degenerate
    if (d == 1) {
      return fit1d(rows, k, cov[0][0], rng);
    }
    MultivariateNormalMixtureExpectationMaximization em =
        new MultivariateNormalMixtureExpectationMaximization(rows);
    MixtureMultivariateNormalDistribution fitted = null;
    double best = Double.NEGATIVE_INFINITY;
    String failure = "";
    for (int start = 0; start < STARTS; start++) {
      double[][] means = initialMeans(rows, k, rng);
      List<Pair<Double, MultivariateNormalDistribution>> initial = new ArrayList<>(k);
      try {
        for (int j = 0; j < k; j++) {
          initial.add(new Pair<>(1.0 / k, new MultivariateNormalDistribution(null, means[j], cov)));
        }
        em.fit(new MixtureMultivariateNormalDistribution(null, initial), MAX_ITERATIONS, THRESHOLD);
        double ll = em.getLogLikelihood();
        if (ll > best) { // NaN never wins
          best = ll;
          fitted = em.getFittedModel();
        }
      } catch (IllegalArgumentException | IllegalStateException | ArithmeticException e) {
        failure =
            e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
      }
    }
    if (fitted == null) {
      throw new FitException("EM failed from every start: " + failure);
    }
    return model(fitted);
  }

  /**
   * Fits by EM started once from a previous model's weights, means and covariances (a warm start:
   * the components keep their identities), with the same convergence rule as {@link #fit}: through
   * Commons Math for d &gt;= 2, through {@link Em1d} in one dimension.
   */
  public static MixtureModel fitFrom(
      Batch data, double[] weights, MixtureModel previous, UniformRandomProvider rng)
      throws FitException {
    int n = data.size();
    int d = data.width();
    if (previous.dimension() != d) {
      throw new FitException(
          "data has width " + d + ", the previous model " + previous.dimension());
    }
    if (n < Math.max(previous.size(), 2)) {
      throw new FitException("too few items to fit " + previous.size() + " components: " + n);
    }
    if (weights != null && weights.length != n) {
      throw new FitException(weights.length + " weights for " + n + " items");
    }
    if (d == 1) {
      return fitFrom1d(rows(data, weights, rng), previous);
    }
    List<Pair<Double, MultivariateNormalDistribution>> initial = new ArrayList<>();
    for (int j = 0; j < previous.size(); j++) {
      Component c = previous.component(j);
      initial.add(
          new Pair<>(
              previous.weight(j),
              new MultivariateNormalDistribution(null, c.mean(), c.covariance())));
    }
    MultivariateNormalMixtureExpectationMaximization em =
        new MultivariateNormalMixtureExpectationMaximization(rows(data, weights, rng));
    try {
      em.fit(new MixtureMultivariateNormalDistribution(null, initial), MAX_ITERATIONS, THRESHOLD);
      return model(em.getFittedModel());
    } catch (IllegalArgumentException | IllegalStateException | ArithmeticException e) {
      throw new FitException(
          "EM failed from the previous model: "
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }
  }

  /**
   * One dimension, where Commons Math refuses: {@link Em1d} once from the previous model's weights,
   * means and variances.
   */
  private static MixtureModel fitFrom1d(double[][] rows, MixtureModel previous)
      throws FitException {
    int k = previous.size();
    double[] w = new double[k];
    double[] m = new double[k];
    double[] v = new double[k];
    for (int j = 0; j < k; j++) {
      w[j] = previous.weight(j);
      m[j] = previous.component(j).mean(0);
      v[j] = previous.component(j).covariance(0, 0);
    }
    try {
      return model1d(
          Em1d.fit(column(rows), new Em1d.Fit(w, m, v, Double.NaN), MAX_ITERATIONS, THRESHOLD));
    } catch (IllegalStateException e) {
      throw new FitException("EM failed from the previous model: " + e.getMessage());
    }
  }

  /** Commons Math's fitted mixture as a model. */
  private static MixtureModel model(MixtureMultivariateNormalDistribution fitted)
      throws FitException {
    List<Pair<Double, MultivariateNormalDistribution>> parts = fitted.getComponents();
    double[] w = new double[parts.size()];
    Component[] components = new Component[parts.size()];
    for (int j = 0; j < w.length; j++) {
      w[j] = parts.get(j).getFirst();
      components[j] =
          Component.of(
              parts.get(j).getSecond().getMeans(),
              parts.get(j).getSecond().getCovariances().getData());
    }
    return MixtureModel.of(w, components);
  }

  /**
   * One dimension: {@link Em1d} from {@value #STARTS} k-means++ starts, the best likelihood kept.
   */
  private static MixtureModel fit1d(
      double[][] rows, int k, double variance, UniformRandomProvider rng) throws FitException {
    double[] x = column(rows);
    Em1d.Fit best = null;
    String failure = "";
    for (int start = 0; start < STARTS; start++) {
      double[][] means = initialMeans(rows, k, rng);
      double[] m = new double[k];
      for (int j = 0; j < k; j++) {
        m[j] = means[j][0];
      }
      try {
        Em1d.Fit fit = Em1d.fit(x, m, variance, MAX_ITERATIONS, THRESHOLD);
        if (best == null
            ? !Double.isNaN(fit.logLikelihood())
            : fit.logLikelihood() > best.logLikelihood()) {
          best = fit;
        }
      } catch (IllegalStateException e) {
        failure = e.getMessage();
      }
    }
    if (best == null) {
      throw new FitException("EM failed from every start: " + failure);
    }
    return model1d(best);
  }

  /** The first column of one-column rows. */
  private static double[] column(double[][] rows) {
    double[] x = new double[rows.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = rows[i][0];
    }
    return x;
  }

  /** {@link Em1d}'s fit as a model. */
  private static MixtureModel model1d(Em1d.Fit fit) throws FitException {
    int k = fit.weights().length;
    Component[] components = new Component[k];
    for (int j = 0; j < k; j++) {
      components[j] =
          Component.of(new double[] {fit.means()[j]}, new double[][] {{fit.variances()[j]}});
    }
    return MixtureModel.of(fit.weights(), components);
  }

  /**
   * A 64-bit hash of the training values and weights (null for none): the seed of a fit's
   * generator, so that a fit is a pure function of its training set.
   */
  public static long seed(Batch data, double[] weights) {
    long h = 0x9E3779B97F4A7C15L ^ ((long) data.size() << 8 | data.width());
    for (double v : data.values()) {
      h = mix(h ^ Double.doubleToLongBits(v));
    }
    if (weights != null) {
      for (double v : weights) {
        h = mix(h ^ Double.doubleToLongBits(v));
      }
    }
    return h;
  }

  /** Stafford's variant 13 of the MurmurHash3 finaliser, as in SplitMix64. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** The items as rows; unequal weights are turned into counts by systematic resampling. */
  private static double[][] rows(Batch data, double[] weights, UniformRandomProvider rng)
      throws FitException {
    int n = data.size();
    int d = data.width();
    double[][] rows = new double[n][];
    if (weights == null || Arrays.stream(weights).allMatch(w -> w == weights[0] && w > 0)) {
      for (int i = 0; i < n; i++) {
        rows[i] = Arrays.copyOfRange(data.values(), i * d, (i + 1) * d);
      }
      return rows;
    }
    double total = 0;
    for (double w : weights) {
      if (!(w >= 0) || Double.isInfinite(w)) {
        throw new FitException("weight is not a finite non-negative number: " + w);
      }
      total += w;
    }
    if (!(total > 0)) {
      throw new FitException("weights do not sum to a positive number: " + total);
    }
    double step = total / n;
    double next = rng.nextDouble() * step;
    double cumulative = 0;
    int out = 0;
    for (int i = 0; i < n && out < n; i++) {
      cumulative += weights[i];
      while (out < n && next < cumulative) {
        rows[out++] = Arrays.copyOfRange(data.values(), i * d, (i + 1) * d);
        next += step;
      }
    }
    while (out < n) { // rounding at the very end
      rows[out] = rows[out - 1];
      out++;
    }
    return rows;
  }

  /** The MLE covariance of the rows. */
  private static double[][] covariance(double[][] rows) {
    int d = rows[0].length;
    double[] mean = new double[d];
    for (double[] r : rows) {
      for (int a = 0; a < d; a++) {
        mean[a] += r[a] / rows.length;
      }
    }
    double[][] cov = new double[d][d];
    for (double[] r : rows) {
      for (int a = 0; a < d; a++) {
        for (int b = 0; b <= a; b++) {
          cov[a][b] += (r[a] - mean[a]) * (r[b] - mean[b]) / rows.length;
        }
      }
    }
    for (int a = 0; a < d; a++) {
      for (int b = 0; b < a; b++) {
        cov[b][a] = cov[a][b];
      }
    }
    return cov;
  }

  /**
   * k distinct rows chosen by k-means++ seeding (Arthur and Vassilvitskii, "k-means++: the
   * advantages of careful seeding", SODA 2007): the first uniformly, each next one with probability
   * proportional to its squared distance from the nearest one chosen so far.
   */
  private static double[][] initialMeans(double[][] rows, int k, UniformRandomProvider rng)
      throws FitException {
    int n = rows.length;
    double[][] means = new double[k][];
    means[0] = rows[rng.nextInt(n)].clone();
    double[] nearest = new double[n];
    java.util.Arrays.fill(nearest, Double.POSITIVE_INFINITY);
    for (int found = 1; found < k; found++) {
      double total = 0;
      for (int i = 0; i < n; i++) {
        nearest[i] = Math.min(nearest[i], distance2(rows[i], means[found - 1]));
        total += nearest[i];
      }
      if (!(total > 0)) {
        throw new FitException("fewer than " + k + " distinct items to start EM: " + found);
      }
      double target = rng.nextDouble() * total;
      int pick = -1;
      for (int i = 0; i < n; i++) {
        if (nearest[i] > 0) {
          pick = i;
          target -= nearest[i];
          if (target < 0) {
            break;
          }
        }
      }
      means[found] = rows[pick].clone();
    }
    return means;
  }

  /** Squared Euclidean distance. */
  private static double distance2(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (a[i] - b[i]) * (a[i] - b[i]);
    }
    return s;
  }
}
