package ouroboros.agents.domain.empirical;

import java.util.TreeMap;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.special.Erf;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.GuideTableDiscreteSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;
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
 * The nonparametric CDF estimate of He, Xu and Cheng, "Golden Ratio Weighting Prevents Model
 * Collapse" (2025; the authors' code, MukaiCodes/Model_Collapse_Codes,
 * Scenario2/Frameworks/D_Fresh_Data.py, {@code CDF_Esti}, with {@code
 * cramer_von_mises_statistic_FD} in Base_function.py). The truth is the one-dimensional N(mu,
 * sigma^2) (the authors' N(0, 1)); an item is one value.
 *
 * <p>Estimator: the weighted empirical distribution of the training set, each item an atom with
 * probability proportional to its weight ({@link EmpiricalModel#of}). With the {@code weighting}
 * stage's per-item weights w/n (real) and (1 - w)/m (synthetic) it is the authors' model, the CDF w
 * F_real + (1 - w) F_synth. A model publishes by resampling its atoms with replacement, with their
 * probabilities (Commons RNG's guide-table sampler), as the authors' {@code rng.choice(combo,
 * p=prob)}. {@code combine: fits} gives the same mixture as the weighted pooled fit.
 *
 * <p>Measures, all exact sums over the atoms (so {@code risk-band} is 0): {@code population-risk}
 * is the Cramér–von Mises distance to the truth, the integral of (F(x) - G(x))^2 dG(x) with G the
 * truth's CDF. F is a step function, so with u_i = G(x_i), u_0 = 0, u_{N+1} = 1 and c_i the
 * cumulative probability after atom i, it is sum_{i=0..N} ((u_{i+1} - c_i)^3 - (u_i - c_i)^3)/3.
 * The authors compute the same integral by a Riemann sum over 50,000 points of [-5, 5], which
 * agrees with it to within 0.1% here (see docs/reproducing-papers.md). {@code diversity-ratio} is
 * the model's variance over sigma^2; {@code tail-mass-ratio} the model's mass beyond the truth's
 * 0.5% and 99.5% quantiles over 0.01, and {@code hallucinated-mass} its mass beyond the 0.05% and
 * 99.95% quantiles (the truth's own: 0.001), as the Gaussian domain's one-dimensional regions.
 * Modes (definition 6) do not apply.
 */
public final class EmpiricalDomain implements Domain {
  /** The registered family name. */
  public static final String FAMILY = "empirical";

  private final EmpiricalModel truth;
  private final double mean;
  private final double sd;
  private final double tailRadius;
  private final double almostNoneRadius;

  /**
   * A domain whose truth is N(mean, sd^2).
   *
   * @throws IllegalArgumentException when the mean is not finite or sd is not strictly positive
   */
  public EmpiricalDomain(double mean, double sd) {
    if (!Double.isFinite(mean)) {
      throw new IllegalArgumentException("mean is not finite: " + mean);
    }
    if (!(sd > 0) || !Double.isFinite(sd)) {
      throw new IllegalArgumentException("sd is not strictly positive: " + sd);
    }
    this.mean = mean;
    this.sd = sd;
    this.truth = EmpiricalModel.normal(mean, sd);
    NormalDistribution z = new NormalDistribution(null, 0, 1);
    this.tailRadius = z.inverseCumulativeProbability(0.995);
    this.almostNoneRadius = z.inverseCumulativeProbability(0.9995);
  }

  @Override
  public String family() {
    return FAMILY;
  }

  @Override
  public int width() {
    return 1;
  }

  @Override
  public Batch sampleTruth(int n, UniformRandomProvider rng) {
    ZigguratSampler.NormalizedGaussian normal = Normals.of(rng);
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = mean + sd * normal.sample();
    }
    return new Batch(n, 1, out);
  }

  @Override
  public Model truthModel() {
    return truth;
  }

  @Override
  public Model fit(Batch data, double[] weights, EstimatorSettings settings) throws FitException {
    if (data.width() != 1) {
      throw new FitException("data has width " + data.width() + ", expected 1");
    }
    // Width 1: the batch's values are its items (EmpiricalModel.of only reads them).
    return EmpiricalModel.of(data.values(), weights);
  }

  @Override
  public Model combine(Model a, double w, Model b) throws FitException {
    return EmpiricalModel.mixture((EmpiricalModel) a, w, (EmpiricalModel) b);
  }

  @Override
  public Batch sample(Model model, int n, SamplingSettings settings, UniformRandomProvider rng) {
    EmpiricalModel m = (EmpiricalModel) model;
    if (m.isNormal()) {
      return sampleTruth(n, rng);
    }
    double[] out = new double[n];
    if (n > 0) {
      SharedStateDiscreteSampler pick = GuideTableDiscreteSampler.of(rng, m.probabilities());
      for (int i = 0; i < n; i++) {
        out[i] = m.atom(pick.sample());
      }
    }
    return new Batch(n, 1, out);
  }

  @Override
  public Evaluation evaluate(Model model) {
    EmpiricalModel m = (EmpiricalModel) model;
    TreeMap<String, Double> values = new TreeMap<>();
    values.put(Metrics.RISK_BAND, 0.0);
    if (m.isNormal()) {
      values.put(Metrics.POPULATION_RISK, 0.0);
      values.put(Metrics.DIVERSITY_RATIO, 1.0);
      values.put(Metrics.TAIL_MASS_RATIO, 1.0);
      values.put(Metrics.HALLUCINATED_MASS, 2 * upperTail(almostNoneRadius));
      return Evaluation.owning(values);
    }
    values.put(Metrics.POPULATION_RISK, cramerVonMises(m));
    values.put(Metrics.DIVERSITY_RATIO, variance(m) / (sd * sd));
    values.put(Metrics.TAIL_MASS_RATIO, massBeyond(m, tailRadius) / 0.01);
    values.put(Metrics.HALLUCINATED_MASS, massBeyond(m, almostNoneRadius));
    return Evaluation.owning(values);
  }

  /**
   * The Cramér–von Mises distance of a distribution to the truth, the integral of (F - G)^2 dG,
   * summed exactly over the steps of F.
   */
  public double cramerVonMises(EmpiricalModel m) {
    int n = m.size();
    double sum = 0;
    double c = 0;
    double u = 0;
    for (int i = 0; i <= n; i++) {
      double next = i < n ? truthCdf(m.atom(i)) : 1;
      double a = u - c;
      double b = next - c;
      sum += (b * b * b - a * a * a) / 3;
      if (i < n) {
        c = i == n - 1 ? 1 : c + m.probability(i);
        u = next;
      }
    }
    return sum;
  }

  /** G(x), the truth's CDF. */
  private double truthCdf(double x) {
    return 0.5 * Erf.erfc(-(x - mean) / (sd * Math.sqrt(2)));
  }

  /** P(Z > z) for a standard normal Z. */
  private static double upperTail(double z) {
    return 0.5 * Erf.erfc(z / Math.sqrt(2));
  }

  /** The model's variance. */
  private static double variance(EmpiricalModel m) {
    double mu = 0;
    for (int i = 0; i < m.size(); i++) {
      mu += m.probability(i) * m.atom(i);
    }
    double v = 0;
    for (int i = 0; i < m.size(); i++) {
      double d = m.atom(i) - mu;
      v += m.probability(i) * d * d;
    }
    return v;
  }

  /**
   * The model's mass farther than {@code radius} truth standard deviations from the truth's mean.
   */
  private double massBeyond(EmpiricalModel m, double radius) {
    double mass = 0;
    for (int i = 0; i < m.size(); i++) {
      if (Math.abs(m.atom(i) - mean) > radius * sd) {
        mass += m.probability(i);
      }
    }
    return mass;
  }

  /** The truth's log-density at the item. */
  @Override
  public double truthScore(Batch batch, int i) {
    double z = (batch.values()[i] - mean) / sd;
    return -0.5 * z * z - Math.log(sd) - 0.5 * Math.log(2 * Math.PI);
  }

  @Override
  public void writeModel(Model model, java.io.DataOutput out) throws java.io.IOException {
    ((EmpiricalModel) model).write(out);
  }

  @Override
  public Model readModel(java.io.DataInput in) throws java.io.IOException {
    return EmpiricalModel.read(in);
  }
}
