package ouroboros.agents.domain.regression;

import java.util.Objects;
import java.util.TreeMap;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import ouroboros.agents.data.Batch;
import ouroboros.agents.domain.Baseline;
import ouroboros.agents.domain.Domain;
import ouroboros.agents.domain.EstimatorSettings;
import ouroboros.agents.domain.Evaluation;
import ouroboros.agents.domain.FitException;
import ouroboros.agents.domain.Metrics;
import ouroboros.agents.domain.Model;
import ouroboros.agents.domain.SamplingSettings;
import ouroboros.agents.rng.Normals;

/**
 * Linear regression with a fixed design: the setting of Dohmatob, Feng and Kempe, "Model collapse
 * demystified: the case of regression" (NeurIPS 2024), and of Gerstgrasser et al., "Is model
 * collapse inevitable? Breaking the curse of recursion by accumulating real and synthetic data"
 * (2024). The design X is T x d with rows drawn once from N(0, I); the truth labels it y = X w* +
 * N(0, s^2). An item is a row [x_1..x_d, y] (width d + 1): the store keeps only doubles, so the row
 * itself travels with its label.
 *
 * <p>Rows: in every call of {@link #sample}, item k (k = 0..n-1) has x = row k mod T of the design:
 * a model relabels the same X, in order. {@link #sampleTruth} labels the design in full cycles too
 * (item k of the first floor(n/T) T items has row k mod T), and the remaining n mod T items get a
 * fresh uniform choice of distinct rows, drawn anew at each call (SCIENCE.md): fresh human data of
 * fewer than T items a call, such as 5% of T at each retrain or a source publishing a few items a
 * tick, labels different rows each time and so anchors every direction of w over time. A call with
 * n = mT returns each row m times, in order, and draws nothing but the noise.
 *
 * <p>Publishing means relabelling: a model with coefficients w publishes y = x.w + N(0, s^2 tau)
 * with tau the sampling temperature, where s is the <em>truth's</em> noise sd, not one the model
 * estimated. This is the process whose closed forms SCIENCE.md states (fresh noise of the true
 * variance at every generation): with c = s^2 d / (T - d - 1) and n fits, n = 1 on real data, OLS
 * gives E||w_n - w*||^2 = n c under replace and c sum_{i<=n} 1/i^2 under accumulate.
 *
 * <p>Estimator: weighted least squares without intercept, or ridge with {@link
 * EstimatorSettings#ridge()} ({@link LeastSquares}). A singular design gets the minimum-norm fit,
 * as numpy's pseudo-inverse does.
 *
 * <p>Fewer rows than dimensions (T &lt; d, Gerstgrasser et al.'s sweeps for d = 32 and 100): X'X is
 * singular, and every least-squares fit is the minimum-norm one, X^+ y with X^+ = X'(XX')^-1, which
 * lies in the row space of X. Write P = X^+ X for the projection on it. The fit on real labels is P
 * w* + X^+ e, and a fit on labels X w + e of a w in the row space is w + X^+ e, so w_n - w* = -(I -
 * P) w* + u_n with u_n in the row space and, given X, N(0, h(n) s^2 X^+ X^+'): the same recursion
 * as for T &ge; d, with (XX')^-1 in place of (X'X)^-1. Hence, for a fixed design, E||w_n - w*||^2 =
 * ||(I - P) w*||^2 + h(n) s^2 tr((XX')^-1), h(n) = n (replace) or sum_{i<=n} 1/i^2 (accumulate)
 * ({@link #unlearned()}, {@link #designConstant()}): the first term, the part of w* outside the row
 * space, is never learned and does not grow. Over Gaussian designs the means are ||w*||^2 (d - T)/d
 * and h(n) s^2 T/(d - T - 1) (finite for d > T + 1).
 *
 * <p>Measures, all closed forms (so {@code risk-band} is 0): {@code population-risk} is ||w -
 * w*||^2; {@code test-mse} is the expected squared error on a fresh point x ~ N(0, I) with a fresh
 * truth label, E(x.w - x.w* - e)^2 = ||w - w*||^2 + s^2; {@code diversity-ratio} is the second
 * moment of the model's labels over the design divided by the truth's, (||Xw||^2/T + s^2) /
 * (||Xw*||^2/T + s^2), at temperature 1 (the family has no intercept and the design is centred in
 * law, so the second moment about 0 is the label variance). Modes, tails and hallucinated mass
 * (definitions 6, 7, 8) do not apply and are left out.
 */
public final class RegressionDomain implements Domain {
  /** The registered family name. */
  public static final String FAMILY = "linear-regression";

  /** Metric name: test mean squared error on fresh x ~ N(0, I), ||w - w*||^2 + s^2. */
  public static final String TEST_MSE = "test-mse";

  private final int dimension;
  private final int rows;
  private final double[] design;
  private final double[][] gram;
  private final RegressionModel truth;

  /** x.w* for each design row, in row order: the truth's labels without their noise. */
  private final double[] truthFit;

  /** Whether every design value is finite, so that {@link RegressionBaseline} applies. */
  private final boolean finiteDesign;

  private final double noiseSd;
  private final double truthSecondMoment;
  private final double designConstant;
  private final double unlearned;

  /**
   * A domain over a given design.
   *
   * @param design the T x d design, T rows of width d; copied
   * @param truth w*, with d coefficients
   * @param noiseSd s, greater than 0
   */
  public RegressionDomain(Batch design, RegressionModel truth, double noiseSd) {
    Objects.requireNonNull(design, "design");
    this.truth = Objects.requireNonNull(truth, "truth");
    if (design.width() != truth.dimension()) {
      throw new IllegalArgumentException(
          "design has width " + design.width() + ", expected d = " + truth.dimension());
    }
    if (design.size() < 1) {
      throw new IllegalArgumentException("design has no rows");
    }
    if (!(noiseSd > 0) || Double.isInfinite(noiseSd)) {
      throw new IllegalArgumentException("noiseSd is not strictly positive: " + noiseSd);
    }
    this.dimension = design.width();
    this.rows = design.size();
    this.design = design.values().clone();
    this.noiseSd = noiseSd;
    this.truthFit = new double[rows];
    for (int i = 0; i < rows; i++) {
      truthFit[i] = truth.predict(this.design, i * dimension);
    }
    DesignConstants constants =
        new DesignConstants(this.design, rows, dimension, truth, truthFit, noiseSd);
    this.gram = constants.gram;
    this.truthSecondMoment = secondMoment(truth);
    this.designConstant = constants.designConstant;
    this.unlearned = constants.unlearned;
    boolean finite = true;
    for (double v : this.design) {
      finite &= Double.isFinite(v);
    }
    this.finiteDesign = finite;
  }

  /**
   * A domain with a design of {@code rows} rows drawn from N(0, I_d) with {@code designRng}. When
   * {@code weights} is null, w* is drawn with independent N(0, 1/d) entries from {@code
   * weightsRng}, so that E||w*||^2 = 1 and the signal x.w* has variance about 1.
   */
  public static RegressionDomain draw(
      int dimensions,
      int rows,
      double noiseSd,
      double[] weights,
      UniformRandomProvider designRng,
      UniformRandomProvider weightsRng) {
    if (dimensions < 1) {
      throw new IllegalArgumentException("dimensions is not strictly positive: " + dimensions);
    }
    if (rows < 1) {
      throw new IllegalArgumentException("rows is not strictly positive: " + rows);
    }
    ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(designRng);
    double[] x = new double[Math.multiplyExact(rows, dimensions)];
    for (int i = 0; i < x.length; i++) {
      x[i] = normal.sample();
    }
    double[] w = weights;
    if (w == null) {
      ZigguratSampler.NormalizedGaussian wn = ZigguratSampler.NormalizedGaussian.of(weightsRng);
      w = new double[dimensions];
      for (int j = 0; j < dimensions; j++) {
        w[j] = wn.sample() / Math.sqrt(dimensions);
      }
    }
    try {
      return new RegressionDomain(new Batch(rows, dimensions, x), RegressionModel.of(w), noiseSd);
    } catch (FitException e) {
      throw new IllegalArgumentException("weights: " + e.getMessage());
    }
  }

  @Override
  public String family() {
    return FAMILY;
  }

  @Override
  public int width() {
    return dimension + 1;
  }

  /** The dimension d. */
  public int dimension() {
    return dimension;
  }

  /** The number of design rows T. */
  public int rows() {
    return rows;
  }

  /** The truth's noise sd s. */
  public double noiseSd() {
    return noiseSd;
  }

  /** A copy of the design X, T rows of width d. */
  public Batch design() {
    return new Batch(rows, dimension, design.clone());
  }

  /**
   * s^2 tr(pinv(X'X)): the noise part of E||w_1 - w*||^2 for the (minimum-norm) least-squares fit
   * on this design. For T &ge; d it is s^2 tr((X'X)^-1), the finite-design value of SCIENCE.md's c
   * = s^2 d / (T - d - 1), which is its mean over designs for T > d + 1 (for T = d or d + 1 that
   * mean is infinite, and only this value is finite); NaN when X'X is singular. For T &lt; d it is
   * s^2 tr((XX')^-1), whose mean over designs is s^2 T / (d - T - 1) for d > T + 1.
   */
  public double designConstant() {
    return designConstant;
  }

  /**
   * ||(I - P) w*||^2, P the projection on the row space of X: the part of the error that no fit on
   * this design can remove, because the minimum-norm fit never leaves the row space. 0 for T &ge;
   * d; for T &lt; d its mean over designs is ||w*||^2 (d - T) / d (the row space is a uniform
   * random T-dimensional subspace). With n fits the error is then E||w_n - w*||^2 = unlearned() +
   * h(n) designConstant(), h(n) = n under replace and sum_{i<=n} 1/i^2 under accumulate.
   */
  public double unlearned() {
    return unlearned;
  }

  @Override
  public Batch sampleTruth(int n, UniformRandomProvider rng) {
    return label(truth, n, noiseSd, rng, true);
  }

  @Override
  public Model truthModel() {
    return truth;
  }

  @Override
  public Model fit(Batch data, double[] weights, EstimatorSettings settings) throws FitException {
    if (data.width() != width()) {
      throw new FitException("data has width " + data.width() + ", expected " + width());
    }
    if (data.size() < 1) {
      throw new FitException("too few items to fit: " + data.size());
    }
    return RegressionModel.of(
        LeastSquares.solve(data.values(), data.size(), dimension, weights, settings.ridge()));
  }

  /**
   * Definition 4's baseline: the refit on n fresh truth items, with the same draws and the same
   * doubles, but without the items ({@link RegressionBaseline}); the plain refit when a design
   * value is not finite (that fit fails, so the baseline is NaN either way).
   */
  @Override
  public Baseline baseline(EstimatorSettings settings) {
    return finiteDesign
        ? new RegressionBaseline(this, settings.ridge())
        : Baseline.refitting(this, settings);
  }

  /** The design's values, T rows of width d, not copied: for {@link RegressionBaseline}. */
  double[] designValues() {
    return design;
  }

  /** x.w* of design row {@code row}. */
  double truthFit(int row) {
    return truthFit[row];
  }

  @Override
  public Batch sample(Model model, int n, SamplingSettings settings, UniformRandomProvider rng) {
    return label(
        (RegressionModel) model, n, noiseSd * Math.sqrt(settings.temperature()), rng, false);
  }

  @Override
  public Evaluation evaluate(Model model) {
    RegressionModel m = (RegressionModel) model;
    double risk = risk(m);
    TreeMap<String, Double> values = new TreeMap<>();
    values.put(Metrics.POPULATION_RISK, risk);
    values.put(Metrics.RISK_BAND, 0.0);
    values.put(TEST_MSE, risk + noiseSd * noiseSd);
    values.put(Metrics.DIVERSITY_RATIO, secondMoment(m) / truthSecondMoment);
    return Evaluation.owning(values);
  }

  /** ||w - w*||^2, the population risk. */
  double risk(RegressionModel m) {
    double risk = 0;
    for (int j = 0; j < dimension; j++) {
      double e = m.weight(j) - truth.weight(j);
      risk += e * e;
    }
    return risk;
  }

  /**
   * n items labelled x.w + N(0, sd^2): on the design rows 0..n-1 mod T, or, with {@code
   * freshRemainder}, on full cycles of the design followed by n mod T distinct rows chosen
   * uniformly (a partial Fisher-Yates shuffle, drawn before the noise).
   */
  private Batch label(
      RegressionModel m, int n, double sd, UniformRandomProvider rng, boolean freshRemainder) {
    int cycled = freshRemainder ? n - n % rows : n;
    int[] chosen = cycled < n ? choose(n - cycled, rng) : null;
    ZigguratSampler.NormalizedGaussian normal = Normals.of(rng);
    int width = dimension + 1;
    double[] out = new double[Math.multiplyExact(n, width)];
    for (int k = 0; k < n; k++) {
      int r = k < cycled ? k % rows : chosen[k - cycled];
      System.arraycopy(design, r * dimension, out, k * width, dimension);
      double fit = m == truth ? truthFit[r] : m.predict(design, r * dimension);
      out[k * width + dimension] = fit + sd * normal.sample();
    }
    return new Batch(n, width, out);
  }

  /** r &lt; T distinct design rows, a uniform choice in uniform order. */
  int[] choose(int r, UniformRandomProvider rng) {
    int[] index = new int[rows];
    for (int i = 0; i < rows; i++) {
      index[i] = i;
    }
    for (int i = 0; i < r; i++) {
      int j = i + rng.nextInt(rows - i);
      int t = index[i];
      index[i] = index[j];
      index[j] = t;
    }
    return java.util.Arrays.copyOf(index, r);
  }

  /** ||Xw||^2 / T + s^2 through the Gram matrix, in O(d^2). */
  private double secondMoment(RegressionModel m) {
    double q = 0;
    for (int a = 0; a < dimension; a++) {
      double s = 0;
      for (int b = 0; b < dimension; b++) {
        s += gram[a][b] * m.weight(b);
      }
      q += m.weight(a) * s;
    }
    return q / rows + noiseSd * noiseSd;
  }

  /** The truth's log density of the item's label given its row: N(x.w*, s^2) at y. */
  @Override
  public double truthScore(Batch batch, int i) {
    int w = batch.width();
    double[] v = batch.values();
    double fit = 0;
    for (int j = 0; j < dimension; j++) {
      fit += v[i * w + j] * truth.weight(j);
    }
    double r = (v[i * w + dimension] - fit) / noiseSd;
    return -0.5 * r * r - Math.log(noiseSd * Math.sqrt(2 * Math.PI));
  }

  @Override
  public void writeModel(Model model, java.io.DataOutput out) throws java.io.IOException {
    ((RegressionModel) model).write(out);
  }

  @Override
  public Model readModel(java.io.DataInput in) throws java.io.IOException {
    return RegressionModel.read(in);
  }
}
