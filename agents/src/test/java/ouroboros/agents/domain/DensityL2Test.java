package ouroboros.agents.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.math3.analysis.integration.SimpsonIntegrator;
import org.apache.commons.math3.distribution.NormalDistribution;
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
}
