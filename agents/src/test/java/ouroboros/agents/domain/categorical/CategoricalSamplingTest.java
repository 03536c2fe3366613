package ouroboros.agents.domain.categorical;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import ouroboros.agents.domain.SamplingSettings;

/** Temperature, top-k and top-p: the exact truncated distributions, and sampling from them. */
class CategoricalSamplingTest {
  private static final double[] NINETY_TEN = {0.9, 0.1};

  private static double[] apply(double[] p, double t, int k, double topP) {
    return Truncation.apply(p, new SamplingSettings(t, k, topP));
  }

  @Test
  void temperature_powersAndRenormalises() {
    // p^(1/T) renormalised: 0.81 / 0.82 and 0.01 / 0.82 at T = 0.5.
    assertArrayEquals(new double[] {0.81 / 0.82, 0.01 / 0.82}, apply(NINETY_TEN, 0.5, 0, 1), 1e-15);
    double[] flat = apply(new double[] {0.64, 0.36, 0}, 2, 0, 1);
    assertArrayEquals(new double[] {0.8 / 1.4, 0.6 / 1.4, 0}, flat, 1e-15);
    // Very low temperature: all mass on the mode, without underflow to NaN.
    assertArrayEquals(new double[] {1, 0}, apply(NINETY_TEN, 1e-4, 0, 1), 0);
    assertArrayEquals(NINETY_TEN, apply(NINETY_TEN, 1, 0, 1), 0);
  }

  @Test
  void topK_keepsTheKMostLikelyExactly() {
    double[] p = {0.1, 0.4, 0.2, 0.3};
    assertArrayEquals(new double[] {0, 0.4 / 0.7, 0, 0.3 / 0.7}, apply(p, 1, 2, 1), 1e-15);
    assertArrayEquals(p, apply(p, 1, 4, 1), 0);
    assertArrayEquals(p, apply(p, 1, 9, 1), 0);
    // Ties: the lower index ranks first.
    assertArrayEquals(
        new double[] {0.5, 0, 0.5, 0}, apply(new double[] {0.3, 0.2, 0.3, 0.2}, 1, 2, 1), 1e-15);
  }

  @Test
  void topP_keepsTheSmallestSetReachingP() {
    double[] p = {0.2, 0.5, 0.3};
    assertArrayEquals(new double[] {0, 0.625, 0.375}, apply(p, 1, 0, 0.8), 1e-15);
    assertArrayEquals(p, apply(p, 1, 0, 0.81), 1e-15);
    assertArrayEquals(new double[] {0, 1, 0}, apply(p, 1, 0, 0.5), 0);
    assertArrayEquals(new double[] {0, 1, 0}, apply(p, 1, 0, 1e-300), 0);
    // SCIENCE.md's example: yellow alone reaches 0.9, so blue is cut.
    assertArrayEquals(new double[] {1, 0}, apply(NINETY_TEN, 1, 0, 0.9), 0);
    assertArrayEquals(
        new double[] {1, 0},
        apply(new double[] {0.9000000000000001, 0.0999999999999999}, 1, 0, 0.9),
        0);
    assertArrayEquals(NINETY_TEN, apply(NINETY_TEN, 1, 0, 0.91), 1e-15);
  }

  @Test
  void order_temperatureThenTopKThenTopP() {
    double[] p = {0.6, 0.25, 0.15};
    // Top-p 0.6 alone keeps category 0 only; after T = 2 the distribution is
    // (sqrt .6, sqrt .25, sqrt .15) / 1.6619 = (0.466, 0.301, 0.233), and top-p keeps two.
    assertArrayEquals(new double[] {1, 0, 0}, apply(p, 1, 0, 0.6), 0);
    double a = Math.sqrt(0.6);
    double b = Math.sqrt(0.25);
    assertArrayEquals(new double[] {a / (a + b), b / (a + b), 0}, apply(p, 2, 0, 0.6), 1e-15);
    // Top-k 2 first, then top-p 0.7 over (0.706, 0.294): category 0 alone reaches 0.7.
    assertArrayEquals(new double[] {1, 0, 0}, apply(p, 1, 2, 0.7), 0);
  }

  @Test
  void sample_followsTheTruncatedDistribution() {
    CategoricalDomain d = new CategoricalDomain(CategoricalModel.zipf(10, 1));
    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(11L);
    SamplingSettings s = new SamplingSettings(0.5, 4, 0.95);
    double[] q = Truncation.apply(((CategoricalModel) d.truthModel()).probabilities(), s);
    int n = 200_000;
    double[] f = CategoricalDomainTest.frequencies(d.sample(d.truthModel(), n, s, rng), 10);
    for (int i = 0; i < 10; i++) {
      if (q[i] == 0) {
        assertEquals(0.0, f[i], "a truncated category is never drawn: " + i);
      } else {
        // Binomial sd sqrt(q(1-q)/n) <= 0.0011; 5 sd per category: false-failure rate 6e-7.
        assertEquals(q[i], f[i], 5 * Math.sqrt(q[i] * (1 - q[i]) / n), "category " + i);
      }
    }
  }

  @Test
  void sample_temperatureHalf_blueShareIsOnePartIn82() {
    CategoricalDomain d = new CategoricalDomain(CategoricalModel.of(NINETY_TEN));
    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(12L);
    int n = 400_000;
    double[] f =
        CategoricalDomainTest.frequencies(
            d.sample(d.truthModel(), n, new SamplingSettings(0.5), rng), 2);
    double q = 1 / 82.0;
    // sd sqrt(q(1-q)/n) = 1.7e-4; 5 sd: false-failure rate 6e-7.
    assertEquals(q, f[1], 5 * Math.sqrt(q * (1 - q) / n));
  }
}
