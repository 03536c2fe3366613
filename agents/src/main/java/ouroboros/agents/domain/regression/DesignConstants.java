package ouroboros.agents.domain.regression;

import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.DecompositionSolver;

/**
 * The closed-form constants of a fixed design X (T x d, row-major) and truth w* that {@link
 * RegressionDomain} documents: the Gram matrix X'X, {@link RegressionDomain#designConstant()} and
 * {@link RegressionDomain#unlearned()}. With T &lt; d both of the latter come from one Cholesky
 * decomposition of XX'.
 */
final class DesignConstants {
  /** X'X. */
  final double[][] gram;

  /** s^2 tr(pinv(X'X)), or s^2 tr((XX')^-1) for T &lt; d; NaN when singular. */
  final double designConstant;

  /** ||(I - P) w*||^2; 0 for T &ge; d; NaN when XX' is singular. */
  final double unlearned;

  /**
   * The constants of design x (t rows of width d), truth w, its fit xw = x.w on each row (not
   * copied) and noise sd s.
   */
  DesignConstants(double[] x, int t, int d, RegressionModel w, double[] xw, double noiseSd) {
    this.gram = gram(x, t, d);
    double s2 = noiseSd * noiseSd;
    if (t < d) {
      DecompositionSolver solver;
      try {
        solver =
            new CholeskyDecomposition(new Array2DRowRealMatrix(outer(x, t, d), true)).getSolver();
      } catch (MathIllegalArgumentException e) {
        solver = null;
      }
      this.designConstant = solver == null ? Double.NaN : s2 * solver.getInverse().getTrace();
      this.unlearned = solver == null ? Double.NaN : unlearned(solver, xw, t, d, w);
    } else {
      this.designConstant = s2 * traceInverse(gram);
      this.unlearned = 0;
    }
  }

  /** X'X of a row-major T x d array. */
  private static double[][] gram(double[] x, int t, int d) {
    double[][] g = new double[d][d];
    for (int i = 0; i < t; i++) {
      LeastSquares.addRow(g, x, i * d, d, 1.0);
    }
    for (int a = 0; a < d; a++) {
      for (int b = 0; b < a; b++) {
        g[b][a] = g[a][b];
      }
    }
    return g;
  }

  /** XX' of a row-major T x d array. */
  private static double[][] outer(double[] x, int t, int d) {
    double[][] g = new double[t][t];
    for (int i = 0; i < t; i++) {
      for (int k = 0; k <= i; k++) {
        double s = 0;
        for (int a = 0; a < d; a++) {
          s += x[i * d + a] * x[k * d + a];
        }
        g[i][k] = s;
        g[k][i] = s;
      }
    }
    return g;
  }

  /** ||w*||^2 - (Xw*)'(XX')^-1 (Xw*) for T &lt; d, at least 0, with the solver of XX' and Xw*. */
  private static double unlearned(
      DecompositionSolver outer, double[] xw, int t, int d, RegressionModel w) {
    double norm = 0;
    for (int j = 0; j < d; j++) {
      norm += w.weight(j) * w.weight(j);
    }
    double[] z = outer.solve(new ArrayRealVector(xw, true)).toArray();
    double learned = 0;
    for (int i = 0; i < t; i++) {
      learned += xw[i] * z[i];
    }
    return Math.max(0, norm - learned);
  }

  /** tr(G^-1) for a symmetric positive definite G; NaN when G is singular. */
  private static double traceInverse(double[][] g) {
    try {
      return new CholeskyDecomposition(new Array2DRowRealMatrix(g, true))
          .getSolver()
          .getInverse()
          .getTrace();
    } catch (MathIllegalArgumentException e) {
      return Double.NaN;
    }
  }
}
