package ouroboros.agents.pipeline;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import ouroboros.agents.data.AuthorKind;
import ouroboros.agents.data.Batch;
import ouroboros.agents.data.Items;

/**
 * {@code human-anchor}: a finite reserve of pre-contamination human data, drawn from the truth once
 * when the model is built. At every retrain the stage keeps everything it receives and adds reserve
 * items so that they make up {@code fraction} of what it passes on: a = round(f n / (1 - f)) for n
 * items received, drawn without replacement from the reserve, and capped at the reserve's size.
 * Unlike fresh-data mixing (lambda), the same reserve items come back retrain after retrain, so the
 * anchor bounds drift but cannot add new information.
 */
public final class HumanAnchor implements Stage {
  /** The registered name. */
  public static final String NAME = "human-anchor";

  private final Items reserve;
  private final double fraction;
  private final UniformRandomProvider rng;

  /**
   * An anchor.
   *
   * @param reserveSize items in the reserve, at least 1
   * @param fraction share of each output drawn from the reserve, in [0, 1)
   * @param env the domain and this stage's stream, which draws the reserve and the picks
   */
  public HumanAnchor(int reserveSize, double fraction, StageEnv env) {
    if (reserveSize < 1) {
      throw new IllegalArgumentException("reserveSize is not strictly positive: " + reserveSize);
    }
    if (!(fraction >= 0 && fraction < 1)) {
      throw new IllegalArgumentException("fraction is not in [0,1): " + fraction);
    }
    this.rng = env.rng();
    Batch b = env.domain().sampleTruth(reserveSize, rng);
    this.reserve = Items.uniform(b, Items.ARCHIVE, AuthorKind.HUMAN, -1, 0, 0f, Items.OFF_WEB);
    this.fraction = fraction;
  }

  @Override
  public String name() {
    return NAME;
  }

  /** Reserve items added to n received items. */
  int additions(int n) {
    return (int) Math.min(reserve.size(), Math.round(fraction * n / (1 - fraction)));
  }

  @Override
  public Output apply(TrainingData in) {
    int a = additions(in.size());
    if (a == 0) {
      return Output.filtered(in);
    }
    int[] picked = new PermutationSampler(rng, reserve.size(), a).sample();
    Arrays.sort(picked);
    Items added = reserve.select(picked);
    Items all = Items.concat(List.of(in.items(), added), in.items().payload().width());
    double[] w = null;
    if (in.weights() != null) {
      w = Arrays.copyOf(in.weights(), all.size());
      Arrays.fill(w, in.size(), w.length, 1.0);
    }
    return new Output(new TrainingData(all, w), a);
  }
}
