package ouroboros.agents.domain.mixture;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import ouroboros.agents.data.Batch;
import ouroboros.agents.domain.Evaluation;
import ouroboros.agents.domain.Metrics;

/**
 * A Gaussian-mixture truth with everything its domains evaluate against, drawn once when the domain
 * is built so that evaluation is deterministic and takes no RNG. Shared by the mixture and
 * kernel-density domains.
 *
 * <ul>
 *   <li>A held-out human reference set of N draws, and the truth's log density on each. {@code
 *       population-risk} is the mean over it of log p_truth(x) - log p_model(x), the model's
 *       held-out negative log-likelihood minus the truth's own (nats per item; in expectation
 *       KL(truth || model), as in Kazdan et al. 2025, "Collapse or Thrive?"); {@code risk-band} is
 *       the standard error of that mean, the sd of the per-item differences over sqrt(N); {@code
 *       nll} is the model's raw held-out NLL, -mean log p_model(x).
 *   <li>The truth's tail levels: the 1% and 0.1% quantiles of log p_truth(X), X ~ truth, estimated
 *       on {@value #QUANTILE_SAMPLE} truth draws. The tail region is where the truth density is
 *       below the 1% level (truth mass 0.01, up to a relative error of sqrt(0.99/(0.01 * {@value
 *       #QUANTILE_SAMPLE})) = 2.2%); the "almost none" region is below the 0.1% level (mass 0.001,
 *       relative error 7%).
 *   <li>A fixed Monte Carlo sample of {@value #MASS_SAMPLE} uniforms and standard-normal vectors. A
 *       model's masses are estimated by transforming them through the model (pick a component or
 *       kernel with the uniform, then mean + L z), with common random numbers across generations.
 *       {@code tail-mass-ratio} is the model's mass in the tail region over 0.01 (its standard
 *       error is sqrt(p(1-p)/{@value #MASS_SAMPLE})/0.01, 0.07 when the model matches the truth);
 *       {@code hallucinated-mass} is the mass in the "almost none" region (standard error 0.0002 at
 *       the truth's 0.001).
 * </ul>
 *
 * <p>Masses are of the fitted parameters at temperature 1, as in the Gaussian domain.
 */
public final class MixtureTruth {
  /** Held-out reference items when a scenario gives no size. */
  public static final int DEFAULT_REFERENCE_SIZE = 2000;

  /** Truth draws used to estimate the tail levels. */
  public static final int QUANTILE_SAMPLE = 200_000;

  /** Monte Carlo draws for a model's masses. */
  public static final int MASS_SAMPLE = 20_000;

  /** The tail region's truth mass. */
  public static final double TAIL = 0.01;

  /** The "almost none" region's truth mass. */
  public static final double ALMOST_NONE = 0.001;

  private final MixtureModel model;
  private final Batch reference;
  private final double[] referenceLogDensity;
  private final double tailLevel;
  private final double noneLevel;
  private final double[] uniforms;
  private final double[] normals;

  /**
   * Draws the reference set from {@code referenceRng} and the quantile and Monte Carlo samples from
   * {@code evaluationRng}.
   */
  public MixtureTruth(
      MixtureModel model,
      int referenceSize,
      UniformRandomProvider referenceRng,
      UniformRandomProvider evaluationRng) {
    this.model = Objects.requireNonNull(model, "model");
    if (referenceSize < 2) {
      throw new IllegalArgumentException("referenceSize is below 2: " + referenceSize);
    }
    int d = model.dimension();
    this.reference = model.sample(referenceSize, 1.0, referenceRng);
    this.referenceLogDensity = new double[referenceSize];
    for (int i = 0; i < referenceSize; i++) {
      referenceLogDensity[i] = model.logDensity(reference.values(), i * d);
    }
    Batch q = model.sample(QUANTILE_SAMPLE, 1.0, evaluationRng);
    double[] levels = new double[QUANTILE_SAMPLE];
    for (int i = 0; i < QUANTILE_SAMPLE; i++) {
      levels[i] = model.logDensity(q.values(), i * d);
    }
    Arrays.sort(levels);
    this.tailLevel = levels[(int) (TAIL * QUANTILE_SAMPLE)];
    this.noneLevel = levels[(int) (ALMOST_NONE * QUANTILE_SAMPLE)];
    this.uniforms = new double[MASS_SAMPLE];
    this.normals = new double[MASS_SAMPLE * d];
    ZigguratSampler.NormalizedGaussian normal =
        ZigguratSampler.NormalizedGaussian.of(evaluationRng);
    for (int i = 0; i < MASS_SAMPLE; i++) {
      uniforms[i] = evaluationRng.nextDouble();
      for (int a = 0; a < d; a++) {
        normals[i * d + a] = normal.sample();
      }
    }
  }

  /** The truth. */
  public MixtureModel model() {
    return model;
  }

  /** The held-out human reference set. */
  public Batch reference() {
    return reference;
  }

  /** The i-th fixed uniform of the Monte Carlo sample. */
  public double uniform(int i) {
    return uniforms[i];
  }

  /** The fixed standard-normal vectors, {@value #MASS_SAMPLE} rows of d. Do not write to it. */
  double[] normals() {
    return normals;
  }

  /** Entry a of the i-th fixed standard-normal vector of the Monte Carlo sample. */
  public double normal(int i, int a) {
    return normals[i * model.dimension() + a];
  }

  /**
   * Puts {@code population-risk}, {@code risk-band} and {@code nll}, given the model's log density
   * at each reference item. A model with zero density at some item gets infinite risk and NLL.
   */
  public void putRisk(double[] modelLogDensity, Map<String, Double> out) {
    int n = referenceLogDensity.length;
    double sum = 0;
    double sum2 = 0;
    double nll = 0;
    for (int i = 0; i < n; i++) {
      nll -= modelLogDensity[i];
      double diff = referenceLogDensity[i] - modelLogDensity[i];
      sum += diff;
      sum2 += diff * diff;
    }
    double mean = sum / n;
    double var = Math.max(0, (sum2 - n * mean * mean) / (n - 1));
    out.put(Metrics.POPULATION_RISK, mean);
    out.put(Metrics.NLL, nll / n);
    out.put(Metrics.RISK_BAND, Double.isFinite(mean) ? Math.sqrt(var / n) : Double.NaN);
  }

  /**
   * Puts {@code tail-mass-ratio} and {@code hallucinated-mass}, given the model's Monte Carlo
   * sample ({@value #MASS_SAMPLE} points of d values, built from the fixed draws).
   */
  public void putMasses(double[] modelSample, Map<String, Double> out) {
    int d = model.dimension();
    int n = modelSample.length / d;
    int tail = 0;
    int none = 0;
    for (int i = 0; i < n; i++) {
      double level = model.logDensity(modelSample, i * d);
      if (level < tailLevel) {
        tail++;
        if (level < noneLevel) {
          none++;
        }
      }
    }
    out.put(Metrics.TAIL_MASS_RATIO, (double) tail / n / TAIL);
    out.put(Metrics.HALLUCINATED_MASS, (double) none / n);
  }

  /**
   * A mixture model's measures: risk and band, {@code diversity-ratio} = tr(model overall
   * covariance) / tr(truth overall covariance), {@code modes-recovered} as in {@link ModeMatching},
   * and the two masses.
   */
  public Evaluation evaluate(MixtureModel m) {
    int d = model.dimension();
    TreeMap<String, Double> values = new TreeMap<>();
    double[] logDensity = new double[reference.size()];
    for (int i = 0; i < logDensity.length; i++) {
      logDensity[i] = m.logDensity(reference.values(), i * d);
    }
    putRisk(logDensity, values);
    values.put(Metrics.DIVERSITY_RATIO, m.trace() / model.trace());
    values.put(Metrics.MODES_RECOVERED, ModeMatching.recovered(model, m));
    double[] sample = new double[MASS_SAMPLE * d];
    for (int i = 0; i < MASS_SAMPLE; i++) {
      m.transform(m.pick(uniforms[i]), normals, i * d, sample, i * d);
    }
    putMasses(sample, values);
    return Evaluation.owning(values);
  }
}
