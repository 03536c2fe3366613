package ouroboros.agents.domain.glm;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import ouroboros.agents.domain.FitException;
import ouroboros.agents.domain.Model;
import ouroboros.agents.state.StateIo;

/** The coefficients b of a generalised linear model without intercept, eta = x.b. Immutable. */
public final class GlmModel implements Model {
  private final double[] coefficients;

  private GlmModel(double[] coefficients) {
    this.coefficients = coefficients;
  }

  /**
   * A model with the given coefficients, copied.
   *
   * @throws FitException when there are none or one is not finite
   */
  public static GlmModel of(double[] coefficients) throws FitException {
    if (coefficients.length == 0) {
      throw new FitException("a GLM needs at least one coefficient");
    }
    for (double b : coefficients) {
      if (!Double.isFinite(b)) {
        throw new FitException("coefficients are not finite: " + Arrays.toString(coefficients));
      }
    }
    return new GlmModel(coefficients.clone());
  }

  /** The dimension p. */
  public int dimension() {
    return coefficients.length;
  }

  /** A copy of the coefficients. */
  public double[] coefficients() {
    return coefficients.clone();
  }

  /** Coefficient j. */
  public double coefficient(int j) {
    return coefficients[j];
  }

  /** eta = x.b for the p values of {@code x} starting at {@code offset}. */
  double eta(double[] x, int offset) {
    double s = 0;
    for (int j = 0; j < coefficients.length; j++) {
      s += x[offset + j] * coefficients[j];
    }
    return s;
  }

  /** ||b||. */
  double norm() {
    double s = 0;
    for (double b : coefficients) {
      s += b * b;
    }
    return Math.sqrt(s);
  }

  @Override
  public String toString() {
    return "GlmModel" + Arrays.toString(coefficients);
  }

  /** Writes the coefficients for a checkpoint. */
  void write(DataOutput out) throws IOException {
    StateIo.doubles(out, coefficients);
  }

  /** Reads what {@link #write} wrote. */
  static GlmModel read(DataInput in) throws IOException {
    double[] b = StateIo.doubles(in);
    try {
      return of(b == null ? new double[0] : b);
    } catch (FitException e) {
      throw new IOException("corrupt checkpoint: GLM: " + e.getMessage());
    }
  }
}
