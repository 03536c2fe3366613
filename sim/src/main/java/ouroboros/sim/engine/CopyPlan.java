package ouroboros.sim.engine;

import java.util.List;
import java.util.Objects;
import ouroboros.agents.domain.Domain;
import ouroboros.agents.rng.RngStreams;

/**
 * The independent copies a world is made of (a scenario's {@code copies:}): each copy's index, seed
 * and domain, and the copy of each agent. An agent of copy i gets copy i's domain and random
 * streams split from copy i's seed and its id without the suffix {@code .c<i>}.
 *
 * @param first the index of the first copy
 * @param seeds each copy's seed, in copy order
 * @param domains each copy's domain, in copy order
 * @param agentCopy for each agent index (humans, then models), its copy's position in the lists
 */
public record CopyPlan(int first, long[] seeds, List<Domain> domains, int[] agentCopy) {
  /** What separates an id from its copy index: copy 3 of {@code replace} is {@code replace.c3}. */
  public static final String SUFFIX = ".c";

  private static final java.util.regex.Pattern SUFFIXED =
      java.util.regex.Pattern.compile("^(.+)\\.c(0|[1-9][0-9]*)$");

  /** The id of {@code id}'s copy {@code copy}. */
  public static String id(String id, int copy) {
    return id + SUFFIX + copy;
  }

  /** An id without its copy suffix, or null when it has none ({@code web}, a site's rows). */
  public static String base(String id) {
    var m = SUFFIXED.matcher(id);
    return m.matches() ? m.group(1) : null;
  }

  /** Checks the sizes and copies the arrays. */
  public CopyPlan {
    seeds = seeds.clone();
    domains = List.copyOf(domains);
    agentCopy = agentCopy.clone();
    if (seeds.length != domains.size() || seeds.length == 0) {
      throw new IllegalArgumentException(
          "one seed and one domain per copy: " + seeds.length + " and " + domains.size());
    }
    for (int c : agentCopy) {
      Objects.checkIndex(c, seeds.length);
    }
  }

  /** Number of copies. */
  public int count() {
    return seeds.length;
  }

  /** The copy index (from {@link #first}) of the copy at {@code position}. */
  public int index(int position) {
    return first + position;
  }

  /** Copy {@code position}'s seed. */
  public long seed(int position) {
    return seeds[position];
  }

  /** The domain agent {@code agent} sees. */
  public Domain domainOf(int agent) {
    return domains.get(agentCopy[agent]);
  }

  /** The random streams of agent {@code agent}. */
  public RngStreams streamsOf(int agent) {
    int c = agentCopy[agent];
    return new RngStreams(seeds[c], SUFFIX + index(c));
  }

  /** Each copy's seed (a copy). */
  @Override
  public long[] seeds() {
    return seeds.clone();
  }

  /** Each agent's copy position (a copy). */
  @Override
  public int[] agentCopy() {
    return agentCopy.clone();
  }
}
