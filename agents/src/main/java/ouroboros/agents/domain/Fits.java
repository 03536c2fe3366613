package ouroboros.agents.domain;

import org.apache.commons.rng.UniformRandomProvider;
import ouroboros.agents.data.Items;

/**
 * A retrain's fit under the estimator's {@code combine} and {@code warm-start} settings. With the
 * defaults (pooled, warm start 0) it is the domain's plain weighted fit on the training set.
 *
 * <p><b>Convex combination of fits</b> ({@code combine: fits}; He, Xu, Cheng 2025, "Golden ratio
 * weighting prevents model collapse"): theta = w theta_real + (1 - w) theta_synth, where theta_real
 * is the fit on the real items (synthetic depth 0) and theta_synth the fit on the synthetic ones,
 * each with its items' weights, and w is the real items' share of the training weight (the {@code
 * weighting} stage's {@code real-share} when it runs, else their share of the items). For a
 * Gaussian the mean is the same as the weighted pooled fit's, w mu_r + (1 - w) mu_s, but the
 * covariance is w Sigma_r + (1 - w) Sigma_s, without the between-group term w (1 - w) (mu_r -
 * mu_s)(mu_r - mu_s)^T that the weighted pooled fit adds. When one class is absent the fit is the
 * pooled one.
 *
 * <p><b>Warm start</b> ({@code warm-start: eta}, eta in (0, 1]; Bertrand et al. 2024 fine-tune the
 * previous generation's model instead of training from scratch): the domain fits starting from the
 * previous model ({@link Domain#fitFrom}) and the new model moves a step eta from the previous one
 * toward that fit, theta_t = (1 - eta) theta_{t-1} + eta theta_fit, by {@link Domain#combine}. For
 * a Gaussian this is a weighted update of mean and covariance (E sigma_g^2 = (1 - eta/M)^g sigma^2
 * under replace with the MLE); for a mixture, EM starts from the previous parameters (so the
 * components keep their identities) and the step is taken component by component. eta = 1 is the
 * fit from the previous model; eta = 0 turns warm start off. With {@code combine: fits} as well,
 * the two fits start from scratch and the step is taken toward their combination.
 */
public final class Fits {
  private Fits() {}

  /**
   * The new model.
   *
   * @param previous the model before this retrain
   * @param training the training items, with provenance
   * @param weights one weight per item, or null
   * @throws FitException when a fit fails or the domain cannot combine models
   */
  public static Model fit(
      Domain domain,
      Model previous,
      Items training,
      double[] weights,
      EstimatorSettings settings,
      UniformRandomProvider rng)
      throws FitException {
    Model fitted =
        settings.combine() == EstimatorSettings.Combine.FITS
            ? convex(domain, training, weights, settings, rng)
            : settings.warmStart() > 0
                ? domain.fitFrom(previous, training.payload(), weights, settings, rng)
                : domain.fit(training.payload(), weights, settings, rng);
    if (settings.warmStart() > 0 && settings.warmStart() < 1) {
      return domain.combine(fitted, settings.warmStart(), previous);
    }
    return fitted;
  }

  /** w times the fit on the real items plus (1 - w) times the fit on the synthetic ones. */
  private static Model convex(
      Domain domain,
      Items training,
      double[] weights,
      EstimatorSettings settings,
      UniformRandomProvider rng)
      throws FitException {
    int n = training.size();
    int real = 0;
    double realWeight = 0;
    double total = 0;
    for (int i = 0; i < n; i++) {
      double w = weights == null ? 1.0 : weights[i];
      total += w;
      if (!training.synthetic(i)) {
        real++;
        realWeight += w;
      }
    }
    if (real == 0 || real == n) {
      return domain.fit(training.payload(), weights, settings, rng);
    }
    int[] r = new int[real];
    int[] s = new int[n - real];
    for (int i = 0, a = 0, b = 0; i < n; i++) {
      if (training.synthetic(i)) {
        s[b++] = i;
      } else {
        r[a++] = i;
      }
    }
    Model realFit = domain.fit(training.select(r).payload(), pick(weights, r), settings, rng);
    Model synthFit = domain.fit(training.select(s).payload(), pick(weights, s), settings, rng);
    return domain.combine(realFit, realWeight / total, synthFit);
  }

  /** The weights at the given positions, or null for none. */
  private static double[] pick(double[] weights, int[] at) {
    if (weights == null) {
      return null;
    }
    double[] out = new double[at.length];
    for (int i = 0; i < at.length; i++) {
      out[i] = weights[at[i]];
    }
    return out;
  }
}
