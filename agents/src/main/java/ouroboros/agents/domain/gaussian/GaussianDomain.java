package ouroboros.agents.domain.gaussian;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import ouroboros.agents.data.Batch;
import ouroboros.agents.domain.Domain;
import ouroboros.agents.domain.EstimatorSettings;
import ouroboros.agents.domain.Evaluation;
import ouroboros.agents.domain.FitException;
import ouroboros.agents.domain.Metrics;
import ouroboros.agents.domain.Model;
import ouroboros.agents.domain.SamplingSettings;
import ouroboros.agents.domain.VarianceEstimator;

/**
 * The Gaussian domain in d dimensions: truth N(mu, Sigma), a Gaussian family fitted by maximum
 * likelihood (or with the unbiased covariance), temperature that scales the covariance, and
 * closed-form evaluation against the truth. This is the setting of Shumailov et al., "AI models
 * collapse when trained on recursively generated data", Nature 2024.
 *
 * <p>Metrics: {@code population-risk} is KL(truth || model) =
 * 1/2 [tr(S_m^-1 S_t) + (m_m - m_t)' S_m^-1 (m_m - m_t) - d + ln det S_m - ln det S_t], in nats;
 * {@code mean-sq-error} is ||m_m - m_t||^2; {@code variance-ratio} is tr(S_m) / tr(S_t).
 */
public final class GaussianDomain implements Domain {
  /** The registered family name. */
  public static final String FAMILY = "gaussian";

  private final GaussianModel truth;

  /** A Gaussian domain with the given truth. */
  public GaussianDomain(GaussianModel truth) {
    this.truth = Objects.requireNonNull(truth, "truth");
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
    int d = width();
    int n = data.size();
    if (data.width() != d) {
      throw new FitException("data has width " + data.width() + ", expected " + d);
    }
    int minimum = settings.variance() == VarianceEstimator.UNBIASED ? 2 : 1;
    if (n < minimum) {
      throw new FitException("too few items to fit: " + n);
    }
    double[] w = weights != null ? weights : ones(n);
    double sw = 0;
    double sw2 = 0;
    double[] mean = new double[d];
    double[] x = data.values();
    for (int i = 0; i < n; i++) {
      sw += w[i];
      sw2 += w[i] * w[i];
      for (int j = 0; j < d; j++) {
        mean[j] += w[i] * x[i * d + j];
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
      for (int a = 0; a < d; a++) {
        double da = x[i * d + a] - mean[a];
        for (int b = 0; b <= a; b++) {
          cov[a][b] += w[i] * da * (x[i * d + b] - mean[b]);
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

  @Override
  public Batch sample(Model model, int n, SamplingSettings settings, UniformRandomProvider rng) {
    return draw((GaussianModel) model, n, settings.temperature(), rng);
  }

  @Override
  public Evaluation evaluate(Model model) {
    GaussianModel m = (GaussianModel) model;
    int d = width();
    RealVector diff = new ArrayRealVector(d);
    double sq = 0;
    for (int i = 0; i < d; i++) {
      double e = m.meanAt(i) - truth.meanAt(i);
      diff.setEntry(i, e);
      sq += e * e;
    }
    double[][] st = new double[d][d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        st[i][j] = truth.covariance(i, j);
      }
    }
    double traceTerm = m.inverse().multiply(new Array2DRowRealMatrix(st, false)).getTrace();
    double quad = diff.dotProduct(m.inverse().operate(diff));
    double kl = 0.5 * (traceTerm + quad - d + m.logDet() - truth.logDet());
    Map<String, Double> values = new TreeMap<>();
    values.put(Metrics.POPULATION_RISK, kl);
    values.put(Metrics.MEAN_SQ_ERROR, sq);
    values.put(Metrics.VARIANCE_RATIO, m.trace() / truth.trace());
    return new Evaluation(new TreeMap<>(values));
  }

  /** n draws of mean + sqrt(temperature) L z with z standard normal. */
  private static Batch draw(GaussianModel m, int n, double temperature, UniformRandomProvider rng) {
    int d = m.dimension();
    double scale = Math.sqrt(temperature);
    ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(rng);
    double[] out = new double[n * d];
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
    return new Batch(n, d, out);
  }

  /** An array of n ones. */
  private static double[] ones(int n) {
    double[] w = new double[n];
    java.util.Arrays.fill(w, 1.0);
    return w;
  }
}
