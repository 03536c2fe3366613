package ouroboros.agents.domain.kde;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.commons.rng.UniformRandomProvider;
import ouroboros.agents.data.Batch;
import ouroboros.agents.domain.EstimatorSettings;
import ouroboros.agents.domain.Evaluation;
import ouroboros.agents.domain.FitException;
import ouroboros.agents.domain.Metrics;
import ouroboros.agents.domain.Model;
import ouroboros.agents.domain.SamplingSettings;
import ouroboros.agents.domain.mixture.MixtureModel;
import ouroboros.agents.domain.mixture.MixtureTruth;
import ouroboros.agents.domain.mixture.MixtureTruthDomain;
import ouroboros.agents.domain.mixture.ModeMatching;

/**
 * The kernel-density domain: a Gaussian-mixture truth in d dimensions (the same truth and
 * evaluation material as the mixture domain, {@link MixtureTruth}), a KDE with a Gaussian or tophat
 * kernel as the model family ({@link KdeEstimator}, {@link KdeModel}), and a sampler that picks a
 * training point by weight and adds a kernel draw scaled by sqrt(T) at temperature T (N(0, T
 * diag(h^2)) for the Gaussian kernel). This is the non-parametric setting of Kazdan, Schaeffer et
 * al., "Collapse or Thrive? Perils and Promises of Synthetic Data in a Self-Generating World"
 * (2025), whose risk is the held-out negative log-likelihood.
 *
 * <p>Measures. {@code population-risk} and {@code risk-band}: the KDE's held-out NLL minus the
 * truth's, and its standard error, over the reference set; {@code nll}: the raw held-out NLL (what
 * Kazdan et al. plot). {@code diversity-ratio}: the trace of the KDE's covariance (weighted point
 * covariance plus diag(h^2)) over the truth's. {@code tail-mass-ratio} and {@code
 * hallucinated-mass}: from the fixed Monte Carlo sample, each uniform picking a training point and
 * each normal vector giving a kernel draw (h (.) z for the Gaussian). {@code modes-recovered}: from
 * each truth component's mean m_c, mean-shift hill-climbing on the KDE (at most {@value
 * #CLIMB_STEPS} steps, until a step is below {@value #CLIMB_TOLERANCE} bandwidths) reaches a local
 * maximum; maxima closer than {@value #SAME_MODE} bandwidths are one mode. Truth component c is
 * recovered when a distinct mode lies within one truth standard deviation of m_c (Mahalanobis under
 * S_c), each mode serving one component at most (a maximum matching, as in {@link ModeMatching}).
 * Where the truth itself has no separate maximum near a component (heavily overlapping components),
 * even a perfect KDE falls short of 1; use separated components.
 *
 * <p>Cost. Density evaluation (the risk and the climbs) uses at most the evaluation cap of kernels,
 * a subsample drawn when the model is fitted (see {@link KdeEstimator}), so one evaluation costs
 * O(reference size x min(n, cap) x d). By default the cap is above any training set, and the risk
 * is exact; a lower cap trades an upward bias of the NLL for speed. Sampling and the Monte Carlo
 * masses always use every point. The truth model ({@code initial: truth}) is a mixture; it is
 * sampled and evaluated as one.
 */
public final class KdeDomain extends MixtureTruthDomain {
  /** The registered family name. */
  public static final String FAMILY = "kde";

  /**
   * Kernels used for density evaluation when a scenario gives no cap: every kernel of any training
   * set that fits in memory, so the default evaluation is exact. A smaller cap evaluates on a
   * subsample, whose density is unbiased but whose log is not: Jensen's inequality biases the NLL
   * upward (issue 11 measured +0.013 nats at generation 88 of paired accumulate chains at a cap of
   * 1000, about 7% of the excess NLL).
   */
  public static final int DEFAULT_EVALUATION_CAP = 1_000_000;

  /** Most mean-shift steps per climb. */
  static final int CLIMB_STEPS = 200;

  /** A climb stops when its step is below this many bandwidths. */
  static final double CLIMB_TOLERANCE = 1e-4;

  /** Climb end points closer than this many bandwidths are the same mode. */
  static final double SAME_MODE = 0.5;

  private final int evaluationCap;
  private final Kernel kernel;
  private final BandwidthRule rule;

  /** A Gaussian-kernel domain with Silverman's rule, over a truth, with an evaluation cap. */
  public KdeDomain(MixtureTruth truth, int evaluationCap) {
    this(truth, evaluationCap, Kernel.GAUSSIAN, BandwidthRule.SILVERMAN);
  }

  /**
   * A domain over a truth and its evaluation material, with a cap on evaluation kernels, a kernel,
   * and the bandwidth rule used at each fit whose estimator settings fix no bandwidth.
   */
  public KdeDomain(MixtureTruth truth, int evaluationCap, Kernel kernel, BandwidthRule rule) {
    super(truth);
    this.kernel = Objects.requireNonNull(kernel, "kernel");
    this.rule = Objects.requireNonNull(rule, "rule");
    if (evaluationCap < 1) {
      throw new IllegalArgumentException(
          "evaluationCap is not strictly positive: " + evaluationCap);
    }
    this.evaluationCap = evaluationCap;
  }

  @Override
  public String family() {
    return FAMILY;
  }

  @Override
  public Model fit(Batch data, double[] weights, EstimatorSettings settings) throws FitException {
    if (data.width() != width()) {
      throw new FitException("data has width " + data.width() + ", expected " + width());
    }
    return KdeEstimator.fit(data, weights, settings.bandwidth(), rule, kernel, evaluationCap);
  }

  @Override
  public Batch sample(Model model, int n, SamplingSettings settings, UniformRandomProvider rng) {
    if (model instanceof MixtureModel m) {
      return m.sample(n, settings.temperature(), rng);
    }
    return ((KdeModel) model).sample(n, settings.temperature(), rng);
  }

  @Override
  public Evaluation evaluate(Model model) {
    if (model instanceof MixtureModel m) {
      return truth.evaluate(m);
    }
    KdeModel kde = (KdeModel) model;
    int d = width();
    TreeMap<String, Double> values = new TreeMap<>();
    Batch reference = truth.reference();
    double[] logDensity = new double[reference.size()];
    for (int i = 0; i < logDensity.length; i++) {
      logDensity[i] = kde.logDensity(reference.values(), i * d);
    }
    truth.putRisk(logDensity, values);
    values.put(Metrics.DIVERSITY_RATIO, kde.trace() / truth.model().trace());
    values.put(Metrics.MODES_RECOVERED, modesRecovered(kde));
    double[] sample = new double[MixtureTruth.MASS_SAMPLE * d];
    double[] z = new double[d];
    for (int i = 0; i < MixtureTruth.MASS_SAMPLE; i++) {
      for (int a = 0; a < d; a++) {
        z[a] = truth.normal(i, a);
      }
      kde.transform(kde.pick(truth.uniform(i)), z, 0, 1.0, sample, i * d);
    }
    truth.putMasses(sample, values);
    return Evaluation.owning(values);
  }

  /** The share of truth components with a distinct KDE mode within one truth sd. */
  private double modesRecovered(KdeModel kde) {
    MixtureModel t = truth.model();
    List<double[]> modes = new ArrayList<>();
    for (int c = 0; c < t.size(); c++) {
      double[] top = climb(kde, t.component(c).mean());
      boolean known = false;
      for (double[] m : modes) {
        known |= scaledDistance(kde, m, top) < SAME_MODE;
      }
      if (!known) {
        modes.add(top);
      }
    }
    boolean[][] edge = new boolean[t.size()][modes.size()];
    for (int c = 0; c < t.size(); c++) {
      for (int j = 0; j < modes.size(); j++) {
        edge[c][j] = t.component(c).mahalanobis2(modes.get(j), 0) <= ModeMatching.RADIUS2;
      }
    }
    return (double) ModeMatching.maximumMatching(edge) / t.size();
  }

  /** Mean-shift from a start point to a local maximum of the KDE. */
  private static double[] climb(KdeModel kde, double[] start) {
    double[] x = start.clone();
    double[] next = new double[x.length];
    for (int step = 0; step < CLIMB_STEPS; step++) {
      kde.meanShift(x, next);
      double moved = scaledDistance(kde, x, next);
      System.arraycopy(next, 0, x, 0, x.length);
      if (moved < CLIMB_TOLERANCE) {
        break;
      }
    }
    return x;
  }

  /** Euclidean distance in bandwidth units: sqrt(sum_j ((a_j - b_j) / h_j)^2). */
  private static double scaledDistance(KdeModel kde, double[] a, double[] b) {
    double s = 0;
    for (int j = 0; j < a.length; j++) {
      double t = (a[j] - b[j]) / kde.bandwidth(j);
      s += t * t;
    }
    return Math.sqrt(s);
  }

  @Override
  public void writeModel(Model model, java.io.DataOutput out) throws java.io.IOException {
    ((KdeModel) model).write(out);
  }

  @Override
  public Model readModel(java.io.DataInput in) throws java.io.IOException {
    return KdeModel.read(in);
  }
}
