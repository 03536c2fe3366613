package ouroboros.agents.domain;

/**
 * Generation settings a model samples with.
 *
 * @param temperature scales the sampling distribution; for a Gaussian it multiplies the covariance
 */
public record SamplingSettings(double temperature) {

  /** Plain sampling at temperature 1. */
  public static final SamplingSettings DEFAULTS = new SamplingSettings(1.0);

  /** Checks the settings. */
  public SamplingSettings {
    if (!(temperature > 0) || Double.isInfinite(temperature)) {
      throw new IllegalArgumentException("temperature is not strictly positive: " + temperature);
    }
  }
}
