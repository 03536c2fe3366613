package ouroboros.sim.graph;

/**
 * Settings of the interaction graph.
 *
 * @param window ticks per window: the graph at tick t pools the retrains of ticks t - window + 1 ..
 *     t, and {@code graph/} holds one file per block of {@code window} ticks
 */
public record GraphOptions(int window) {
  /** The default window, in ticks. */
  public static final int DEFAULT_WINDOW = 10;

  /** The defaults. */
  public static final GraphOptions DEFAULTS = new GraphOptions(DEFAULT_WINDOW);

  /** Checks the window. */
  public GraphOptions {
    if (window < 1) {
      throw new IllegalArgumentException("window is not at least 1: " + window);
    }
  }
}
