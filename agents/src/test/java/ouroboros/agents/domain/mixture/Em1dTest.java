package ouroboros.agents.domain.mixture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.MixtureMultivariateNormalDistribution;
import org.apache.commons.math3.distribution.MultivariateNormalDistribution;
import org.apache.commons.math3.distribution.fitting.MultivariateNormalMixtureExpectationMaximization;
import org.apache.commons.math3.util.Pair;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import ouroboros.agents.data.Batch;
import ouroboros.agents.domain.FitException;

/** EM in one dimension, where Commons Math refuses: hand-worked and closed-form cases. */
class Em1dTest {

  @Test
  void fit_oneComponent_isTheSampleMeanAndMleVariance() throws FitException {
    // k = 1: every responsibility is 1, so one M-step gives the MLE; the next E-step sees no
    // change.
    Batch line = new Batch(5, 1, new double[] {1, 2, 3, 4, 10});
    MixtureModel m = MixtureEstimator.fit(line, null, 1);
    assertEquals(1, m.size());
    assertEquals(4.0, m.component(0).mean(0), 1e-12);
    // MLE variance: (9 + 4 + 1 + 0 + 36) / 5 = 10.
    assertEquals(10.0, m.component(0).covariance(0, 0), 1e-12);
    assertEquals(1.0, m.weight(0), 1e-12);
  }

  @Test
  void fit_twoSeparatedClusters_isEachClustersMle() throws FitException {
    // Worked by hand: {-11, -10, -9} and {9, 10, 11, 12}, 19 apart. At the fixed point each item's
    // responsibility for the other cluster is below exp(-19^2 / (2 * 1.25)) = e^-144, so EM gives
    // each cluster's own MLE: weights 3/7 and 4/7, means -10 and 10.5, variances 2/3 and 1.25.
    Batch line = new Batch(7, 1, new double[] {-11, 12, -10, 9, -9, 11, 10});
    MixtureModel m = MixtureEstimator.fit(line, null, 2, RandomSource.L64_X128_MIX.create(7));
    int low = m.component(0).mean(0) < 0 ? 0 : 1;
    int high = 1 - low;
    assertEquals(3.0 / 7, m.weight(low), 1e-9);
    assertEquals(4.0 / 7, m.weight(high), 1e-9);
    assertEquals(-10.0, m.component(low).mean(0), 1e-9);
    assertEquals(10.5, m.component(high).mean(0), 1e-9);
    assertEquals(2.0 / 3, m.component(low).covariance(0, 0), 1e-9);
    assertEquals(1.25, m.component(high).covariance(0, 0), 1e-9);
  }

  @Test
  void step_fromAHandWorkedStart_matchesTheFormulas() {
    // One E- and M-step by hand, on x = {0, 1, 3}, means {0, 3}, variance 1, weights 1/2. Item 1's
    // responsibility for component 0 is N(1; 0, 1) / (N(1; 0, 1) + N(1; 3, 1)) = 1 / (1 + e^-1.5);
    // items 0 and 3 are 1 / (1 + e^-4.5) and 1 / (1 + e^4.5).
    double[] x = {0, 1, 3};
    double a = 1 / (1 + Math.exp(-4.5));
    double b = 1 / (1 + Math.exp(-1.5));
    double c = 1 / (1 + Math.exp(4.5));
    Em1d.Fit start =
        new Em1d.Fit(new double[] {0.5, 0.5}, new double[] {0, 3}, new double[] {1, 1}, Double.NaN);
    Em1d.Fit one = Em1d.step(x, start);
    double g0 = a + b + c;
    double m0 = (b * 1 + c * 3) / g0;
    assertEquals(g0 / 3, one.weights()[0], 1e-12);
    assertEquals(m0, one.means()[0], 1e-12);
    double v0 = (a * m0 * m0 + b * (1 - m0) * (1 - m0) + c * (3 - m0) * (3 - m0)) / g0;
    assertEquals(v0, one.variances()[0], 1e-12);
    // The mean log-likelihood of the E-step, at the start: mean of log(0.5 N(x; 0, 1) + 0.5 N(x; 3,
    // 1)).
    double ll = 0;
    for (double xi : x) {
      ll +=
          Math.log(
              0.5 * Math.exp(-0.5 * xi * xi) / Math.sqrt(2 * Math.PI)
                  + 0.5 * Math.exp(-0.5 * (xi - 3) * (xi - 3)) / Math.sqrt(2 * Math.PI));
    }
    assertEquals(ll / 3, one.logLikelihood(), 1e-12);
  }

  @Test
  void fitFrom_twoSeparatedClusters_keepsTheComponentsAndIsEachClustersMle() throws FitException {
    // The clusters of fit_twoSeparatedClusters_isEachClustersMle, warm-started from a previous
    // model that lists the high cluster first, with unequal weights and variances: EM from it
    // keeps component 0 high and reaches each cluster's MLE.
    Batch line = new Batch(7, 1, new double[] {-11, 12, -10, 9, -9, 11, 10});
    MixtureModel previous =
        MixtureModel.of(
            new double[] {0.2, 0.8},
            new Component[] {
              Component.of(new double[] {8}, new double[][] {{3}}),
              Component.of(new double[] {-7}, new double[][] {{0.5}})
            });
    MixtureModel m =
        MixtureEstimator.fitFrom(line, null, previous, RandomSource.L64_X128_MIX.create(7));
    assertEquals(4.0 / 7, m.weight(0), 1e-9);
    assertEquals(3.0 / 7, m.weight(1), 1e-9);
    assertEquals(10.5, m.component(0).mean(0), 1e-9);
    assertEquals(-10.0, m.component(1).mean(0), 1e-9);
    assertEquals(1.25, m.component(0).covariance(0, 0), 1e-9);
    assertEquals(2.0 / 3, m.component(1).covariance(0, 0), 1e-9);
  }

  @Test
  void fitFrom_oneDimension_agreesWithCommonsMathOnTheDataEmbeddedInTwo() throws FitException {
    // Overlapping clusters, so EM takes many iterations. In 2-D each item appears twice, with
    // second coordinate +1 and -1, and every component of the previous model has second-coordinate
    // mean 0 and variance 1: whatever the responsibilities, each M-step gives every component
    // second-coordinate mean 0, variance 1 and no cross-covariance again, so the responsibilities
    // and the first coordinate's parameters are those of EM in 1-D at every iteration.
    double[] x = {-2.1, -1.3, -0.4, 0.2, 0.9, 1.6, 2.7, 3.1, 3.8, 4.6, 5.0, -0.9};
    double[] line = new double[2 * x.length];
    double[] plane = new double[4 * x.length];
    for (int i = 0; i < x.length; i++) {
      line[2 * i] = x[i];
      line[2 * i + 1] = x[i];
      plane[4 * i] = x[i];
      plane[4 * i + 1] = 1;
      plane[4 * i + 2] = x[i];
      plane[4 * i + 3] = -1;
    }
    double[] w = {0.3, 0.7};
    double[] m = {4, 0};
    double[] v = {2, 0.5};
    MixtureModel previous1 =
        MixtureModel.of(
            w,
            new Component[] {
              Component.of(new double[] {m[0]}, new double[][] {{v[0]}}),
              Component.of(new double[] {m[1]}, new double[][] {{v[1]}})
            });
    MixtureModel previous2 =
        MixtureModel.of(
            w,
            new Component[] {
              Component.of(new double[] {m[0], 0}, new double[][] {{v[0], 0}, {0, 1}}),
              Component.of(new double[] {m[1], 0}, new double[][] {{v[1], 0}, {0, 1}})
            });
    MixtureModel one =
        MixtureEstimator.fitFrom(
            new Batch(line.length, 1, line), null, previous1, RandomSource.L64_X128_MIX.create(1));
    MixtureModel two =
        MixtureEstimator.fitFrom(
            new Batch(2 * x.length, 2, plane),
            null,
            previous2,
            RandomSource.L64_X128_MIX.create(1));
    for (int j = 0; j < 2; j++) {
      assertEquals(two.weight(j), one.weight(j), 1e-9);
      assertEquals(two.component(j).mean(0), one.component(j).mean(0), 1e-9);
      assertEquals(two.component(j).covariance(0, 0), one.component(j).covariance(0, 0), 1e-9);
      assertEquals(0.0, two.component(j).mean(1), 1e-9);
      assertEquals(1.0, two.component(j).covariance(1, 1), 1e-9);
    }
    // the warm start kept the components' order: component 0 is still the high one
    assertTrue(one.component(0).mean(0) > one.component(1).mean(0));
    // Far from convergence too: with the threshold at its largest, both run exactly two steps (the
    // first change, from minus infinity, is infinite), so the start's weights and variances count.
    Em1d.Fit early = Em1d.fit(line, new Em1d.Fit(w, m, v, Double.NaN), 1000, Double.MAX_VALUE);
    double[][] rows = new double[2 * x.length][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = new double[] {plane[2 * i], plane[2 * i + 1]};
    }
    MultivariateNormalMixtureExpectationMaximization em =
        new MultivariateNormalMixtureExpectationMaximization(rows);
    List<Pair<Double, MultivariateNormalDistribution>> start = new ArrayList<>();
    for (int j = 0; j < 2; j++) {
      start.add(
          new Pair<>(
              w[j],
              new MultivariateNormalDistribution(
                  new double[] {m[j], 0}, new double[][] {{v[j], 0}, {0, 1}})));
    }
    em.fit(new MixtureMultivariateNormalDistribution(start), 1000, Double.MAX_VALUE);
    List<Pair<Double, MultivariateNormalDistribution>> fitted = em.getFittedModel().getComponents();
    for (int j = 0; j < 2; j++) {
      assertEquals(fitted.get(j).getFirst(), early.weights()[j], 1e-12);
      assertEquals(fitted.get(j).getSecond().getMeans()[0], early.means()[j], 1e-12);
      assertEquals(
          fitted.get(j).getSecond().getCovariances().getEntry(0, 0), early.variances()[j], 1e-12);
    }
    assertTrue(Math.abs(early.means()[0] - one.component(0).mean(0)) > 1e-6, "not yet converged");
  }

  @Test
  void fit_notConvergedWithinTheIterations_throws() {
    assertThrows(
        IllegalStateException.class,
        () -> Em1d.fit(new double[] {0, 1, 3, 7, 8}, new double[] {0, 8}, 1.0, 1, 1e-300));
  }

  @Test
  void fit_identicalItems_throwsFitException() {
    Batch line = new Batch(3, 1, new double[] {2, 2, 2});
    assertThrows(FitException.class, () -> MixtureEstimator.fit(line, null, 2));
  }
}
