package ouroboros.agents.collapse;

import java.util.Locale;

/**
 * The eight meanings of "model collapse" that the literature uses, after Schaeffer et al. 2025,
 * "Position: Model Collapse Does Not Mean What You Think". Each has a number and a verdict.
 */
public enum Definition {
  /** 1. Catastrophic increase of population risk: risk_g / risk_1 above a threshold. */
  CATASTROPHIC_RISK("risk-ratio", "catastrophic increase of risk"),
  /** 2. Any increase of population risk beyond the Monte Carlo band: risk_g - risk_1. */
  ANY_RISK_INCREASE("risk-increase", "any increase of risk"),
  /** 3. Asymptotically diverging risk: OLS slope of risk over the last W generations. */
  DIVERGING_RISK("risk-slope", "asymptotically diverging risk"),
  /**
   * 4. Change in scaling law: the exponent of risk against cumulative training data, minus the
   * exponent of the same family trained on human data only.
   */
  SCALING_LAW("exponent-gap", "change in scaling law"),
  /** 5. Collapsing variance: the variance (or entropy) ratio. */
  COLLAPSING_VARIANCE("diversity-ratio", "collapsing variance"),
  /** 6. Entanglement of real-data modes: share of the truth's modes still recovered. */
  MODE_ENTANGLEMENT("modes-recovered", "entanglement of modes"),
  /** 7. Disappearance of real tail data: model tail mass over the truth's. */
  TAIL_LOSS("tail-mass-ratio", "disappearance of tails"),
  /** 8. Appearance of hallucinated data: model mass where the truth has almost none. */
  HALLUCINATION("hallucinated-mass", "hallucinated data");

  private final String title;
  // The metric names, built once: every retrain report reads them, a million times in a large run.
  private final String numberMetric;
  private final String verdictMetric;

  Definition(String number, String title) {
    this.title = title;
    this.numberMetric = "d" + (ordinal() + 1) + "-" + number;
    this.verdictMetric = "d" + (ordinal() + 1) + "-verdict";
  }

  /** 1 to 8, as numbered in SCIENCE.md. */
  public int index() {
    return ordinal() + 1;
  }

  /** The metrics.csv name of the number, such as {@code d1-risk-ratio}. */
  public String numberMetric() {
    return numberMetric;
  }

  /** The metrics.csv name of the verdict, such as {@code d1-verdict}. */
  public String verdictMetric() {
    return verdictMetric;
  }

  /** A short title. */
  public String title() {
    return title;
  }

  /** Lowercase key, such as {@code catastrophic-risk}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
