package ouroboros.agents.domain;

/** How a Gaussian fit estimates (co)variance. */
public enum VarianceEstimator {
  /** Maximum likelihood: divide by n. Biased low by (n-1)/n per generation. */
  MLE,
  /** Unbiased: divide by n-1. */
  UNBIASED
}
