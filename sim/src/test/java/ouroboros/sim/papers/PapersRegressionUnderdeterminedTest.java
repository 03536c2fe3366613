package ouroboros.sim.papers;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import ouroboros.agents.data.Batch;
import ouroboros.agents.domain.Domain;
import ouroboros.agents.domain.Metrics;
import ouroboros.agents.domain.regression.RegressionDomain;
import ouroboros.agents.domain.regression.RegressionModel;
import ouroboros.sim.engine.World;
import ouroboros.sim.engine.Worlds;
import ouroboros.sim.testing.EngineTest;

/**
 * Gerstgrasser et al.'s regression with fewer rows than dimensions, n = 10 &lt; d = 32 ({@code
 * scenarios/papers/gerstgrasser-regression-underdetermined.yaml}): the minimum-norm fit never
 * learns the part of w* outside the row space of the design, and above that floor the error follows
 * the fixed-design closed form with (XX')^-1 in place of (X'X)^-1. Each copy's design and w* are
 * read back and decomposed with Commons Math's SVD, independently of the domain's own figures.
 */
@Tag("slow")
class PapersRegressionUnderdeterminedTest extends EngineTest {
  @Test
  void gerstgrasserUnderdetermined_errorIsUnlearnedPartPlusEachDesignsClosedForm() {
    // R = 40 copies, each with its own 10 x 32 design X_c and w*_c, to fit N = 20 (tick 18).
    // With X_c = U S V' (compact SVD, V of 32 x 10) and P = V V', w_N - w* = -(I - P) w* + u_N,
    // u_N in the row space and N(0, h(N) s^2 X^+ X^+'), so ||w_N - w*||^2 = U_c + ||u_N||^2
    // exactly, U_c = ||(I - P) w*||^2: the error never falls below U_c (checked to 1e-9 of it),
    // and the ratio r_c = (||w_N - w*||^2 - U_c) / (h(N) s^2 tr S^-2) is sum_j l_j z_j^2 / sum_j
    // l_j over l_j = 1/sigma_j^2: mean 1, variance v_c = 2 sum 1/sigma^4 / (sum 1/sigma^2)^2, so
    // the mean of the R ratios has exact standard error sqrt(sum v_c)/R (about 0.07 here). Each
    // v_c is at most 2, so the worst case is chi^2_40/40: below 1 - 4.5 se or above 1 + 4.5 se
    // (chi^2_40 outside [10.7, 88.1]) with probability under 2e-5 (scipy's chi2), the
    // false-failure rate of each of the two checks at most; nearer 6.8e-6 at these spread
    // eigenvalues (a sum over 400 z^2).
    int fits = 20;
    int copies = 40;
    String name = "gerstgrasser-regression-underdetermined";
    World world = Worlds.of(PapersTest.copied(name, copies, fits - 1), PapersTest.seed(name));
    Map<String, double[][]> values = PapersTest.values(world, copies);
    List<Domain> domains = world.copies().domains();
    Map<String, Double> h = PapersTest.regressionGrowth(fits);
    for (var e : h.entrySet()) {
      double[][] risk = values.get(e.getKey() + "/" + Metrics.POPULATION_RISK);
      double sum = 0;
      double variance = 0;
      double raw = 0;
      double floor = 0;
      for (int c = 0; c < copies; c++) {
        RegressionDomain dom = (RegressionDomain) domains.get(c);
        assertTrue(dom.rows() < dom.dimension(), "fewer rows than dimensions");
        double err = risk[c][fits - 2];
        assertTrue(Double.isFinite(err), e.getKey() + " copy " + c + " has no fit");
        double[] parts = parts(dom.design(), ((RegressionModel) dom.truthModel()).weights());
        double s2 = dom.noiseSd() * dom.noiseSd();
        assertTrue(
            err >= parts[0] * (1 - 1e-9),
            e.getKey() + " copy " + c + ": error " + err + " below the unlearned part " + parts[0]);
        sum += (err - parts[0]) / (e.getValue() * s2 * parts[1]);
        variance += 2 * parts[2] / (parts[1] * parts[1]);
        raw += err / copies;
        floor += parts[0] / copies;
      }
      System.out.printf(
          Locale.ROOT,
          "%s at n < d: mean error %.4f, of which never learned %.4f%n",
          e.getKey(),
          raw,
          floor);
      PapersTest.assertNear(
          1.0,
          sum / copies,
          Math.sqrt(variance) / copies,
          e.getKey() + ": (error - unlearned) / closed form");
    }
  }

  /** ||(I - P) w||^2, sum 1/sigma^2 and sum 1/sigma^4 over the singular values of X. */
  private static double[] parts(Batch design, double[] w) {
    int d = design.width();
    double[][] x = new double[design.size()][d];
    for (int i = 0; i < design.size(); i++) {
      System.arraycopy(design.values(), i * d, x[i], 0, d);
    }
    SingularValueDecomposition svd = new SingularValueDecomposition(new Array2DRowRealMatrix(x));
    ArrayRealVector truth = new ArrayRealVector(w);
    double learned = svd.getV().transpose().operate(truth).getNorm();
    double t1 = 0;
    double t2 = 0;
    for (double sv : svd.getSingularValues()) {
      t1 += 1 / (sv * sv);
      t2 += 1 / (sv * sv * sv * sv);
    }
    double norm = truth.getNorm();
    return new double[] {norm * norm - learned * learned, t1, t2};
  }
}
