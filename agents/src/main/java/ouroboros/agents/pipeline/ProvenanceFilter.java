package ouroboros.agents.pipeline;

import ouroboros.agents.data.Items;

/**
 * {@code provenance}: C2PA-like signatures. Some human sources sign their items ({@link
 * Items#SIGNED}); a repost never carries the original's signature. The stage either keeps only
 * signed items, or keeps everything and multiplies the weight of signed items.
 */
public final class ProvenanceFilter implements Stage {
  /** The registered name. */
  public static final String NAME = "provenance";

  private final boolean keepSignedOnly;
  private final double signedWeight;

  /**
   * A provenance stage.
   *
   * @param keepSignedOnly drop unsigned items
   * @param signedWeight weight multiplier of signed items, when not dropping
   */
  public ProvenanceFilter(boolean keepSignedOnly, double signedWeight) {
    this.keepSignedOnly = keepSignedOnly;
    this.signedWeight = signedWeight;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Output apply(TrainingData in) {
    Items items = in.items();
    if (keepSignedOnly) {
      boolean[] keep = new boolean[in.size()];
      for (int i = 0; i < keep.length; i++) {
        keep[i] = (items.flagsAt(i) & Items.SIGNED) != 0;
      }
      return Output.filtered(in.keep(keep));
    }
    double[] w = in.weightsOrOnes();
    for (int i = 0; i < w.length; i++) {
      if ((items.flagsAt(i) & Items.SIGNED) != 0) {
        w[i] *= signedWeight;
      }
    }
    return Output.filtered(new TrainingData(items, w));
  }
}
