package ouroboros.agents.domain;

import java.util.Objects;

/**
 * A model's estimator settings. Each domain reads the settings that mean something to it.
 *
 * @param variance how Gaussian-family fits estimate the covariance
 */
public record EstimatorSettings(VarianceEstimator variance) {

  /** The defaults: MLE variance. */
  public static final EstimatorSettings DEFAULTS = new EstimatorSettings(VarianceEstimator.MLE);

  /** Checks the settings. */
  public EstimatorSettings {
    Objects.requireNonNull(variance, "variance");
  }
}
