package ouroboros.sim.scenario.spec;

import ouroboros.agents.domain.DomainSpec;
import ouroboros.agents.spec.Key;
import ouroboros.agents.spec.Spec;

/**
 * Fit settings. Which keys apply depends on the domain ({@link DomainSpec#estimatorKeys()}).
 *
 * @param variance {@code mle} (default) or {@code unbiased}
 * @param smoothing {@code add-k} (default) or {@code kneser-ney}
 * @param alpha add-k constant, or Kneser-Ney discount (default 0)
 * @param order n-gram order n, 1 to 3 (default 2)
 * @param ridge ridge penalty; 0 is ordinary least squares (default 0)
 * @param bandwidth kernel bandwidth; absent for Silverman's rule of thumb
 * @param components mixture components; 0 for the truth's count (default 0)
 * @param combine {@code pooled} (absent) or {@code fits}, He et al.'s convex combination
 * @param warmStart 0 (or absent) refits from scratch; a step in (0, 1] fine-tunes the previous
 *     model
 */
@Spec(
    name = "estimator",
    doc =
        "Fit settings. Which keys apply depends on the domain: a gaussian domain uses only "
            + "'variance'.")
public record EstimatorSpec(
    @Key(
            doc =
                "Gaussian family: the variance estimator, 'mle' (divide by n) or 'unbiased' (divide "
                    + "by n - 1).",
            names = ouroboros.agents.domain.VarianceEstimator.class,
            def = "\"mle\"")
        String variance,
    @Key(
            doc = "Categorical and n-gram domains: 'add-k' or 'kneser-ney' smoothing.",
            names = ouroboros.agents.domain.Smoothing.class,
            def = "\"add-k\"")
        String smoothing,
    @Key(
            doc =
                "Categorical and n-gram domains: the constant added by add-k smoothing (0: none), or "
                    + "the Kneser-Ney discount.",
            min = 0,
            def = "0")
        Double alpha,
    @Key(
            doc = "n-gram domains: the order n, from 1 to 3.",
            min = 1,
            max = 3,
            def = "2",
            expect = "an n-gram order of 1, 2 or 3")
        Integer order,
    @Key(
            doc = "Linear regression: the ridge penalty lambda; 0 is ordinary least squares.",
            min = 0,
            def = "0",
            expect = "a penalty of at least 0")
        Double ridge,
    @Key(
            doc =
                "Kernel density: the kernel bandwidth, greater than 0. Without this key, Silverman's "
                    + "rule of thumb picks it.",
            exclusiveMin = 0,
            expect = "a bandwidth greater than 0")
        Double bandwidth,
    @Key(
            doc = "Gaussian mixture: the number of components k; 0 for as many as the truth has.",
            min = 0,
            def = "0")
        Integer components,
    @Key(
            doc =
                "Gaussian: 'pooled' fits all training items together with their weights; 'fits' is "
                    + "He et al.'s convex combination w * (fit on the real items) + (1 - w) * (fit on "
                    + "the synthetic ones), w the real items' share of the training weight (the "
                    + "weighting stage's real-share). Same mean; 'pooled' adds a between-group term "
                    + "w (1 - w)(mu_r - mu_s)(mu_r - mu_s)' to the covariance, 'fits' does not. Without "
                    + "this key: 'pooled'.",
            names = ouroboros.agents.domain.EstimatorSettings.Combine.class)
        String combine,
    @Key(
            doc =
                "Gaussian and Gaussian mixture: 0 refits from scratch at every retrain; a step eta "
                    + "in (0, 1] fine-tunes the previous model instead (Bertrand et al.): the fit "
                    + "starts from the previous model (EM from its parameters) and the new model is "
                    + "(1 - eta) * previous + eta * fit, parameter by parameter. Without this key: 0.",
            min = 0,
            max = 1,
            expect = "a step in [0, 1]")
        Double warmStart) {}
