package ouroboros.agents.domain.kde;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;
import org.apache.commons.math3.util.FastMath;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import ouroboros.agents.data.Batch;
import ouroboros.agents.domain.Model;
import ouroboros.agents.state.StateIo;

/**
 * A Gaussian kernel density estimate p(x) = sum_i w_i prod_j N(x_j; p_ij, h_j^2) over weighted
 * training points, with one bandwidth h_j per dimension (Parzen, "On estimation of a probability
 * density function and mode", 1962; Silverman, "Density Estimation for Statistics and Data
 * Analysis", 1986).
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
   * @param kernels the points used to evaluate the density, row after row, equally weighted
   * @param trace the trace of the KDE's covariance: weighted point variances plus sum h_j^2
   */
  KdeModel(Batch points, double[] cumulative, double[] bandwidth, double[] kernels, double trace) {
    this.points = Objects.requireNonNull(points, "points");
    this.cumulative = cumulative;
    this.bandwidth = bandwidth.clone();
    this.kernels = kernels;
    this.trace = trace;
    double logH = 0;
    for (double h : bandwidth) {
      logH += FastMath.log(h);
    }
    this.logNorm =
        -logH - 0.5 * bandwidth.length * LOG_2PI - FastMath.log(kernels.length / bandwidth.length);
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

  /** Log density at {@code x[off..off+d)}, over the evaluation kernels, by log-sum-exp. */
  public double logDensity(double[] x, int off) {
    int d = bandwidth.length;
    int m = kernels.length / d;
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

  /** Writes point i plus sqrt(T) h (.) z, with z at {@code z[zOff..)}, to {@code out[outOff..)}. */
  void transform(int i, double[] z, int zOff, double scale, double[] out, int outOff) {
    int d = bandwidth.length;
    for (int j = 0; j < d; j++) {
      out[outOff + j] = points.values()[i * d + j] + scale * bandwidth[j] * z[zOff + j];
    }
  }

  /** n draws: a training point picked by weight, plus N(0, T diag(h^2)). */
  public Batch sample(int n, double temperature, UniformRandomProvider rng) {
    int d = bandwidth.length;
    double scale = Math.sqrt(temperature);
    ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(rng);
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
        + "]";
  }

  /** Writes the points, weights, bandwidths, kernels and trace for a checkpoint. */
  void write(DataOutput out) throws IOException {
    out.writeInt(points.size());
    out.writeInt(points.width());
    StateIo.doubles(out, points.values());
    StateIo.doubles(out, cumulative);
    StateIo.doubles(out, bandwidth);
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
    double[] kernels = StateIo.doubles(in);
    double trace = in.readDouble();
    if (values == null || bandwidth == null || kernels == null || bandwidth.length == 0) {
      throw new IOException("corrupt checkpoint: a kernel density model without parameters");
    }
    try {
      return new KdeModel(new Batch(size, width, values), cumulative, bandwidth, kernels, trace);
    } catch (IllegalArgumentException e) {
      throw new IOException("corrupt checkpoint: kernel density model: " + e.getMessage());
    }
  }
}
