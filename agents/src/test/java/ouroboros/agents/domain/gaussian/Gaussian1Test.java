package ouroboros.agents.domain.gaussian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.apache.commons.math3.special.Erf;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import ouroboros.agents.domain.Evaluation;

class Gaussian1Test {

  /** Bit for bit: the raw bits of two doubles, so that -0.0 and 0.0 or two NaNs are told apart. */
  private static void assertSameBits(double expected, double actual, double x) {
    assertEquals(
        Double.doubleToRawLongBits(expected),
        Double.doubleToRawLongBits(actual),
        () -> "erfc(" + x + "): " + expected + " vs " + actual);
  }

  @Test
  void erfc_overGridAndRandomArguments_sameBitsAsCommonsMath() {
    for (int k = -46_000; k <= 46_000; k++) {
      double x = k / 1000.0;
      assertSameBits(Erf.erfc(x), Gaussian1.erfc(x), x);
    }
    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(7L);
    for (int i = 0; i < 100_000; i++) {
      double x = (rng.nextDouble() - 0.5) * 12;
      assertSameBits(Erf.erfc(x), Gaussian1.erfc(x), x);
    }
    double[] edges = {
      0.0,
      -0.0,
      Math.sqrt(1.5),
      -Math.sqrt(1.5),
      Math.nextDown(Math.sqrt(1.5)),
      40,
      -40,
      Math.nextUp(40.0),
      Double.NaN,
      Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY
    };
    for (double x : edges) {
      assertSameBits(Erf.erfc(x), Gaussian1.erfc(x), x);
    }
  }

  @Test
  void evaluate_truth_sameMeasuresAsAnEqualModelAndMadeOnce() throws Exception {
    GaussianModel truth = GaussianModel.of(new double[] {0.5}, new double[][] {{2.0}});
    GaussianDomain domain = new GaussianDomain(truth);
    GaussianModel copy = GaussianModel.of(new double[] {0.5}, new double[][] {{2.0}});
    Evaluation once = domain.evaluate(domain.truthModel());
    assertEquals(domain.evaluate(copy).values(), once.values());
    assertSame(once, domain.evaluate(domain.truthModel()));
  }
}
