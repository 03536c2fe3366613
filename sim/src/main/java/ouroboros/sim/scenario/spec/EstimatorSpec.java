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
 * @param bandwidth kernel bandwidth; absent for the domain's {@code bandwidth-rule}
 * @param components mixture components; 0 for the truth's count (default 0)
 * @param combine {@code pooled} (absent) or {@code fits}, He et al.'s convex combination
 * @param warmStart 0 (or absent) refits from scratch; a step in (0, 1] fine-tunes the previous
 *     model
 */
@Spec(
    name = "estimator",
    doc =
        "Fit settings. Which keys apply depends on the domain, and a key another domain takes "
            + "is refused: gaussian: variance, combine, warm-start; categorical: alpha; "
            + "linear-regression: ridge; gaussian-mixture: components, warm-start; kde: "
            + "bandwidth; ngram-text: order, smoothing, alpha; glm: none; empirical: combine.")
public record EstimatorSpec(
    @Key(
            doc =
                "Gaussian: the variance estimator, 'mle' (divide by n) or 'unbiased' (divide by n "
                    + "- 1).",
            names = ouroboros.agents.domain.VarianceEstimator.class,
            def = "\"mle\"")
        String variance,
    @Key(
            doc =
                "n-gram text: 'add-k' or 'kneser-ney' smoothing. A categorical domain always uses "
                    + "add-k smoothing.",
            names = ouroboros.agents.domain.Smoothing.class,
            def = "\"add-k\"")
        String smoothing,
    @Key(
            doc =
                "Categorical and n-gram text: the constant added by add-k smoothing (0: none), or "
                    + "the n-gram's Kneser-Ney discount.",
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
                "Kernel density: the kernel bandwidth, greater than 0, fixed at every fit. Without "
                    + "this key, the domain's 'bandwidth-rule' (default: silverman) picks it from "
                    + "each fit's training set.",
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
                "Gaussian and empirical: 'pooled' fits all training items together with their weights; 'fits' is "
                    + "He et al.'s convex combination w * (fit on the real items) + (1 - w) * (fit on "
                    + "the synthetic ones), w the real items' share of the training weight (the "
                    + "weighting stage's real-share). Same mean; 'pooled' adds a between-group term "
                    + "w (1 - w)(mu_r - mu_s)(mu_r - mu_s)' to a Gaussian's covariance, 'fits' does "
                    + "not; an empirical model is the same mixture either way. Without this key: "
                    + "'pooled'.",
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
