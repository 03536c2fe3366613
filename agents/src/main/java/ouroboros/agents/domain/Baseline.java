package ouroboros.agents.domain;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Definition 4's human-only baseline for one model: the population risk of the domain's family
 * fitted on n fresh truth items, asked for at every generation with the n the model has gathered so
 * far. Since n grows with the generation, refitting on n new draws costs a run of G generations
 * O(G^2) draws and fitted items in all. A domain whose fit depends on the items only through
 * sufficient statistics with a known sampling distribution draws those statistics directly (the
 * Gaussian: {@code GaussianBaseline}), at a cost that does not grow with n and with the same
 * distribution of the baseline risk; other domains refit on n new draws ({@link #refitting}). Not
 * thread-safe; the model that owns it asks from one thread at a time.
 */
public interface Baseline {

  /**
   * The risk of the family fitted on {@code n} fresh truth items, drawn from {@code rng}.
   *
   * @param n items
   * @throws FitException when that fit fails
   */
  double risk(int n, UniformRandomProvider rng) throws FitException;

  /**
   * The baseline without memory: every call draws n new truth items and fits them, with the fit
   * getting the same generator (for estimators that need randomness).
   */
  static Baseline refitting(Domain domain, EstimatorSettings settings) {
    return (n, rng) ->
        domain
            .evaluate(domain.fit(domain.sampleTruth(n, rng), null, settings, rng))
            .get(Metrics.POPULATION_RISK);
  }
}
