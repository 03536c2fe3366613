package ouroboros.agents.model;

/** What a model is before its first retrain. */
public enum Initial {
  /** No parameters: the model publishes nothing until its first successful fit. */
  NONE,
  /** The truth itself, as if pre-trained on unlimited human data. Generation 0. */
  TRUTH,
  /**
   * Fitted before tick 0 on n items drawn fresh from the truth (n = the model's scrape size):
   * generation 1 is the fit on real data, as in the closed forms of SCIENCE.md. Those items enter
   * the training pool, so accumulating regimes keep the real data.
   */
  FIT_TRUTH
}
