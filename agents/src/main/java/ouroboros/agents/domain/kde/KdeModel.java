package ouroboros.agents.domain.kde;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;
import org.apache.commons.math3.special.Gamma;
import org.apache.commons.math3.util.FastMath;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import ouroboros.agents.data.Batch;
import ouroboros.agents.domain.Model;
import ouroboros.agents.rng.Normals;
import ouroboros.agents.state.StateIo;

/**
 * A kernel density estimate p(x) = sum_i w_i K_h(x - p_i) over weighted training points, with one
 * bandwidth h_j per dimension (Parzen, "On estimation of a probability density function and mode",
 * 1962; Silverman, "Density Estimation for Statistics and Data Analysis", 1986). With the Gaussian
 * kernel K_h(x - p) = prod_j N(x_j; p_j, h_j^2); with the tophat kernel ({@link Kernel#TOPHAT}),
 * K_h is uniform on the ellipsoid sum_j ((x_j - p_j) / h_j)^2 &lt; 1, of volume V_d prod_j h_j.
 *
 * <p>Sampling (and the domain's Monte Carlo masses) turns a standard-normal vector z into a kernel
 * draw: h (.) z for the Gaussian kernel; for the tophat, the direction z / ||z|| at radius U^(1/d),
 * where U = P(d/2, ||z||^2 / 2) (the chi-square CDF of ||z||^2, uniform and independent of the
 * direction), which is uniform on the unit ball; then scaled by h. Temperature T scales the kernel
 * draw by sqrt(T).
 *
 * <p>Density evaluation uses at most a capped set of kernels (see {@link KdeDomain}); sampling
 * always uses every point. Immutable; the point array is shared with the training batch and never
 * written.
 */
public final class KdeModel implements Model {
  private static final double LOG_2PI = Math.log(2 * Math.PI);

  private final Batch points;
  private final double[] cumulative;
  private final double[] bandwidth;
  private final Kernel kernel;
  private final double[] kernels;
  private final double logNorm;
  private final double trace;

  /**
   * A KDE.
   *
   * @param points the training points
   * @param cumulative cumulative normalised weights, 1 from the last positive weight on, or null
   *     for equal weights
   * @param bandwidth h_j per dimension, each greater than 0
   * @param kernel the kernel
   * @param kernels the points used to evaluate the density, row after row, equally weighted
   * @param trace the trace of the KDE's covariance: weighted point variances plus sum h_j^2
   */
  KdeModel(
      Batch points,
      double[] cumulative,
      double[] bandwidth,
      Kernel kernel,
      double[] kernels,
      double trace) {
    this.points = Objects.requireNonNull(points, "points");
    this.cumulative = cumulative;
    this.bandwidth = bandwidth.clone();
    this.kernel = Objects.requireNonNull(kernel, "kernel");
    this.kernels = kernels;
    this.trace = trace;
    double logH = 0;
    for (double h : bandwidth) {
      logH += FastMath.log(h);
    }
    int d = bandwidth.length;
    double logKernel =
        kernel == Kernel.GAUSSIAN
            ? -0.5 * d * LOG_2PI
            : -(0.5 * d * Math.log(Math.PI) - Gamma.logGamma(0.5 * d + 1));
    this.logNorm = -logH + logKernel - FastMath.log(kernels.length / d);
  }

  /** The kernel. */
  public Kernel kernel() {
    return kernel;
  }

  /** Dimension d. */
  public int dimension() {
    return bandwidth.length;
  }

  /** Number of training points. */
  public int size() {
    return points.size();
  }

  /** Number of kernels used to evaluate the density. */
  public int kernelCount() {
    return kernels.length / bandwidth.length;
  }

  /** The bandwidth of dimension j. */
  public double bandwidth(int j) {
    return bandwidth[j];
  }

  /** Trace of the KDE's covariance (at temperature 1). */
  public double trace() {
    return trace;
  }

  /**
   * Log density at {@code x[off..off+d)}, over the evaluation kernels: by log-sum-exp for the
   * Gaussian kernel; for the tophat, the log of the number of kernels whose ellipsoid holds x
   * (minus infinity where none does).
   */
  public double logDensity(double[] x, int off) {
    int d = bandwidth.length;
    int m = kernels.length / d;
    if (kernel == Kernel.TOPHAT) {
      int inside = 0;
      for (int i = 0; i < m; i++) {
        inside += scaled2(x, off, i) < 1 ? 1 : 0;
      }
      return inside == 0 ? Double.NEGATIVE_INFINITY : logNorm + FastMath.log(inside);
    }
    double[] e = new double[m];
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < m; i++) {
      double q = 0;
      for (int j = 0; j < d; j++) {
        double t = (x[off + j] - kernels[i * d + j]) / bandwidth[j];
        q += t * t;
      }
      e[i] = -0.5 * q;
      max = Math.max(max, e[i]);
    }
    double s = 0;
    for (int i = 0; i < m; i++) {
      // Terms more than e^-40 below the largest cannot change the sum in double precision.
      if (e[i] > max - 40) {
        s += FastMath.exp(e[i] - max);
      }
    }
    return logNorm + max + FastMath.log(s);
  }

  /**
   * One mean-shift step from x (Fukunaga and Hostetler 1975; Comaniciu and Meer 2002): the
   * kernel-weighted mean of the evaluation kernels, written to {@code next}. For Gaussian kernels
   * the iteration climbs the density to a stationary point (Carreira-Perpinan, "Gaussian mean-shift
   * is an EM algorithm", 2007).
   */
  void meanShift(double[] x, double[] next) {
    int d = bandwidth.length;
    int m = kernels.length / d;
    if (kernel == Kernel.TOPHAT) {
      flatShift(x, next);
      return;
    }
    double[] e = new double[m];
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < m; i++) {
      double q = 0;
      for (int j = 0; j < d; j++) {
        double t = (x[j] - kernels[i * d + j]) / bandwidth[j];
        q += t * t;
      }
      e[i] = -0.5 * q;
      max = Math.max(max, e[i]);
    }
    Arrays.fill(next, 0);
    double s = 0;
    for (int i = 0; i < m; i++) {
      if (e[i] > max - 40) {
        double w = FastMath.exp(e[i] - max);
        s += w;
        for (int j = 0; j < d; j++) {
          next[j] += w * kernels[i * d + j];
        }
      }
    }
    for (int j = 0; j < d; j++) {
      next[j] /= s;
    }
  }

  /**
   * The tophat's mean-shift step: the mean of the kernels whose ellipsoid holds x, or x where none
   * does. With a flat kernel the iteration climbs the KDE of the Epanechnikov kernel on the same
   * ellipsoids, the tophat's "shadow" (Cheng, "Mean shift, mode seeking, and clustering", 1995), to
   * a mode of that smoother estimate.
   */
  private void flatShift(double[] x, double[] next) {
    int d = bandwidth.length;
    int m = kernels.length / d;
    Arrays.fill(next, 0);
    int inside = 0;
    for (int i = 0; i < m; i++) {
      if (scaled2(x, 0, i) < 1) {
        inside++;
        for (int j = 0; j < d; j++) {
          next[j] += kernels[i * d + j];
        }
      }
    }
    for (int j = 0; j < d; j++) {
      next[j] = inside == 0 ? x[j] : next[j] / inside;
    }
  }

  /** sum_j ((x_j - k_ij) / h_j)^2 for evaluation kernel i. */
  private double scaled2(double[] x, int off, int i) {
    int d = bandwidth.length;
    double q = 0;
    for (int j = 0; j < d; j++) {
      double t = (x[off + j] - kernels[i * d + j]) / bandwidth[j];
      q += t * t;
    }
    return q;
  }

  /** The training point whose cumulative-weight interval holds u in [0, 1). */
  int pick(double u) {
    return pick(cumulative, points.size(), u);
  }

  /**
   * The point whose interval of {@code cumulative} holds u in [0, 1): the first i with
   * cumulative[i] &gt; u, which has a positive weight; {@code floor(u n)} for equal weights (null).
   */
  static int pick(double[] cumulative, int n, double u) {
    if (cumulative == null) {
      return Math.min((int) (u * n), n - 1);
    }
    int lo = 0;
    int hi = cumulative.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid] > u) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  /**
   * Writes point i plus sqrt(T) h (.) v to {@code out[outOff..)}, where v is the standard-normal z
   * at {@code z[zOff..)} for the Gaussian kernel, and z mapped onto the unit ball for the tophat
   * (see the class comment).
   */
  void transform(int i, double[] z, int zOff, double scale, double[] out, int outOff) {
    int d = bandwidth.length;
    double radial = 1.0;
    if (kernel == Kernel.TOPHAT) {
      double r2 = 0;
      for (int j = 0; j < d; j++) {
        r2 += z[zOff + j] * z[zOff + j];
      }
      radial =
          r2 > 0
              ? FastMath.pow(Gamma.regularizedGammaP(0.5 * d, 0.5 * r2), 1.0 / d) / Math.sqrt(r2)
              : 0;
    }
    for (int j = 0; j < d; j++) {
      out[outOff + j] = points.values()[i * d + j] + scale * bandwidth[j] * (radial * z[zOff + j]);
    }
  }

  /** n draws: a training point picked by weight, plus N(0, T diag(h^2)). */
  public Batch sample(int n, double temperature, UniformRandomProvider rng) {
    int d = bandwidth.length;
    double scale = Math.sqrt(temperature);
    ZigguratSampler.NormalizedGaussian normal = Normals.of(rng);
    double[] out = new double[n * d];
    double[] z = new double[d];
    for (int i = 0; i < n; i++) {
      int p = cumulative == null ? rng.nextInt(points.size()) : pick(rng.nextDouble());
      for (int j = 0; j < d; j++) {
        z[j] = normal.sample();
      }
      transform(p, z, 0, scale, out, i * d);
    }
    return new Batch(n, d, out);
  }

  @Override
  public String toString() {
    return "KdeModel[points="
        + points.size()
        + ", kernels="
        + kernelCount()
        + ", bandwidth="
        + Arrays.toString(bandwidth)
        + (kernel == Kernel.GAUSSIAN ? "" : ", kernel=" + kernel.key())
        + "]";
  }

  /** Writes the points, weights, bandwidths, kernels and trace for a checkpoint. */
  void write(DataOutput out) throws IOException {
    out.writeInt(points.size());
    out.writeInt(points.width());
    StateIo.doubles(out, points.values());
    StateIo.doubles(out, cumulative);
    StateIo.doubles(out, bandwidth);
    out.writeUTF(kernel.name());
    StateIo.doubles(out, kernels);
    out.writeDouble(trace);
  }

  /** Reads what {@link #write} wrote. */
  static KdeModel read(DataInput in) throws IOException {
    int size = in.readInt();
    int width = in.readInt();
    double[] values = StateIo.doubles(in);
    double[] cumulative = StateIo.doubles(in);
    double[] bandwidth = StateIo.doubles(in);
    String kernelName = in.readUTF();
    double[] kernels = StateIo.doubles(in);
    double trace = in.readDouble();
    if (values == null || bandwidth == null || kernels == null || bandwidth.length == 0) {
      throw new IOException("corrupt checkpoint: a kernel density model without parameters");
    }
    try {
      return new KdeModel(
          new Batch(size, width, values),
          cumulative,
          bandwidth,
          Kernel.valueOf(kernelName),
          kernels,
          trace);
    } catch (IllegalArgumentException e) {
      throw new IOException("corrupt checkpoint: kernel density model: " + e.getMessage());
    }
  }
}
