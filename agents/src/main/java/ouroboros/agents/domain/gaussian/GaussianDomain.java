package ouroboros.agents.domain.gaussian;

import java.util.Objects;
import java.util.TreeMap;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import ouroboros.agents.data.Batch;
import ouroboros.agents.domain.Baseline;
import ouroboros.agents.domain.DensityL2;
import ouroboros.agents.domain.Domain;
import ouroboros.agents.domain.EstimatorSettings;
import ouroboros.agents.domain.Evaluation;
import ouroboros.agents.domain.FitException;
import ouroboros.agents.domain.Metrics;
import ouroboros.agents.domain.Model;
import ouroboros.agents.domain.SamplingSettings;
import ouroboros.agents.domain.VarianceEstimator;
import ouroboros.agents.rng.Normals;

/**
 * The Gaussian domain in d dimensions: truth N(mu, Sigma), a Gaussian family fitted by maximum
 * likelihood (or with the unbiased covariance), temperature that scales the covariance, and
 * closed-form evaluation against the truth. This is the setting of Shumailov et al., "AI models
 * collapse when trained on recursively generated data", Nature 2024.
 *
 * <p>Measures: {@code population-risk} is KL(truth || model) = 1/2 [tr(S_m^-1 S_t) + (m_m - m_t)'
 * S_m^-1 (m_m - m_t) - d + ln det S_m - ln det S_t], in nats, a closed form, so {@code risk-band}
 * is 0; {@code mean-sq-error} is ||m_m - m_t||^2; {@code variance-ratio} and {@code
 * diversity-ratio} are tr(S_m) / tr(S_t). The truth's tail region is its outer 1%: squared
 * Mahalanobis distance (under the truth) above the chi-square(d) 0.99 quantile; {@code
 * tail-mass-ratio} is the model's mass there over 0.01. Its "almost none" region is beyond the
 * 0.999 quantile; {@code hallucinated-mass} is the model's mass there (the truth's own is 0.001).
 * In one dimension both masses are closed forms; in d dimensions they are estimated on a fixed
 * sample of {@value #MASS_SAMPLE} standard-normal draws made when the domain is built (standard
 * error at most 0.5/sqrt({@value #MASS_SAMPLE}) = 0.0035), so evaluation is deterministic. Masses
 * are of the fitted parameters, at temperature 1.
 */
public final class GaussianDomain implements Domain {
  /** The registered family name. */
  public static final String FAMILY = "gaussian";

  /** Standard-normal draws per dimension for mass estimates in d > 1. */
  static final int MASS_SAMPLE = 20_000;

  private final GaussianModel truth;
  private final double tailRadius2;
  private final double almostNoneRadius2;
  private final double[] normals;

  /** The truth's own evaluation, which every model that starts as the truth reports. */
  private final Evaluation truthEvaluation;

  /** A Gaussian domain with the given truth; {@code rng} draws its fixed evaluation sample. */
  public GaussianDomain(GaussianModel truth, UniformRandomProvider rng) {
    this.truth = Objects.requireNonNull(truth, "truth");
    int d = truth.dimension();
    ChiSquaredDistribution chi2 = new ChiSquaredDistribution(null, d);
    this.tailRadius2 = chi2.inverseCumulativeProbability(0.99);
    this.almostNoneRadius2 = chi2.inverseCumulativeProbability(0.999);
    this.normals = d == 1 ? new double[0] : draw(identity(d), MASS_SAMPLE, 1.0, rng).values();
    this.truthEvaluation = Evaluation.owning(measures(truth));
  }

  /** A Gaussian domain whose evaluation sample comes from a fixed seed; for tests. */
  public GaussianDomain(GaussianModel truth) {
    this(truth, org.apache.commons.rng.simple.RandomSource.L64_X128_MIX.create(1L));
  }

  @Override
  public String family() {
    return FAMILY;
  }

  @Override
  public int width() {
    return truth.dimension();
  }

  @Override
  public Batch sampleTruth(int n, UniformRandomProvider rng) {
    return draw(truth, n, 1.0, rng);
  }

  @Override
  public Model truthModel() {
    return truth;
  }

  @Override
  public Model fit(Batch data, double[] weights, EstimatorSettings settings) throws FitException {
    if (data.width() != width()) {
      throw new FitException("data has width " + data.width() + ", expected " + width());
    }
    return fit(data.values(), data.size(), weights, settings);
  }

  /** The convex combination w a + (1 - w) b of two Gaussians ({@link GaussianModel#convex}). */
  @Override
  public Model combine(Model a, double w, Model b) throws FitException {
    return GaussianModel.convex((GaussianModel) a, w, (GaussianModel) b);
  }

  /**
   * The fit of the first n items of x (n * d values). Equal weights (null) take the same sums as
   * weights of 1, without the multiplications by 1, which are exact: the results are the same.
   */
  private GaussianModel fit(double[] x, int n, double[] w, EstimatorSettings settings)
      throws FitException {
    int d = width();
    int minimum = settings.variance() == VarianceEstimator.UNBIASED ? 2 : 1;
    if (n < minimum) {
      throw new FitException("too few items to fit: " + n);
    }
    if (w == null && d == 1) {
      double m = 0;
      for (int i = 0; i < n; i++) {
        m += x[i];
      }
      return Gaussian1.fitUnweighted(x, n, m, settings);
    }
    double sw = 0;
    double sw2 = 0;
    double[] mean = new double[d];
    if (w == null) {
      sw = n; // n additions of 1.0, which are exact
      sw2 = n;
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < d; j++) {
          mean[j] += x[i * d + j];
        }
      }
    } else {
      for (int i = 0; i < n; i++) {
        sw += w[i];
        sw2 += w[i] * w[i];
        for (int j = 0; j < d; j++) {
          mean[j] += w[i] * x[i * d + j];
        }
      }
    }
    if (!(sw > 0)) {
      throw new FitException("weights do not sum to a positive number: " + sw);
    }
    for (int j = 0; j < d; j++) {
      mean[j] /= sw;
    }
    double[][] cov = new double[d][d];
    for (int i = 0; i < n; i++) {
      double wi = w == null ? 1.0 : w[i];
      for (int a = 0; a < d; a++) {
        double da = x[i * d + a] - mean[a];
        for (int b = 0; b <= a; b++) {
          cov[a][b] += wi * da * (x[i * d + b] - mean[b]);
        }
      }
    }
    // MLE divides by the total weight; the unbiased estimator by the reliability-weight
    // correction sum(w) - sum(w^2)/sum(w), which is n-1 for equal weights.
    double denominator = settings.variance() == VarianceEstimator.MLE ? sw : sw - sw2 / sw;
    if (!(denominator > 0)) {
      throw new FitException("too few effective items for the unbiased variance");
    }
    for (int a = 0; a < d; a++) {
      for (int b = 0; b <= a; b++) {
        cov[a][b] /= denominator;
        cov[b][a] = cov[a][b];
      }
    }
    return GaussianModel.of(mean, cov);
  }

  /**
   * Definition 4's baseline from the sufficient statistics (count, mean, co-moments) of one growing
   * fresh sample: {@link GaussianBaseline}.
   */
  @Override
  public Baseline baseline(EstimatorSettings settings) {
    return new GaussianBaseline(this, truth, settings.variance());
  }

  @Override
  public Batch sample(Model model, int n, SamplingSettings settings, UniformRandomProvider rng) {
    return draw((GaussianModel) model, n, settings.temperature(), rng);
  }

  @Override
  public Evaluation evaluate(Model model) {
    if (model == truth) {
      return truthEvaluation;
    }
    return Evaluation.owning(measures((GaussianModel) model));
  }

  /**
   * The measures of {@link #evaluate(Model)} and {@code l2-to-first-fit} in one map, computed in
   * the same order as the default (the measures, then the distance), without copying the map to add
   * the distance.
   */
  @Override
  public Evaluation evaluate(Model model, Model firstFit) {
    TreeMap<String, Double> values = measures((GaussianModel) model);
    double l2 = squaredL2(firstFit, model);
    if (!Double.isNaN(l2)) {
      values.put(Metrics.L2_TO_FIRST_FIT, l2);
    }
    return Evaluation.owning(values);
  }

  /** {@link #evaluate(Model)}'s measures, in a map of their own. */
  private TreeMap<String, Double> measures(GaussianModel m) {
    int d = width();
    double sq = 0;
    for (int i = 0; i < d; i++) {
      double e = m.meanAt(i) - truth.meanAt(i);
      sq += e * e;
    }
    TreeMap<String, Double> values = new TreeMap<>();
    values.put(Metrics.POPULATION_RISK, risk(m));
    values.put(Metrics.MEAN_SQ_ERROR, sq);
    values.put(Metrics.VARIANCE_RATIO, m.trace() / truth.trace());
    values.put(Metrics.LOG_DET_RATIO, m.logDet() - truth.logDet());
    values.put(Metrics.DIVERSITY_RATIO, m.trace() / truth.trace());
    values.put(Metrics.RISK_BAND, 0.0);
    values.put(Metrics.TAIL_MASS_RATIO, massBeyond(m, tailRadius2) / 0.01);
    values.put(Metrics.HALLUCINATED_MASS, massBeyond(m, almostNoneRadius2));
    return values;
  }

  /** KL(truth || model), in nats. */
  double risk(GaussianModel m) {
    int d = width();
    if (d == 1) {
      return Gaussian1.risk(truth, m);
    }
    RealVector diff = new ArrayRealVector(d);
    for (int i = 0; i < d; i++) {
      diff.setEntry(i, m.meanAt(i) - truth.meanAt(i));
    }
    double[][] st = new double[d][d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        st[i][j] = truth.covariance(i, j);
      }
    }
    double traceTerm = m.inverse().multiply(new Array2DRowRealMatrix(st, false)).getTrace();
    double quad = diff.dotProduct(m.inverse().operate(diff));
    return 0.5 * (traceTerm + quad - d + m.logDet() - truth.logDet());
  }

  /** The model's mass where the truth's squared Mahalanobis distance exceeds r2. */
  private double massBeyond(GaussianModel m, double r2) {
    int d = width();
    if (d == 1) {
      return Gaussian1.massBeyond(truth, m, r2);
    }
    RealVector x = new ArrayRealVector(d);
    int beyond = 0;
    int n = normals.length / d;
    for (int i = 0; i < n; i++) {
      for (int a = 0; a < d; a++) {
        double s = 0;
        for (int b = 0; b <= a; b++) {
          s += m.lower(a, b) * normals[i * d + b];
        }
        x.setEntry(a, m.meanAt(a) + s - truth.meanAt(a));
      }
      if (x.dotProduct(truth.inverse().operate(x)) > r2) {
        beyond++;
      }
    }
    return (double) beyond / n;
  }

  /** N(0, I) in d dimensions. */
  private static GaussianModel identity(int d) {
    double[][] id = new double[d][d];
    for (int i = 0; i < d; i++) {
      id[i][i] = 1;
    }
    try {
      return GaussianModel.of(new double[d], id);
    } catch (FitException e) {
      throw new IllegalStateException(e);
    }
  }

  /** n draws of mean + sqrt(temperature) L z with z standard normal. */
  private static Batch draw(GaussianModel m, int n, double temperature, UniformRandomProvider rng) {
    double[] out = new double[n * m.dimension()];
    drawInto(m, n, temperature, rng, out);
    return new Batch(n, m.dimension(), out);
  }

  /** {@link #draw} into the first n * d values of {@code out}. */
  static void drawInto(
      GaussianModel m, int n, double temperature, UniformRandomProvider rng, double[] out) {
    int d = m.dimension();
    double scale = Math.sqrt(temperature);
    ZigguratSampler.NormalizedGaussian normal = Normals.of(rng);
    if (d == 1) {
      double l = m.lower(0, 0);
      double mu = m.meanAt(0);
      for (int i = 0; i < n; i++) {
        double s = 0;
        s += l * normal.sample();
        out[i] = mu + scale * s;
      }
      return;
    }
    double[] z = new double[d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        z[j] = normal.sample();
      }
      for (int a = 0; a < d; a++) {
        double s = 0;
        for (int b = 0; b <= a; b++) {
          s += m.lower(a, b) * z[b];
        }
        out[i * d + a] = m.meanAt(a) + scale * s;
      }
    }
  }

  /** The truth's log density at item {@code i}. */
  @Override
  public double truthScore(Batch batch, int i) {
    int d = truth.dimension();
    double[] x = batch.values();
    double quad = 0;
    var inv = truth.inverse();
    for (int a = 0; a < d; a++) {
      double da = x[i * d + a] - truth.meanAt(a);
      for (int b = 0; b < d; b++) {
        quad += da * inv.getEntry(a, b) * (x[i * d + b] - truth.meanAt(b));
      }
    }
    return -0.5 * (quad + truth.logDet() + d * Math.log(2 * Math.PI));
  }

  /**
   * The squared L2 distance between two Gaussians' densities ({@link DensityL2}, a mixture of one):
   * N(0; 0, 2 S_a) + N(0; 0, 2 S_b) - 2 N(m_a - m_b; 0, S_a + S_b).
   */
  @Override
  public double squaredL2(Model a, Model b) {
    GaussianModel p = (GaussianModel) a;
    GaussianModel q = (GaussianModel) b;
    if (p.dimension() == 1 && q.dimension() == 1) {
      return DensityL2.squared1(p.meanAt(0), p.covariance(0, 0), q.meanAt(0), q.covariance(0, 0));
    }
    double[] one = {1.0};
    return DensityL2.squared(
        one,
        new double[][] {p.mean()},
        new double[][][] {covariance(p)},
        one,
        new double[][] {q.mean()},
        new double[][][] {covariance(q)});
  }

  /** The model's covariance as a matrix. */
  private static double[][] covariance(GaussianModel m) {
    int d = m.dimension();
    double[][] c = new double[d][d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        c[i][j] = m.covariance(i, j);
      }
    }
    return c;
  }

  @Override
  public void writeModel(Model model, java.io.DataOutput out) throws java.io.IOException {
    ((GaussianModel) model).write(out);
  }

  @Override
  public Model readModel(java.io.DataInput in) throws java.io.IOException {
    return GaussianModel.read(in);
  }
}
