package ouroboros.agents.domain;

/**
 * Generation settings a model samples with. Each domain applies the settings that mean something to
 * it: temperature everywhere, truncation where outputs are discrete.
 *
 * @param temperature greater than 0; scales a Gaussian's covariance, divides discrete logits
 * @param topK keep only the k most likely outcomes at each step; 0 turns it off
 * @param topP keep the smallest set of most likely outcomes whose mass reaches p; 1 turns it off
 */
public record SamplingSettings(double temperature, int topK, double topP) {

  /** Plain sampling: temperature 1, no truncation. */
  public static final SamplingSettings DEFAULTS = new SamplingSettings(1.0, 0, 1.0);

  /** Checks the settings; messages name the parameter and its value. */
  public SamplingSettings {
    if (!(temperature > 0) || Double.isInfinite(temperature)) {
      throw new IllegalArgumentException("temperature is not strictly positive: " + temperature);
    }
    if (topK < 0) {
      throw new IllegalArgumentException("topK is negative: " + topK);
    }
    if (!(topP > 0 && topP <= 1)) {
      throw new IllegalArgumentException("topP is not in (0, 1]: " + topP);
    }
  }

  /** Temperature only. */
  public SamplingSettings(double temperature) {
    this(temperature, 0, 1.0);
  }

  /** Whether any truncation or temperature other than 1 applies. */
  public boolean isPlain() {
    return temperature == 1.0 && topK == 0 && topP == 1.0;
  }
}
