package ouroboros.agents.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.math3.analysis.integration.SimpsonIntegrator;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** The closed-form squared L2 distance between Gaussian mixtures. */
class DensityL2Test {

  @Test
  void twoUnitGaussians_matchTheClosedForm() {
    // ||N(0, 1) - N(mu, 1)||^2 = 2 N(0; 0, 2) - 2 N(mu; 0, 2) = (1 - exp(-mu^2 / 4)) / sqrt(pi).
    double mu = 1.3;
    double d =
        DensityL2.squared(
            new double[] {1},
            new double[][] {{0}},
            new double[][][] {{{1}}},
            new double[] {1},
            new double[][] {{mu}},
            new double[][][] {{{1}}});
    assertEquals((1 - Math.exp(-mu * mu / 4)) / Math.sqrt(Math.PI), d, 1e-12);
  }

  @Test
  void sameMixture_isZero_swappedComponentsToo() {
    double[] w = {0.3, 0.7};
    double[][] m = {{-1, 0}, {2, 1}};
    double[][][] s = {{{1, 0.2}, {0.2, 0.5}}, {{2, 0}, {0, 1}}};
    assertEquals(0.0, DensityL2.squared(w, m, s, w, m, s), 1e-15);
    double[] w2 = {0.7, 0.3};
    double[][] m2 = {m[1], m[0]};
    double[][][] s2 = {s[1], s[0]};
    assertEquals(0.0, DensityL2.squared(w, m, s, w2, m2, s2), 1e-15);
  }

  @Test
  void oneDimensionalMixtures_matchNumericalIntegration() {
    double[] a = {0.4, 0.6};
    double[][] ma = {{-1}, {2}};
    double[][][] sa = {{{0.5}}, {{1.5}}};
    double[] b = {0.5, 0.5};
    double[][] mb = {{0}, {3}};
    double[][][] sb = {{{1}}, {{0.7}}};
    NormalDistribution a0 = new NormalDistribution(null, -1, Math.sqrt(0.5));
    NormalDistribution a1 = new NormalDistribution(null, 2, Math.sqrt(1.5));
    NormalDistribution b0 = new NormalDistribution(null, 0, 1);
    NormalDistribution b1 = new NormalDistribution(null, 3, Math.sqrt(0.7));
    double numeric =
        new SimpsonIntegrator(1e-12, 1e-12, 3, 30)
            .integrate(
                1_000_000,
                x -> {
                  double p = 0.4 * a0.density(x) + 0.6 * a1.density(x);
                  double q = 0.5 * b0.density(x) + 0.5 * b1.density(x);
                  return (p - q) * (p - q);
                },
                -15,
                18);
    assertEquals(numeric, DensityL2.squared(a, ma, sa, b, mb, sb), 1e-9);
  }

  @Test
  void oneDimension_sameDoublesAsTheCholeskyDecomposition() {
    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(7L);
    double threshold = CholeskyDecomposition.DEFAULT_ABSOLUTE_POSITIVITY_THRESHOLD;
    double[] edges = {threshold, Math.nextUp(threshold), 0, -1, Double.NaN, 1e300};
    for (int k = 0; k < 20_000 + edges.length; k++) {
      double v = k < edges.length ? edges[k] : Math.pow(10, 16 * rng.nextDouble() - 8);
      double diff = (rng.nextDouble() - 0.5) * Math.pow(10, 8 * rng.nextDouble() - 4);
      double s = v * rng.nextDouble();
      double t = v - s;
      double actual =
          DensityL2.cross(
              new double[] {1},
              new double[][] {{diff}},
              new double[][][] {{{s}}},
              new double[] {1},
              new double[][] {{0}},
              new double[][][] {{{t}}});
      double expected = 0;
      expected += 1.0 * 1.0 * byDecomposition(diff - 0, s + t);
      assertEquals(
          Double.doubleToRawLongBits(expected),
          Double.doubleToRawLongBits(actual),
          "v = " + v + ", diff = " + diff);
    }
  }

  /** N(diff; 0, v) through Commons Math's decomposition of [[v]], as the d-dimensional case. */
  private static double byDecomposition(double diff, double v) {
    CholeskyDecomposition chol;
    try {
      chol = new CholeskyDecomposition(MatrixUtils.createRealMatrix(new double[][] {{v}}));
    } catch (NonPositiveDefiniteMatrixException e) {
      return Double.NaN;
    }
    double[] solved =
        chol.getSolver().solve(MatrixUtils.createRealVector(new double[] {diff})).toArray();
    double q = 0;
    q += diff * solved[0];
    return Math.exp(-0.5 * q) / Math.sqrt(Math.pow(2 * Math.PI, 1) * chol.getDeterminant());
  }

  /**
   * The one-dimensional form gives the doubles of the array form, for near and far pairs, a pair
   * that is the same Gaussian, and a variance at the positivity threshold (NaN).
   */
  @Test
  void squared1_sameDoublesAsTheArrayForm() {
    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(3L);
    double[][] pairs = new double[200][];
    for (int k = 0; k < 197; k++) {
      pairs[k] =
          new double[] {
            4 * rng.nextDouble() - 2,
            1e-3 + 3 * rng.nextDouble(),
            4 * rng.nextDouble() - 2,
            1e-3 + 3 * rng.nextDouble()
          };
    }
    pairs[197] = new double[] {0.25, 1.5, 0.25, 1.5};
    pairs[198] = new double[] {0.0, 1e-11, 1.0, 1e-11};
    pairs[199] = new double[] {-3.0, 0.01, 40.0, 0.02};
    double[] one = {1.0};
    for (double[] p : pairs) {
      double arrays =
          DensityL2.squared(
              one,
              new double[][] {{p[0]}},
              new double[][][] {{{p[1]}}},
              one,
              new double[][] {{p[2]}},
              new double[][][] {{{p[3]}}});
      assertEquals(
          Double.doubleToRawLongBits(arrays),
          Double.doubleToRawLongBits(DensityL2.squared1(p[0], p[1], p[2], p[3])),
          java.util.Arrays.toString(p));
    }
  }
}
