package ouroboros.sim.papers;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import ouroboros.agents.data.Batch;
import ouroboros.agents.domain.Domain;
import ouroboros.agents.domain.Metrics;
import ouroboros.agents.domain.regression.RegressionDomain;
import ouroboros.sim.engine.World;
import ouroboros.sim.engine.Worlds;
import ouroboros.sim.testing.EngineTest;

/**
 * Gerstgrasser et al.'s regression at n = d = 10 ({@code
 * scenarios/papers/gerstgrasser-regression-square.yaml}): a square design, where the fit
 * interpolates its labels and the mean over designs of s^2 tr((X'X)^-1) is infinite, so the check
 * is taken given each copy's design, as a ratio to its own closed form. 11 s on a 2-core machine
 * shared with other builds.
 */
@Tag("slow")
class PapersRegressionSquareTest extends EngineTest {
  @Test
  void gerstgrasserSquareDesign_errorFollowsEachDesignsClosedForm() {
    // R = 100 copies, each with its own 10 x 10 design X_c, to fit N = 20 (tick 18). Given X_c,
    // w_N - w* is N(0, h(N) s^2 G^-1) with G = X_c'X_c and h(N) = N (replace) or sum_{i<=N} 1/i^2
    // (accumulate): every fit adds G^-1 X' e_i for fresh noise e_i, and under accumulate the fit
    // on the stacked copies of X is G^-1 X' times the mean of the labels. So a copy's ratio r_c =
    // ||w_N - w*||^2 / (h(N) s^2 tr G^-1) is sum_j lambda_j z_j^2 / sum_j lambda_j over the
    // eigenvalues lambda_j of G^-1: mean 1, variance v_c = 2 tr(G^-2)/tr(G^-1)^2, at most 2 (one
    // dominant eigenvalue, the usual case at T = d: r_c is then a chi^2_1). The mean of the R
    // ratios has exact standard error sqrt(sum v_c)/R (here about 0.11). Its worst case is
    // chi^2_100/100: below 1 - 4.5 se with probability 6e-10 and above 1 + 4.5 se (chi^2_100
    // above 163.6) with probability 6.2e-5 (scipy's chi2), the false-failure rate of each of the
    // two checks at most.
    int fits = 20;
    int copies = 100;
    String name = "gerstgrasser-regression-square";
    World world = Worlds.of(PapersTest.copied(name, copies, fits - 1), PapersTest.seed(name));
    Map<String, double[][]> values = PapersTest.values(world, copies);
    List<Domain> domains = world.copies().domains();
    Map<String, Double> h = PapersTest.regressionGrowth(fits);
    for (var e : h.entrySet()) {
      double[][] risk = values.get(e.getKey() + "/" + Metrics.POPULATION_RISK);
      double sum = 0;
      double variance = 0;
      double raw = 0;
      double closed = 0;
      for (int c = 0; c < copies; c++) {
        RegressionDomain dom = (RegressionDomain) domains.get(c);
        assertTrue(dom.rows() == dom.dimension(), "a square design");
        double err = risk[c][fits - 2];
        assertTrue(Double.isFinite(err), e.getKey() + " copy " + c + " has no fit");
        double[] trace = inverseTraces(dom.design());
        double s2 = dom.noiseSd() * dom.noiseSd();
        sum += err / (e.getValue() * s2 * trace[0]);
        variance += 2 * trace[1] / (trace[0] * trace[0]);
        raw += err / copies;
        closed += e.getValue() * dom.designConstant() / copies;
      }
      System.out.printf(
          Locale.ROOT,
          "%s at n = d: mean error %.4f, mean of its closed form h(N) s^2 tr(X'X)^-1 %.4f%n",
          e.getKey(),
          raw,
          closed);
      PapersTest.assertNear(
          1.0, sum / copies, Math.sqrt(variance) / copies, e.getKey() + ": error / closed form");
    }
  }

  /** tr(G^-1) and tr(G^-2) for G = X'X. */
  private static double[] inverseTraces(Batch design) {
    int d = design.width();
    double[][] x = new double[design.size()][d];
    for (int i = 0; i < design.size(); i++) {
      System.arraycopy(design.values(), i * d, x[i], 0, d);
    }
    RealMatrix m = new Array2DRowRealMatrix(x, false);
    RealMatrix inverse = new LUDecomposition(m.transpose().multiply(m)).getSolver().getInverse();
    return new double[] {inverse.getTrace(), inverse.multiply(inverse).getTrace()};
  }
}
