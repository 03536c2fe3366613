package ouroboros.agents.pipeline;

import java.util.HashSet;
import java.util.Set;
import ouroboros.agents.domain.Domain;

/**
 * {@code dedup}: drops every item that duplicates an earlier one in the same retrain's data. Two
 * items are duplicates when they share the domain's {@link Domain#duplicateKey}: with {@code
 * resolution} 0, exact duplicates (the same category, the same sentence); above 0, near duplicates,
 * whose every payload value rounds to the same multiple of the resolution.
 */
public final class Dedup implements Stage {
  /** The registered name. */
  public static final String NAME = "dedup";

  private final Domain domain;
  private final double resolution;

  /** A dedup stage at the given resolution (0: exact). */
  public Dedup(Domain domain, double resolution) {
    this.domain = domain;
    this.resolution = resolution;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Output apply(TrainingData in) {
    Set<Long> seen = new HashSet<>();
    boolean[] keep = new boolean[in.size()];
    for (int i = 0; i < keep.length; i++) {
      keep[i] = seen.add(domain.duplicateKey(in.items().payload(), i, resolution));
    }
    return Output.filtered(in.keep(keep));
  }
}
