package ouroboros.sim.scenario;

/**
 * The watermark a model embeds in its output.
 *
 * @param rate share of its items watermarked, in [0, 1]
 * @param strength the z-score scheme's delta, in [0.25, 7.75], stored to a quarter (default 2)
 */
public record WatermarkSpec(Double rate, Double strength) {}
