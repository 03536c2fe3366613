package ouroboros.agents.domain;

import java.util.Objects;

/**
 * A model's estimator settings. Each domain reads the settings that mean something to it and
 * ignores the rest; the scenario loader rejects a setting a domain cannot use.
 *
 * @param variance Gaussian family: MLE or unbiased covariance
 * @param smoothing categorical and n-gram: add-k or Kneser-Ney
 * @param alpha categorical and n-gram: the constant added by add-k smoothing (0: none); for
 *     Kneser-Ney, the discount in (0, 1)
 * @param order n-gram: n, from 1 to 3
 * @param ridge linear regression: the ridge penalty lambda (0: ordinary least squares)
 * @param bandwidth kernel density: the kernel bandwidth; NaN for Silverman's rule of thumb
 * @param components Gaussian mixture: k; 0 for as many as the truth has
 * @param combine Gaussian: one fit on the pooled training set, or He et al.'s convex combination of
 *     a fit on the real items and a fit on the synthetic ones ({@link Fits})
 * @param warmStart Gaussian and Gaussian mixture: 0 refits from scratch; a step eta in (0, 1]
 *     fine-tunes the previous model instead ({@link Fits})
 */
public record EstimatorSettings(
    VarianceEstimator variance,
    Smoothing smoothing,
    double alpha,
    int order,
    double ridge,
    double bandwidth,
    int components,
    Combine combine,
    double warmStart) {

  /** The defaults: MLE variance, no smoothing, bigrams, OLS, rule-of-thumb bandwidth. */
  public static final EstimatorSettings DEFAULTS =
      new EstimatorSettings(VarianceEstimator.MLE, Smoothing.ADD_K, 0, 2, 0, Double.NaN, 0);

  /** How the fit treats real and synthetic items. */
  public enum Combine {
    /** One fit on all training items, with their weights. */
    POOLED,
    /** w times a fit on the real items plus (1 - w) times a fit on the synthetic ones. */
    FITS
  }

  /** Checks the settings; messages name the parameter and its value. */
  public EstimatorSettings {
    Objects.requireNonNull(variance, "variance");
    Objects.requireNonNull(smoothing, "smoothing");
    if (!(alpha >= 0) || Double.isInfinite(alpha)) {
      throw new IllegalArgumentException("alpha is not a finite non-negative number: " + alpha);
    }
    if (order < 1 || order > 3) {
      throw new IllegalArgumentException("order is not in [1, 3]: " + order);
    }
    if (!(ridge >= 0) || Double.isInfinite(ridge)) {
      throw new IllegalArgumentException("ridge is not a finite non-negative number: " + ridge);
    }
    if (!Double.isNaN(bandwidth) && !(bandwidth > 0)) {
      throw new IllegalArgumentException("bandwidth is not strictly positive: " + bandwidth);
    }
    if (components < 0) {
      throw new IllegalArgumentException("components is negative: " + components);
    }
    Objects.requireNonNull(combine, "combine");
    if (!(warmStart >= 0 && warmStart <= 1)) {
      throw new IllegalArgumentException("warmStart is not in [0, 1]: " + warmStart);
    }
  }

  /** Pooled fits, refitted from scratch. */
  public EstimatorSettings(
      VarianceEstimator variance,
      Smoothing smoothing,
      double alpha,
      int order,
      double ridge,
      double bandwidth,
      int components) {
    this(variance, smoothing, alpha, order, ridge, bandwidth, components, Combine.POOLED, 0);
  }

  /** Only the variance estimator set; everything else at its default. */
  public EstimatorSettings(VarianceEstimator variance) {
    this(variance, Smoothing.ADD_K, 0, 2, 0, Double.NaN, 0);
  }
}
