package ouroboros.agents.pipeline;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.ArraySampler;
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

  /** A dedup stage at the given resolution (0: exact) that picks kept copies with {@code rng}. */
  public Dedup(Domain domain, double resolution, UniformRandomProvider rng) {
    this.domain = domain;
    this.resolution = resolution;
    this.rng = Objects.requireNonNull(rng, "rng");
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Output apply(TrainingData in) {
    int n = in.size();
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    ArraySampler.shuffle(rng, order);
    Set<Long> seen = new HashSet<>();
    boolean[] keep = new boolean[n];
    for (int i : order) {
      keep[i] = seen.add(domain.duplicateKey(in.items().payload(), i, resolution));
    }
    return Output.filtered(in.keep(keep));
  }
}
