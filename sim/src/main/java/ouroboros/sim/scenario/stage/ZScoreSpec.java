package ouroboros.sim.scenario.stage;

import ouroboros.agents.spec.Key;
import ouroboros.agents.spec.Spec;

/**
 * The z-score watermark detector of Kirchenbauer et al. (2023).
 *
 * @param gamma green-list share, in (0, 1) (default 0.25)
 * @param threshold z-score above which an item is flagged (default 4)
 * @param tokens tokens per item; default: each item's own length in the text domain (required in
 *     other domains)
 */
@Spec(
    name = "z-score",
    doc =
        "The z-score detector of Kirchenbauer et al. (2023): green-token count against a "
            + "binomial, flagged above the threshold.")
public record ZScoreSpec(
    @Key(
            doc = "Green-list share, in (0, 1). Default 0.25.",
            exclusiveMin = 0,
            exclusiveMax = 1,
            expect = "a green-list share in (0, 1)")
        Double gamma,
    @Key(doc = "z-score above which an item is flagged. Default 4.") Double threshold,
    @Key(
            doc =
                "Tokens per item. Default: each item's own length; required outside the ngram-text "
                    + "domain.",
            min = 1)
        Integer tokens) {}
