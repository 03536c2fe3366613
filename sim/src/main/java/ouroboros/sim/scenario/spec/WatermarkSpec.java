package ouroboros.sim.scenario.spec;

import ouroboros.agents.spec.Key;
import ouroboros.agents.spec.Spec;

/**
 * The watermark a model embeds in its output.
 *
 * @param rate share of its items watermarked, in [0, 1]
 * @param strength the z-score scheme's delta, in [0.25, 7.75], stored to a quarter (default 2)
 */
@Spec(name = "watermark", doc = "The watermark the model embeds in its output.")
public record WatermarkSpec(
    @Key(
            doc = "Share of the model's items that are watermarked.",
            required = true,
            min = 0,
            max = 1)
        Double rate,
    @Key(
            doc =
                "The z-score scheme's delta (green-token logit boost), stored to a quarter. Only the "
                    + "z-score detector reads it. Default 2.",
            min = ouroboros.agents.data.Items.STRENGTH_STEP,
            max = ouroboros.agents.data.Items.MAX_STRENGTH,
            def = "2.0",
            expect = "a strength (delta) from 0.25 to 7.75")
        Double strength) {}
