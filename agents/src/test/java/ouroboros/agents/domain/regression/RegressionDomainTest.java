package ouroboros.agents.domain.regression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ouroboros.agents.domain.EstimatorSettings.DEFAULTS;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import ouroboros.agents.data.Batch;
import ouroboros.agents.domain.EstimatorSettings;
import ouroboros.agents.domain.Evaluation;
import ouroboros.agents.domain.FitException;
import ouroboros.agents.domain.Metrics;
import ouroboros.agents.domain.SamplingSettings;
import ouroboros.agents.domain.Smoothing;
import ouroboros.agents.domain.VarianceEstimator;

/** The fixed-design regression domain without actors: estimator, relabelling and measures. */
class RegressionDomainTest {
  private static final double[] W = {1.0, -2.0, 0.5};

  private static UniformRandomProvider rng(long seed) {
    return RandomSource.L64_X128_MIX.create(seed);
  }

  private static RegressionDomain domain(int d, int t, double s, double[] w) {
    return RegressionDomain.draw(d, t, s, w, rng(1), rng(2));
  }

  private static EstimatorSettings ridge(double lambda) {
    return new EstimatorSettings(
        VarianceEstimator.MLE, Smoothing.ADD_K, 0, 2, lambda, Double.NaN, 0);
  }

  /** Items [x, x.w] on the design rows, without noise. */
  private static Batch noiseless(RegressionDomain dom, double[] w) {
    Batch x = dom.design();
    int d = x.width();
    double[] out = new double[x.size() * (d + 1)];
    for (int i = 0; i < x.size(); i++) {
      double y = 0;
      for (int j = 0; j < d; j++) {
        out[i * (d + 1) + j] = x.get(i, j);
        y += x.get(i, j) * w[j];
      }
      out[i * (d + 1) + d] = y;
    }
    return new Batch(x.size(), d + 1, out);
  }

  @Test
  void fit_ols_recoversWeightsExactlyOnNoiselessData() throws Exception {
    RegressionDomain dom = domain(3, 20, 1.0, W);
    RegressionModel m =
        (RegressionModel) dom.fit(noiseless(dom, W), null, EstimatorSettings.DEFAULTS);
    assertArrayEquals(W, m.weights(), 1e-12);
    assertEquals(0.0, dom.evaluate(m).get(Metrics.POPULATION_RISK), 1e-20);
  }

  @Test
  void fit_weights_actLikeRepeatedAndDroppedItems() throws Exception {
    RegressionDomain dom = domain(3, 8, 1.0, W);
    Batch data = dom.sampleTruth(8, rng(3));
    double[] weights = {2, 1, 1, 0, 1, 1, 1, 1};
    // The same data with item 0 twice and item 3 left out.
    int[] order = {0, 0, 1, 2, 4, 5, 6, 7};
    double[] copy = new double[order.length * 4];
    for (int i = 0; i < order.length; i++) {
      System.arraycopy(data.values(), order[i] * 4, copy, i * 4, 4);
    }
    RegressionModel weighted = (RegressionModel) dom.fit(data, weights, EstimatorSettings.DEFAULTS);
    RegressionModel repeated =
        (RegressionModel) dom.fit(new Batch(8, 4, copy), null, EstimatorSettings.DEFAULTS);
    assertArrayEquals(repeated.weights(), weighted.weights(), 1e-12);
  }

  @Test
  void fit_ridge_matchesClosedFormAndShrinks() throws Exception {
    RegressionDomain dom = domain(3, 30, 1.0, W);
    Batch data = dom.sampleTruth(30, rng(4));
    RealMatrix x = new Array2DRowRealMatrix(30, 3);
    double[] y = new double[30];
    for (int i = 0; i < 30; i++) {
      for (int j = 0; j < 3; j++) {
        x.setEntry(i, j, data.get(i, j));
      }
      y[i] = data.get(i, 3);
    }
    double previous = Double.POSITIVE_INFINITY;
    for (double lambda : new double[] {0, 1, 10, 100, 1e4}) {
      RealMatrix a = x.transpose().multiply(x);
      for (int j = 0; j < 3; j++) {
        a.addToEntry(j, j, lambda);
      }
      double[] expected =
          new LUDecomposition(a)
              .getSolver()
              .solve(x.transpose().operate(new ArrayRealVector(y)))
              .toArray();
      RegressionModel m = (RegressionModel) dom.fit(data, null, ridge(lambda));
      assertArrayEquals(expected, m.weights(), 1e-10);
      double norm = new ArrayRealVector(m.weights()).getNorm();
      assertTrue(norm < previous, "ridge " + lambda + " does not shrink: " + norm);
      previous = norm;
    }
    assertTrue(previous < 0.01, "a huge penalty leaves coefficients near 0: " + previous);
  }

  @Test
  void fit_singularDesign_isTheMinimumNormSolution() throws Exception {
    // numpy's pinv(X) @ y, as Gerstgrasser et al.'s code fits: the least-squares solution of
    // least norm, here against Commons Math's SVD solver (a pseudo-inverse, computed another way).
    RegressionDomain dom = domain(3, 10, 1.0, W);
    Batch two = dom.sampleTruth(2, rng(5));
    assertArrayEquals(
        pseudoInverseFit(two, 3), ((RegressionModel) dom.fit(two, null, DEFAULTS)).weights(), 1e-9);
    // Four rows of rank 1 in 3 dimensions (each a multiple of (1, 2, 3)): repeated rows, as a
    // subsample of a pool of copies of a square design has.
    Batch sameRow = new Batch(4, 4, new double[] {1, 2, 3, 4, 1, 2, 3, 5, 2, 4, 6, 9, 1, 2, 3, 0});
    double[] fit = ((RegressionModel) dom.fit(sameRow, null, DEFAULTS)).weights();
    assertArrayEquals(pseudoInverseFit(sameRow, 3), fit, 1e-9);
    // The least-norm fit lies along (1, 2, 3), the design's only direction.
    assertEquals(0, fit[0] * 2 - fit[1], 1e-9);
    assertEquals(0, fit[0] * 3 - fit[2], 1e-9);
    assertEquals(3, ((RegressionModel) dom.fit(two, null, ridge(0.1))).dimension());
    assertThrows(
        FitException.class, () -> dom.fit(dom.sampleTruth(10, rng(6)), new double[10], DEFAULTS));
  }

  @Test
  void fit_squareDesign_interpolatesItsLabels() throws Exception {
    // T = d (Gerstgrasser et al.'s cell n = d = 10): X is invertible and the fit is X^-1 y.
    RegressionDomain dom = domain(10, 10, 1.0, null);
    Batch data = dom.sampleTruth(10, rng(7));
    double[] w = ((RegressionModel) dom.fit(data, null, DEFAULTS)).weights();
    for (int i = 0; i < 10; i++) {
      double fit = 0;
      for (int j = 0; j < 10; j++) {
        fit += data.values()[i * 11 + j] * w[j];
      }
      assertEquals(data.values()[i * 11 + 10], fit, 1e-8, "row " + i);
    }
    assertTrue(Double.isFinite(dom.designConstant()) && dom.designConstant() > 0);
    // An ill-conditioned square design (singular values sqrt 2, sqrt 2 and 1e-5, so X'X has
    // condition number 2e10, below the 1e12 taken as singular) is still inverted, not cut to its
    // first two
    // directions: such designs carry most of E tr(X'X)^-1 at T = d.
    Batch thin = new Batch(3, 4, new double[] {1, 1, 0, 3, 1, -1, 0, 1, 0, 0, 1e-5, 2e-5});
    double[] b = ((RegressionModel) domain(3, 10, 1.0, W).fit(thin, null, DEFAULTS)).weights();
    assertArrayEquals(new double[] {2, 1, 2}, b, 1e-6);
  }

  /** pinv(X) y through Commons Math's singular value decomposition. */
  private static double[] pseudoInverseFit(Batch data, int d) {
    double[][] x = new double[data.size()][d];
    double[] y = new double[data.size()];
    for (int i = 0; i < data.size(); i++) {
      for (int j = 0; j < d; j++) {
        x[i][j] = data.values()[i * (d + 1) + j];
      }
      y[i] = data.values()[i * (d + 1) + d];
    }
    return new SingularValueDecomposition(new Array2DRowRealMatrix(x))
        .getSolver()
        .solve(new ArrayRealVector(y))
        .toArray();
  }

  @Test
  void fit_badInput_throwsFitException() {
    RegressionDomain dom = domain(3, 10, 1.0, W);
    assertThrows(
        FitException.class,
        () -> dom.fit(new Batch(5, 3, new double[15]), null, EstimatorSettings.DEFAULTS));
    double[] values = dom.sampleTruth(10, rng(7)).values().clone();
    values[3] = Double.NaN;
    assertThrows(
        FitException.class,
        () -> dom.fit(new Batch(10, 4, values), null, EstimatorSettings.DEFAULTS));
    Batch ok = dom.sampleTruth(10, rng(7));
    assertThrows(FitException.class, () -> dom.fit(ok, new double[3], EstimatorSettings.DEFAULTS));
    double[] negative = new double[10];
    java.util.Arrays.fill(negative, 1);
    negative[2] = -1;
    assertThrows(FitException.class, () -> dom.fit(ok, negative, EstimatorSettings.DEFAULTS));
  }

  @Test
  void sample_relabelsDesignRowsInOrderWithTheTruthsNoise() throws Exception {
    RegressionDomain dom = domain(3, 7, 2.0, W);
    RegressionModel m = RegressionModel.of(new double[] {0.3, 0.0, -1.0});
    Batch x = dom.design();
    int n = 7 * 4000;
    for (double tau : new double[] {1.0, 0.25}) {
      Batch b = dom.sample(m, n, new SamplingSettings(tau), rng(8));
      double sum2 = 0;
      for (int k = 0; k < n; k++) {
        for (int j = 0; j < 3; j++) {
          assertEquals(x.get(k % 7, j), b.get(k, j), 0.0, "item " + k + " is row k mod T");
        }
        double r = b.get(k, 3) - (0.3 * b.get(k, 0) - b.get(k, 2));
        sum2 += r * r;
      }
      // The residual variance estimates s^2 tau = 4 tau; its relative sd is sqrt(2/n) = 0.0085,
      // so 5% is 5.9 sd: false-failure rate below 1e-8.
      assertEquals(4.0 * tau, sum2 / n, 0.05 * 4.0 * tau);
    }
    Batch human = dom.sampleTruth(7, rng(9));
    for (int k = 0; k < 7; k++) {
      assertEquals(x.get(k, 1), human.get(k, 1), 0.0, "a human call with n = T covers each row");
    }
  }

  @Test
  void sampleTruth_fewerThanTRows_aFreshUniformChoiceOfDistinctRowsAtEachCall() throws Exception {
    RegressionDomain dom = domain(3, 10, 1.0, W);
    Batch x = dom.design();
    UniformRandomProvider r = rng(10);
    int calls = 20_000;
    int[] count = new int[10];
    java.util.Set<String> subsets = new java.util.HashSet<>();
    for (int c = 0; c < calls; c++) {
      Batch b = dom.sampleTruth(13, r);
      for (int k = 0; k < 10; k++) {
        assertEquals(x.get(k, 0), b.get(k, 0), 0.0, "the first T items are one full cycle");
      }
      java.util.TreeSet<Integer> rows = new java.util.TreeSet<>();
      for (int k = 10; k < 13; k++) {
        int row = rowOf(x, b, k);
        assertTrue(rows.add(row), "the remainder's rows are distinct");
        count[row]++;
      }
      subsets.add(rows.toString());
    }
    // Each row is in a call's 3 with probability 0.3: count ~ Binomial(20000, 0.3), sd 64.8; 6 sd
    // (389) for each of 10 rows: false-failure rate below 1e-8. Rows 0..2 every time was the bug.
    for (int row = 0; row < 10; row++) {
      assertEquals(0.3 * calls, count[row], 6 * Math.sqrt(calls * 0.3 * 0.7), "row " + row);
    }
    assertEquals(120, subsets.size(), "every one of the C(10, 3) subsets occurs");
  }

  /** The design row that item k of b carries. */
  private static int rowOf(Batch x, Batch b, int k) {
    for (int row = 0; row < x.size(); row++) {
      if (x.get(row, 0) == b.get(k, 0) && x.get(row, 1) == b.get(k, 1)) {
        return row;
      }
    }
    throw new AssertionError("item " + k + " is not a design row");
  }

  @Test
  void evaluate_closedForms() throws Exception {
    RegressionDomain dom = domain(3, 50, 2.0, W);
    Evaluation truth = dom.evaluate(dom.truthModel());
    assertEquals(0.0, truth.get(Metrics.POPULATION_RISK), 0.0);
    assertEquals(4.0, truth.get(RegressionDomain.TEST_MSE), 1e-12);
    assertEquals(1.0, truth.get(Metrics.DIVERSITY_RATIO), 1e-12);
    assertEquals(0.0, truth.get(Metrics.RISK_BAND), 0.0);
    assertTrue(Double.isNaN(truth.get(Metrics.TAIL_MASS_RATIO)), "definition 7 is left out");
    RegressionModel zero = RegressionModel.of(new double[3]);
    Evaluation e = dom.evaluate(zero);
    assertEquals(1 + 4 + 0.25, e.get(Metrics.POPULATION_RISK), 1e-12);
    assertEquals(5.25 + 4, e.get(RegressionDomain.TEST_MSE), 1e-12);
    Batch x = dom.design();
    double signal = 0;
    for (int i = 0; i < 50; i++) {
      double p = x.get(i, 0) - 2 * x.get(i, 1) + 0.5 * x.get(i, 2);
      signal += p * p / 50;
    }
    assertEquals(4.0 / (signal + 4.0), e.get(Metrics.DIVERSITY_RATIO), 1e-12);
  }

  @Test
  void designConstant_averagesToScienceMdConstant() {
    // tr((X'X)^-1) for X'X ~ Wishart_d(I, T) has mean d/(T-d-1) = 10/89 and variance
    // 2d/((T-d-1)^2 (T-d-3)) + 2d(d-1)/((T-d)(T-d-1)^2(T-d-3)) = 22/689127 (the inverse
    // Wishart moments, Press 1982). The mean of 2000 designs has sd 1.26e-4; 4 sd gives a
    // false-failure rate of 6e-5 (normal; the average of 2000 is close to normal).
    int d = 10;
    int t = 100;
    int designs = 2000;
    UniformRandomProvider r = rng(10);
    double sum = 0;
    for (int i = 0; i < designs; i++) {
      sum += RegressionDomain.draw(d, t, 1.0, null, r, r).designConstant();
    }
    double se = Math.sqrt(22.0 / 689127 / designs);
    assertEquals(10.0 / 89, sum / designs, 4 * se);
  }

  @Test
  void fit_onTruthData_errorAveragesToDesignConstant() throws Exception {
    // Given X, w_1 - w* ~ N(0, s^2 A) with A = (X'X)^-1, so ||w_1 - w*||^2 has mean s^2 tr A and
    // variance 2 s^4 tr(A^2) <= 2 (s^2 tr A)^2. With 4000 fits the mean has relative sd at most
    // sqrt(2/4000) = 0.022 (about 0.007 here, since tr(A^2) is near tr(A)^2/d); 5 of the
    // former is over 15 of the latter: false-failure rate below 1e-15.
    RegressionDomain dom = domain(10, 100, 1.0, null);
    UniformRandomProvider r = rng(11);
    int fits = 4000;
    double sum = 0;
    for (int i = 0; i < fits; i++) {
      sum +=
          dom.evaluate(dom.fit(dom.sampleTruth(100, r), null, EstimatorSettings.DEFAULTS))
              .get(Metrics.POPULATION_RISK);
    }
    double c = dom.designConstant();
    assertEquals(c, sum / fits, 5 * c * Math.sqrt(2.0 / fits));
  }

  @Test
  void fit_fewerRowsThanDimensions_isPinvAndErrorIsUnlearnedPlusDesignConstant() throws Exception {
    // T = 10 < d = 32, Gerstgrasser et al.'s cell: the fit is pinv(X) y = P w* + X^+ e, so given
    // X, ||w_1 - w*||^2 = ||(I - P) w*||^2 + ||X^+ e||^2 with mean unlearned + s^2 tr((XX')^-1).
    // Both are checked against Commons Math's SVD of X (X = U S V', P = V V'), and the mean of
    // 400 fits' errors as in fit_onTruthData_errorAveragesToDesignConstant: the noise part has
    // relative sd at most sqrt(2/400), and 5 of it gives a false-failure rate below 1e-6.
    int d = 32;
    int t = 10;
    RegressionDomain dom = domain(d, t, 1.0, null);
    Batch data = dom.sampleTruth(t, rng(12));
    double[] w = ((RegressionModel) dom.fit(data, null, DEFAULTS)).weights();
    assertArrayEquals(pseudoInverseFit(data, d), w, 1e-9);
    double[][] x = new double[t][d];
    for (int i = 0; i < t; i++) {
      for (int j = 0; j < d; j++) {
        x[i][j] = dom.design().get(i, j);
      }
    }
    SingularValueDecomposition svd = new SingularValueDecomposition(new Array2DRowRealMatrix(x));
    double[] truth = ((RegressionModel) dom.truthModel()).weights();
    RealMatrix v = svd.getV();
    double learned = v.transpose().operate(new ArrayRealVector(truth)).getNorm();
    double norm = new ArrayRealVector(truth).getNorm();
    double unlearned = norm * norm - learned * learned;
    double traceInverse = 0;
    for (double sv : svd.getSingularValues()) {
      traceInverse += 1 / (sv * sv);
    }
    assertEquals(t, v.getColumnDimension(), "the compact SVD has T columns");
    assertTrue(unlearned > 0.1, "this w* has a part outside the row space: " + unlearned);
    assertEquals(unlearned, dom.unlearned(), 1e-9);
    assertEquals(traceInverse, dom.designConstant(), 1e-9 * traceInverse);
    UniformRandomProvider r = rng(13);
    int fits = 400;
    double sum = 0;
    for (int i = 0; i < fits; i++) {
      sum +=
          dom.evaluate(dom.fit(dom.sampleTruth(t, r), null, DEFAULTS)).get(Metrics.POPULATION_RISK);
    }
    double c = dom.designConstant();
    assertEquals(unlearned + c, sum / fits, 5 * c * Math.sqrt(2.0 / fits));
  }
}
