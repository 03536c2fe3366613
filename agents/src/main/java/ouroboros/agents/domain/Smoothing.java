package ouroboros.agents.domain;

/** How count-based estimators (categorical, n-gram) smooth their frequencies. */
public enum Smoothing {
  /** Add a constant (alpha, or k) to every count; 0 means plain empirical frequencies. */
  ADD_K,
  /** Interpolated Kneser-Ney (Kneser and Ney 1995; Chen and Goodman 1999), n-gram only. */
  KNESER_NEY
}
