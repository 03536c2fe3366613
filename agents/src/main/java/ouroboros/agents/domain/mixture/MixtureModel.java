package ouroboros.agents.domain.mixture;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;
import org.apache.commons.math3.util.FastMath;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import ouroboros.agents.data.Batch;
import ouroboros.agents.domain.FitException;
import ouroboros.agents.domain.Model;
import ouroboros.agents.rng.Normals;
import ouroboros.agents.state.StateIo;

/**
 * A Gaussian mixture sum_j w_j N(mean_j, covariance_j) in d dimensions: the truth of the mixture
 * and kernel-density domains, and the model family of the mixture domain. Sampling is this class's
 * own code (pick a component by inverse CDF on the weights, then mean + sqrt(T) L z with Commons
 * RNG's ziggurat normals) and uses only the provider passed in, never a Commons Math distribution's
 * own generator. Immutable.
 */
public final class MixtureModel implements Model {
  private final double[] weights;
  private final double[] logWeights;
  private final double[] cumulative;
  private final Component[] components;

  private MixtureModel(double[] weights, Component[] components) {
    this.weights = weights;
    this.components = components;
    this.logWeights = new double[weights.length];
    this.cumulative = new double[weights.length];
    double c = 0;
    for (int j = 0; j < weights.length; j++) {
      logWeights[j] = StrictMath.log(weights[j]);
      c += weights[j];
      cumulative[j] = c;
    }
    cumulative[weights.length - 1] = 1.0;
  }

  /**
   * The convex combination w a + (1 - w) b, component by component in their order (weights, means
   * and covariances): meaningful when b's components are a's, as after an EM warm start.
   *
   * @throws FitException when the numbers of components or the dimensions differ
   */
  public static MixtureModel convex(MixtureModel a, double w, MixtureModel b) throws FitException {
    int k = a.size();
    if (b.size() != k || b.dimension() != a.dimension()) {
      throw new FitException(
          "cannot combine mixtures of " + k + " and " + b.size() + " components");
    }
    int d = a.dimension();
    double[] weights = new double[k];
    Component[] parts = new Component[k];
    for (int j = 0; j < k; j++) {
      weights[j] = w * a.weight(j) + (1 - w) * b.weight(j);
      double[] mean = new double[d];
      double[][] cov = new double[d][d];
      for (int x = 0; x < d; x++) {
        mean[x] = w * a.component(j).mean(x) + (1 - w) * b.component(j).mean(x);
        for (int y = 0; y < d; y++) {
          cov[x][y] =
              w * a.component(j).covariance(x, y) + (1 - w) * b.component(j).covariance(x, y);
        }
      }
      parts[j] = Component.of(mean, cov);
    }
    return of(weights, parts);
  }

  /**
   * A mixture with the given weights (normalised to sum to 1) and components.
   *
   * @throws FitException when there are no components, a weight is negative or not finite, the
   *     weights sum to 0, or the components' dimensions differ
   */
  public static MixtureModel of(double[] weights, Component[] components) throws FitException {
    Objects.requireNonNull(weights, "weights");
    Objects.requireNonNull(components, "components");
    if (components.length == 0 || weights.length != components.length) {
      throw new FitException(weights.length + " weights for " + components.length + " components");
    }
    double sum = 0;
    for (double w : weights) {
      if (!(w >= 0) || Double.isInfinite(w)) {
        throw new FitException("weight is not a finite non-negative number: " + w);
      }
      sum += w;
    }
    if (!(sum > 0)) {
      throw new FitException("weights do not sum to a positive number: " + sum);
    }
    double[] normalised = new double[weights.length];
    for (int j = 0; j < weights.length; j++) {
      normalised[j] = weights[j] / sum;
      if (components[j].dimension() != components[0].dimension()) {
        throw new FitException("components have different dimensions");
      }
    }
    return new MixtureModel(normalised, components.clone());
  }

  /** Number of components k. */
  public int size() {
    return components.length;
  }

  /** Dimension d. */
  public int dimension() {
    return components[0].dimension();
  }

  /** Weight of component j. */
  public double weight(int j) {
    return weights[j];
  }

  /** Component j. */
  public Component component(int j) {
    return components[j];
  }

  /** Log density of the mixture at {@code x[off..off+d)}, by log-sum-exp (never underflows). */
  public double logDensity(double[] x, int off) {
    double max = Double.NEGATIVE_INFINITY;
    double[] terms = new double[components.length];
    for (int j = 0; j < components.length; j++) {
      terms[j] = logWeights[j] + components[j].logDensity(x, off);
      max = Math.max(max, terms[j]);
    }
    if (max == Double.NEGATIVE_INFINITY) {
      return max;
    }
    double s = 0;
    for (double t : terms) {
      s += FastMath.exp(t - max);
    }
    return max + FastMath.log(s);
  }

  /** The component with the highest responsibility for the point {@code x[off..off+d)}. */
  public int mostResponsible(double[] x, int off) {
    int best = 0;
    double bestValue = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < components.length; j++) {
      double v = logWeights[j] + components[j].logDensity(x, off);
      if (v > bestValue) {
        bestValue = v;
        best = j;
      }
    }
    return best;
  }

  /**
   * Trace of the mixture's overall covariance: sum_j w_j (tr S_j + |m_j|^2) - |sum_j w_j m_j|^2.
   */
  public double trace() {
    int d = dimension();
    double t = 0;
    double[] mean = new double[d];
    for (int j = 0; j < components.length; j++) {
      t += weights[j] * components[j].trace();
      for (int a = 0; a < d; a++) {
        double m = components[j].mean(a);
        t += weights[j] * m * m;
        mean[a] += weights[j] * m;
      }
    }
    for (double m : mean) {
      t -= m * m;
    }
    return t;
  }

  /** The component whose cumulative-weight interval holds u in [0, 1). */
  public int pick(double u) {
    for (int j = 0; j < cumulative.length - 1; j++) {
      if (u < cumulative[j]) {
        return j;
      }
    }
    return cumulative.length - 1;
  }

  /** Writes the point of component j at z (standard normal) and temperature 1 to out. */
  void transform(int j, double[] z, int zOff, double[] out, int outOff) {
    components[j].transform(z, zOff, 1.0, out, outOff);
  }

  /** n draws; temperature T scales every covariance (not the weights). */
  public Batch sample(int n, double temperature, UniformRandomProvider rng) {
    return draw(-1, n, temperature, rng);
  }

  /** n draws from component j alone, at temperature 1. */
  public Batch sampleComponent(int j, int n, UniformRandomProvider rng) {
    if (j < 0 || j >= components.length) {
      throw new IllegalArgumentException("community is out of range: " + j);
    }
    return draw(j, n, 1.0, rng);
  }

  /** n draws from component {@code only}, or from the mixture when it is negative. */
  private Batch draw(int only, int n, double temperature, UniformRandomProvider rng) {
    int d = dimension();
    double scale = Math.sqrt(temperature);
    ZigguratSampler.NormalizedGaussian normal = Normals.of(rng);
    double[] out = new double[n * d];
    double[] z = new double[d];
    for (int i = 0; i < n; i++) {
      int j = only >= 0 ? only : pick(rng.nextDouble());
      for (int a = 0; a < d; a++) {
        z[a] = normal.sample();
      }
      components[j].transform(z, 0, scale, out, i * d);
    }
    return new Batch(n, d, out);
  }

  @Override
  public String toString() {
    return "MixtureModel[weights="
        + Arrays.toString(weights)
        + ", components="
        + Arrays.toString(components)
        + "]";
  }

  /** Writes the weights and components for a checkpoint. */
  public void write(DataOutput out) throws IOException {
    StateIo.doubles(out, weights);
    for (Component c : components) {
      c.write(out);
    }
  }

  /** Reads what {@link #write} wrote, without normalising again: the same model, bit for bit. */
  public static MixtureModel read(DataInput in) throws IOException {
    double[] w = StateIo.doubles(in);
    if (w == null || w.length == 0) {
      throw new IOException("corrupt checkpoint: a mixture model without weights");
    }
    Component[] c = new Component[w.length];
    for (int j = 0; j < c.length; j++) {
      c[j] = Component.read(in);
    }
    return new MixtureModel(w, c);
  }
}
