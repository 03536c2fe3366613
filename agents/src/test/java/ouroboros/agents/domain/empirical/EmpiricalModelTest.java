package ouroboros.agents.domain.empirical;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import ouroboros.agents.domain.FitException;

/** The empirical distribution of equal weights is the one of weights all 1, bit for bit. */
class EmpiricalModelTest {

  @Test
  void of_equalWeights_sameAtomsAndProbabilitiesAsWeightsOfOne() throws FitException {
    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(11L);
    double[] values = new double[500];
    for (int i = 0; i < values.length; i++) {
      // Few distinct values, so that there are ties, and both signed zeros.
      values[i] = i % 7 == 0 ? (i % 2 == 0 ? 0.0 : -0.0) : rng.nextInt(40) / 8.0 - 2.5;
    }
    double[] ones = new double[values.length];
    Arrays.fill(ones, 1.0);
    EmpiricalModel plain = EmpiricalModel.of(values, null);
    EmpiricalModel weighted = EmpiricalModel.of(values, ones);
    assertEquals(weighted.size(), plain.size());
    for (int k = 0; k < plain.size(); k++) {
      assertEquals(
          Double.doubleToRawLongBits(weighted.atom(k)),
          Double.doubleToRawLongBits(plain.atom(k)),
          "atom " + k);
      assertEquals(
          Double.doubleToRawLongBits(weighted.probability(k)),
          Double.doubleToRawLongBits(plain.probability(k)),
          "probability " + k);
    }
  }
}
