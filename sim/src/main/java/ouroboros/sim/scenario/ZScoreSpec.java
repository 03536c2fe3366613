package ouroboros.sim.scenario;

/**
 * The z-score watermark detector of Kirchenbauer et al. (2023).
 *
 * @param gamma green-list share, in (0, 1) (default 0.25)
 * @param threshold z-score above which an item is flagged (default 4)
 * @param tokens tokens per item; default: each item's own length in the text domain (required in
 *     other domains)
 */
public record ZScoreSpec(Double gamma, Double threshold, Integer tokens) {}
