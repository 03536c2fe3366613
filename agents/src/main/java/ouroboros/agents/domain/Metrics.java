package ouroboros.agents.domain;

/** Names of the metrics domains report, as they appear in {@code metrics.csv}. */
public final class Metrics {
  /** Population risk against the truth; for the Gaussian, KL(truth || model) in nats. */
  public static final String POPULATION_RISK = "population-risk";
  /** Squared error of the mean, ||mu_model - mu_truth||^2. */
  public static final String MEAN_SQ_ERROR = "mean-sq-error";
  /** Ratio of the model's total variance to the truth's (ratio of covariance traces). */
  public static final String VARIANCE_RATIO = "variance-ratio";

  private Metrics() {}
}
