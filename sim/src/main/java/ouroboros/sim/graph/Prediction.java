package ouroboros.sim.graph;

/** The collapse verdict the interaction graph predicts for a model (see {@link GraphAnalysis}). */
public enum Prediction {
  /** The model is in, or trains downstream of, a closed class that receives no human data. */
  COLLAPSES,
  /** Every upstream path of the model reaches human data, and no ancestor is unknown. */
  BOUNDED,
  /** The model, or one of its ancestors, has not trained yet (no successful fit so far). */
  UNKNOWN;

  /** {@code collapses}, {@code bounded} or {@code unknown}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** 1, 0, or NaN for {@code metrics.csv}'s {@code predicted-collapse}. */
  public double value() {
    return this == COLLAPSES ? 1 : this == BOUNDED ? 0 : Double.NaN;
  }

  /** The prediction with the given label. */
  public static Prediction of(String label) {
    return valueOf(label.toUpperCase(java.util.Locale.ROOT));
  }
}
