package ouroboros.agents.domain.empirical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ouroboros.agents.domain.EstimatorSettings.DEFAULTS;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import org.apache.commons.math3.special.Erf;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import ouroboros.agents.data.Batch;
import ouroboros.agents.domain.FitException;
import ouroboros.agents.domain.Metrics;
import ouroboros.agents.domain.SamplingSettings;

/**
 * The empirical domain without actors: the weighted fit, resampling and the Cramér–von Mises risk.
 */
class EmpiricalDomainTest {
  private static final EmpiricalDomain STD = new EmpiricalDomain(0, 1);

  private static UniformRandomProvider rng(long seed) {
    return RandomSource.L64_X128_MIX.create(seed);
  }

  private static Batch batch(double... v) {
    return new Batch(v.length, 1, v);
  }

  private static double risk(EmpiricalDomain d, EmpiricalModel m) {
    return d.evaluate(m).get(Metrics.POPULATION_RISK);
  }

  @Test
  void cramerVonMises_oneAtom_isTheClosedForm() throws FitException {
    // One atom at x0, G(x0) = u0: the integral of u^2 on [0, u0] plus (1 - u)^2 on [u0, 1].
    for (double x0 : new double[] {0.0, 1.3, -2.0}) {
      double u0 = 0.5 * Erf.erfc(-x0 / Math.sqrt(2));
      double expected = (u0 * u0 * u0 + Math.pow(1 - u0, 3)) / 3;
      assertEquals(expected, risk(STD, EmpiricalModel.of(new double[] {x0}, null)), 1e-15);
    }
  }

  @Test
  void cramerVonMises_weightedAtoms_matchesQuadrature() throws FitException {
    // A shifted, scaled truth and 50 weighted atoms with ties: the exact sum against a midpoint
    // rule in u = G(x) on 200,000 cells (error at most 1/200,000 at each of the 50 jumps).
    EmpiricalDomain d = new EmpiricalDomain(1.5, 2.0);
    UniformRandomProvider r = rng(3);
    double[] x = new double[50];
    double[] w = new double[50];
    for (int i = 0; i < 50; i++) {
      x[i] = Math.round((1 + 3 * (r.nextDouble() - 0.3)) * 4) / 4.0;
      w[i] = r.nextDouble();
    }
    EmpiricalModel m = EmpiricalModel.of(x, w);
    double total = 0;
    for (double v : w) {
      total += v;
    }
    int cells = 200_000;
    double sum = 0;
    org.apache.commons.math3.distribution.NormalDistribution g =
        new org.apache.commons.math3.distribution.NormalDistribution(null, 1.5, 2.0);
    for (int k = 0; k < cells; k++) {
      double at = g.inverseCumulativeProbability((k + 0.5) / cells);
      double f = 0;
      for (int i = 0; i < 50; i++) {
        f += x[i] <= at ? w[i] / total : 0;
      }
      double e = f - (k + 0.5) / cells;
      sum += e * e / cells;
    }
    assertEquals(sum, risk(d, m), 1e-3 * sum);
  }

  @Test
  void fit_honoursWeights_andResamplesWithThem() throws FitException {
    EmpiricalModel m = (EmpiricalModel) STD.fit(batch(2.0, -1.0), new double[] {1, 3}, DEFAULTS);
    assertEquals(-1.0, m.atom(0));
    assertEquals(0.75, m.probability(0), 1e-15);
    Batch b = STD.sample(m, 100_000, SamplingSettings.DEFAULTS, rng(7));
    int low = 0;
    for (int i = 0; i < b.size(); i++) {
      low += b.values()[i] == -1.0 ? 1 : 0;
    }
    // Binomial(100000, 0.75): sd 137; 6 sd fails about 2e-9 of the time.
    assertEquals(75_000, low, 6 * Math.sqrt(100_000 * 0.75 * 0.25));
    // The variance of {-1 w.p. 3/4, 2 w.p. 1/4} is 9 * 3/16.
    assertEquals(27.0 / 16, STD.evaluate(m).get(Metrics.DIVERSITY_RATIO), 1e-12);
  }

  @Test
  void combine_isTheWeightedPooledFit() throws FitException {
    double[] real = {0.1, -0.4, 1.2};
    double[] synth = {0.3, 2.5};
    EmpiricalModel a = (EmpiricalModel) STD.fit(batch(real), null, DEFAULTS);
    EmpiricalModel b = (EmpiricalModel) STD.fit(batch(synth), null, DEFAULTS);
    double w = 0.618;
    double[] weights = {w / 3, w / 3, w / 3, (1 - w) / 2, (1 - w) / 2};
    EmpiricalModel pooled =
        (EmpiricalModel) STD.fit(batch(0.1, -0.4, 1.2, 0.3, 2.5), weights, DEFAULTS);
    EmpiricalModel mixed = (EmpiricalModel) STD.combine(a, w, b);
    assertEquals(risk(STD, pooled), risk(STD, mixed), 1e-15);
    assertTrue(risk(STD, mixed) != risk(STD, (EmpiricalModel) STD.combine(a, 0.5, b)));
    assertThrows(FitException.class, () -> STD.combine(STD.truthModel(), w, b));
  }

  @Test
  void fit_rejectsBadInput_andCheckpointRoundTrips() throws Exception {
    assertThrows(FitException.class, () -> STD.fit(batch(), null, DEFAULTS));
    assertThrows(FitException.class, () -> STD.fit(batch(1, 2), new double[] {0, 0}, DEFAULTS));
    assertThrows(FitException.class, () -> STD.fit(batch(1, 2), new double[] {1, -1}, DEFAULTS));
    assertEquals(0.0, STD.evaluate(STD.truthModel()).get(Metrics.POPULATION_RISK));
    EmpiricalModel m =
        (EmpiricalModel) STD.fit(batch(0.5, -0.25, 3), new double[] {1, 2, 3}, DEFAULTS);
    for (EmpiricalModel x : new EmpiricalModel[] {m, (EmpiricalModel) STD.truthModel()}) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      STD.writeModel(x, new DataOutputStream(bytes));
      EmpiricalModel back =
          (EmpiricalModel)
              STD.readModel(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
      assertEquals(STD.evaluate(x), STD.evaluate(back));
      assertEquals(
          STD.sample(x, 5, SamplingSettings.DEFAULTS, rng(1)).values()[4],
          STD.sample(back, 5, SamplingSettings.DEFAULTS, rng(1)).values()[4]);
    }
  }
}
