package ouroboros.agents.model;

import ouroboros.agents.data.Items;

/**
 * The watermark a model embeds: each item it publishes is watermarked with probability {@code
 * rate}, at {@code strength} (the z-score scheme's delta, the logit boost of green tokens; stored
 * in the item's flags to a quarter, up to {@link Items#MAX_STRENGTH}). Only the z-score detector
 * reads the strength; a detector given by TPR and FPR has its operating point already.
 *
 * @param rate share of output watermarked, in [0, 1]
 * @param strength delta, in [0.25, 7.75]
 */
public record Watermark(double rate, double strength) {
  /** No watermark. */
  public static final Watermark NONE = new Watermark(0, 2.0);

  /** Checks the values. */
  public Watermark {
    if (!(rate >= 0 && rate <= 1)) {
      throw new IllegalArgumentException("watermark rate is not in [0,1]: " + rate);
    }
    Items.watermarkFlags(strength);
  }

  /** The flags of a watermarked item. */
  public byte flags() {
    return Items.watermarkFlags(strength);
  }
}
