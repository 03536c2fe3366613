package ouroboros.agents.pipeline;

import java.util.HashMap;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import ouroboros.agents.domain.Domain;

/**
 * {@code dedup}: keeps one item of each group of duplicates in the same retrain's data, chosen at
 * random from the group, and drops the rest. Two items are duplicates when they share the domain's
 * {@link Domain#duplicateKey}: with {@code resolution} 0, exact duplicates (the same category, the
 * same sentence); above 0, near duplicates, whose every payload value rounds to the same multiple
 * of the resolution. The kept copy is random because the order of a retrain's data is not: a scrape
 * lists items by site and by author, so "the first copy" would let the file's order of the sites
 * decide whether a human or a synthetic copy survives.
 */
public final class Dedup implements Stage {
  /** The registered name. */
  public static final String NAME = "dedup";

  private final Domain domain;
  private final double resolution;
  private final UniformRandomProvider rng;

  /**
   * A dedup stage at the given resolution (0: exact) that picks kept copies with the stage's
   * stream.
   */
  public Dedup(double resolution, StageEnv env) {
    this.domain = env.domain();
    this.resolution = resolution;
    this.rng = env.rng();
  }

  @Override
  public String name() {
    return NAME;
  }

  /**
   * One pass, a reservoir of one per group: the k-th copy of a key replaces the kept one with
   * probability 1/k, so each copy is kept with probability 1/(group size). Draws only for
   * duplicates: data without any leaves the stream as it was.
   */
  @Override
  public Output apply(TrainingData in) {
    int n = in.size();
    Map<Long, int[]> groups = new HashMap<>(); // key -> {kept index, copies seen}
    for (int i = 0; i < n; i++) {
      int[] g =
          groups.putIfAbsent(
              domain.duplicateKey(in.items().payload(), i, resolution), new int[] {i, 1});
      if (g != null && rng.nextInt(++g[1]) == 0) {
        g[0] = i;
      }
    }
    boolean[] keep = new boolean[n];
    for (int[] g : groups.values()) {
      keep[g[0]] = true;
    }
    return Output.filtered(in.keep(keep));
  }
}
