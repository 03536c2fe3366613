package ouroboros.agents.domain.gaussian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import ouroboros.agents.domain.FitException;

/**
 * The one-dimensional Gaussian without decomposition objects gives the doubles that Commons Math's
 * Cholesky decomposition gives, and its KL risk those of the matrix arithmetic.
 */
class GaussianModelTest {

  private static void assertBits(double expected, double actual, String what) {
    assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual), what);
  }

  @Test
  void of_oneDimension_sameDoublesAsTheCholeskyDecomposition() throws FitException {
    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(3L);
    GaussianModel truth = GaussianModel.of(new double[] {0.3}, new double[][] {{2.5}});
    GaussianDomain domain = new GaussianDomain(truth);
    for (int k = 0; k < 20_000; k++) {
      double c = Math.pow(10, 16 * rng.nextDouble() - 8);
      double mean = (rng.nextDouble() - 0.5) * Math.pow(10, 6 * rng.nextDouble() - 3);
      GaussianModel m = GaussianModel.of(new double[] {mean}, new double[][] {{c}});
      CholeskyDecomposition chol =
          new CholeskyDecomposition(
              new Array2DRowRealMatrix(new double[][] {{c}}), 1e-10, 1e-12 * c);
      RealMatrix inverse = chol.getSolver().getInverse();
      String at = "c = " + c;
      assertBits(chol.getL().getEntry(0, 0), m.lower(0, 0), "L, " + at);
      assertBits(inverse.getEntry(0, 0), m.inverse().getEntry(0, 0), "inverse, " + at);
      assertBits(2 * StrictMath.log(chol.getL().getEntry(0, 0)), m.logDet(), "log det, " + at);
      assertBits(byMatrices(truth, m, inverse), domain.risk(m), "risk, " + at);
    }
  }

  @Test
  void of_oneDimension_rejectsWhatTheDecompositionRejects() {
    assertThrows(
        FitException.class, () -> GaussianModel.of(new double[] {0}, new double[][] {{-1}}));
    assertThrows(
        FitException.class, () -> GaussianModel.of(new double[] {0}, new double[][] {{0}}));
  }

  /** KL(truth || m) with Commons Math's vectors and matrices, as the d-dimensional case. */
  private static double byMatrices(GaussianModel truth, GaussianModel m, RealMatrix inverse) {
    RealVector diff = new ArrayRealVector(1);
    diff.setEntry(0, m.meanAt(0) - truth.meanAt(0));
    double traceTerm =
        inverse
            .multiply(new Array2DRowRealMatrix(new double[][] {{truth.covariance(0, 0)}}, false))
            .getTrace();
    double quad = diff.dotProduct(inverse.operate(diff));
    return 0.5 * (traceTerm + quad - 1 + m.logDet() - truth.logDet());
  }
}
