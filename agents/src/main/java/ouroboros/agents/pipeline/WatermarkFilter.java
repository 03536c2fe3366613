package ouroboros.agents.pipeline;

import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * {@code watermark-filter}: drops the items its {@link Detector} flags as watermarked. Items that
 * were never watermarked, or whose watermark a launderer stripped, are flagged only at the
 * detector's false-positive rate.
 */
public final class WatermarkFilter implements Stage {
  /** The registered name. */
  public static final String NAME = "watermark-filter";

  private final Detector detector;
  private final UniformRandomProvider rng;

  /** A filter with its detector, drawing its decisions from {@code rng}. */
  public WatermarkFilter(Detector detector, UniformRandomProvider rng) {
    this.detector = Objects.requireNonNull(detector, "detector");
    this.rng = Objects.requireNonNull(rng, "rng");
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Output apply(TrainingData in) {
    boolean[] keep = new boolean[in.size()];
    for (int i = 0; i < keep.length; i++) {
      keep[i] = rng.nextDouble() >= detector.flagProbability(in.items(), i);
    }
    return Output.filtered(in.keep(keep));
  }
}
