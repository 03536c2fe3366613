package ouroboros.agents.domain.glm;

import java.util.Objects;
import java.util.TreeMap;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
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
import ouroboros.agents.rng.Normals;

/**
 * A generalised linear model with a random design: the logistic and Poisson regressions of He, Xu
 * and Cheng, "Golden Ratio Weighting Prevents Model Collapse" (2025; the authors' code,
 * MukaiCodes/Model_Collapse_Codes, Scenario2/Frameworks/D_Fresh_Data.py, Logistic and Poisson). An
 * item is [x_1..x_p, y] with x ~ N(0, I_p) drawn afresh for every item, and y drawn given eta = x.b
 * from the family ({@link GlmFamily}); the truth has coefficients b*, and a model with coefficients
 * b publishes the same way, with its own b (new x as well as new labels, as the authors' synthetic
 * data). Unlike {@code linear-regression} there is no fixed design.
 *
 * <p>Estimator: the weighted maximum-likelihood fit without intercept or penalty ({@link GlmFit}),
 * so that the {@code weighting} stage's per-item weights give the authors' weighted fit.
 *
 * <p>Measures, all closed forms or quadratures (so {@code risk-band} is 0): {@code population-risk}
 * is ||b - b*||^2, the authors' error; {@code diversity-ratio} is the mean conditional variance of
 * a label, E_x Var(y | x), the model's over the truth's: for eta ~ N(0, ||b||^2), E[mu(1 - mu)]
 * (logistic; a sharper model is less diverse) or E[e^eta] = e^(||b||^2/2) (Poisson), by 64-point
 * Gauss-Hermite quadrature. Modes, tails and hallucinated mass (definitions 6, 7, 8) do not apply.
 */
public final class GlmDomain implements Domain {
  /** The registered family name. */
  public static final String FAMILY = "glm";

  /** Gauss-Hermite points for the diversity ratio's one-dimensional integral. */
  private static final GaussIntegrator HERMITE = new GaussIntegratorFactory().hermite(64);

  /**
   * The largest ||b|| whose logistic spread Gauss-Hermite gives (within 5e-9 of adaptive
   * quadrature); beyond it, {@link #logisticSpread}.
   */
  private static final double HERMITE_UP_TO = 2;

  /** 8-point Gauss-Legendre on [-1, 1], for {@link #logisticSpread}. */
  private static final GaussIntegrator LEGENDRE = new GaussIntegratorFactory().legendre(8, -1, 1);

  private final GlmFamily family;
  private final GlmModel truth;
  private final int dimension;
  private final double truthSpread;

  /**
   * A domain with the given family and true coefficients.
   *
   * @param family the response family
   * @param truth b*, with p coefficients
   */
  public GlmDomain(GlmFamily family, GlmModel truth) {
    this.family = Objects.requireNonNull(family, "family");
    this.truth = Objects.requireNonNull(truth, "truth");
    this.dimension = truth.dimension();
    this.truthSpread = conditionalVariance(truth);
  }

  @Override
  public String family() {
    return FAMILY;
  }

  @Override
  public String diversityRatioName() {
    return "label variance ratio";
  }

  @Override
  public int width() {
    return dimension + 1;
  }

  /** The response family. */
  public GlmFamily responseFamily() {
    return family;
  }

  /** The dimension p. */
  public int dimension() {
    return dimension;
  }

  @Override
  public Batch sampleTruth(int n, UniformRandomProvider rng) {
    return draw(truth, n, rng);
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
    if (data.size() < 1) {
      throw new FitException("too few items to fit: " + data.size());
    }
    return GlmModel.of(GlmFit.fit(family, data.values(), data.size(), dimension, weights));
  }

  @Override
  public Batch sample(Model model, int n, SamplingSettings settings, UniformRandomProvider rng) {
    return draw((GlmModel) model, n, rng);
  }

  @Override
  public Evaluation evaluate(Model model) {
    GlmModel m = (GlmModel) model;
    double risk = 0;
    for (int j = 0; j < dimension; j++) {
      double e = m.coefficient(j) - truth.coefficient(j);
      risk += e * e;
    }
    TreeMap<String, Double> values = new TreeMap<>();
    values.put(Metrics.POPULATION_RISK, risk);
    values.put(Metrics.RISK_BAND, 0.0);
    values.put(Metrics.DIVERSITY_RATIO, diversityRatio(m));
    return Evaluation.owning(values);
  }

  /** n items: x ~ N(0, I), then y given x.b; per item, the features before the label. */
  private Batch draw(GlmModel m, int n, UniformRandomProvider rng) {
    ZigguratSampler.NormalizedGaussian normal = Normals.of(rng);
    int width = dimension + 1;
    double[] out = new double[Math.multiplyExact(n, width)];
    for (int k = 0; k < n; k++) {
      int at = k * width;
      for (int j = 0; j < dimension; j++) {
        out[at + j] = normal.sample();
      }
      out[at + dimension] = family.draw(m.eta(out, at), rng);
    }
    return new Batch(n, width, out);
  }

  /** E_x Var(y | x) for x ~ N(0, I): eta = x.b is N(0, ||b||^2). */
  /**
   * The model's mean conditional variance over the truth's. For Poisson both are e^(||b||^2 / 2),
   * which overflows from ||b|| of about 37.6: the ratio is then e^((||b||^2 - ||b*||^2) / 2), taken
   * in one exponent (before, a truth of coefficients [30, 30] gave its own fit a ratio of 0 and
   * fired definition 5).
   */
  private double diversityRatio(GlmModel m) {
    double spread = conditionalVariance(m);
    if (family == GlmFamily.POISSON
        && !(Double.isFinite(spread) && Double.isFinite(truthSpread) && spread > 0)) {
      double s = m.norm();
      double t = truth.norm();
      return Math.exp((s * s - t * t) / 2);
    }
    return spread / truthSpread;
  }

  private double conditionalVariance(GlmModel m) {
    double s = m.norm();
    if (family == GlmFamily.POISSON) {
      return Math.exp(s * s / 2);
    }
    if (family == GlmFamily.LOGISTIC && s > HERMITE_UP_TO) {
      return logisticSpread(s);
    }
    // E g(eta) = (1 / sqrt(pi)) sum_i w_i g(sqrt(2) s t_i) for the weight e^(-t^2).
    return HERMITE.integrate(t -> family.variance(Math.sqrt(2) * s * t)) / Math.sqrt(Math.PI);
  }

  /**
   * E[mu(1 - mu)] for eta ~ N(0, s^2), integrated in eta itself: 2 times the integral over [0, 40]
   * of mu'(eta) phi(eta / s) / s, by 8-point Gauss-Legendre on each unit interval. mu' = mu(1 - mu)
   * is below e^-|eta|, so the part beyond 40 is under 1e-17 of the whole. Gauss-Hermite in z = eta
   * / s misses mu' once s is large, its width 1 / s falling between the nodes: 13% low at s = 10,
   * 81 times at s = 40 (QA, stop 34); this rule agrees with adaptive quadrature to 1e-14 for s from
   * 1 to 1000.
   */
  private static double logisticSpread(double s) {
    double sum = 0;
    for (int a = 0; a < 40; a++) {
      for (int k = 0; k < LEGENDRE.getNumberOfPoints(); k++) {
        double eta = a + 0.5 * (LEGENDRE.getPoint(k) + 1);
        double mu = 1 / (1 + Math.exp(-eta));
        double z = eta / s;
        sum += 0.5 * LEGENDRE.getWeight(k) * mu * (1 - mu) * Math.exp(-z * z / 2);
      }
    }
    return 2 * sum / (s * Math.sqrt(2 * Math.PI));
  }

  /** The truth's log-likelihood of the item's label given its features. */
  @Override
  public double truthScore(Batch batch, int i) {
    int w = batch.width();
    return family.logLikelihood(
        batch.values()[i * w + dimension], truth.eta(batch.values(), i * w));
  }

  @Override
  public void writeModel(Model model, java.io.DataOutput out) throws java.io.IOException {
    ((GlmModel) model).write(out);
  }

  @Override
  public Model readModel(java.io.DataInput in) throws java.io.IOException {
    return GlmModel.read(in);
  }
}
