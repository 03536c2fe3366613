package ouroboros.agents.domain;

/**
 * Names of the measures a domain's {@link Domain#evaluate} reports, as they appear in {@code
 * metrics.csv}. The eight collapse definitions (SCIENCE.md) are computed from these. A domain
 * leaves out a measure that does not apply to it; it never reports 0 in its place.
 */
public final class Metrics {
  /** Population risk against the truth, as each domain documents it. Every domain. */
  public static final String POPULATION_RISK = "population-risk";

  /**
   * Standard error of the population-risk estimate when it is a Monte Carlo estimate over a
   * held-out reference set (sd of per-item losses / sqrt(N)); 0 for a closed form. Every domain.
   */
  public static final String RISK_BAND = "risk-band";

  /**
   * The model's raw held-out negative log-likelihood, -mean log p_model(x) over the held-out human
   * reference set, in nats per item; population-risk is this minus the truth's own. Mixture and
   * KDE.
   */
  public static final String NLL = "nll";

  /**
   * The squared L2 distance between the model's density and its first fitted model's, the integral
   * of (p_g(x) - p_1(x))^2 dx (Shumailov et al. 2024's Gaussian-mixture figure): 0 at generation 1.
   * Gaussian and mixture.
   */
  public static final String L2_TO_FIRST_FIT = "l2-to-first-fit";

  /**
   * Diversity of the model relative to the truth: the variance ratio for continuous domains, the
   * entropy ratio for discrete ones. Definition 5. Every domain.
   */
  public static final String DIVERSITY_RATIO = "diversity-ratio";

  /**
   * Share of the truth's modes still separately recovered, in [0, 1]; for the categorical domain, 1
   * when the rank order of the top categories is preserved and 0 when it is not. Definition 6.
   * Mixture, KDE and categorical only.
   */
  public static final String MODES_RECOVERED = "modes-recovered";

  /**
   * The model's mass on the truth's tail regions divided by the truth's mass there (the outer 1%
   * region, or categories and n-grams below 1% probability). Definition 7.
   */
  public static final String TAIL_MASS_RATIO = "tail-mass-ratio";

  /**
   * The model's mass where the truth has almost none: outside the truth's 99.9% region, or on
   * outcomes impossible under the truth. Definition 8.
   */
  public static final String HALLUCINATED_MASS = "hallucinated-mass";

  /** Gaussian: squared error of the mean, ||mu_model - mu_truth||^2. */
  public static final String MEAN_SQ_ERROR = "mean-sq-error";

  /** Gaussian: tr(model covariance) / tr(true covariance). */
  public static final String VARIANCE_RATIO = "variance-ratio";

  /**
   * Gaussian: log det(model covariance) − log det(true covariance), in nats; 0 when the spread is
   * right in every direction, very negative as it collapses.
   */
  public static final String LOG_DET_RATIO = "log-det-ratio";

  private Metrics() {}
}
