package ouroboros.agents.rng;

import java.nio.charset.StandardCharsets;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.SplitMix64;

/**
 * Independent random streams, one per (scenario seed, agent id, purpose).
 *
 * <p>Each stream is an {@code L64_X128_MIX} generator from the LXM family (Steele and Vigna, "LXM:
 * better splittable pseudorandom number generators", OOPSLA 2021), the family Commons RNG provides
 * for splittable streams. Its four seed words come from a {@link SplitMix64} keyed by the scenario
 * seed and a 64-bit hash of the agent id and purpose, so that the LXM additive parameter, which
 * selects the stream, differs between agents. A stream depends only on the seed and its own id:
 * adding an agent, reordering agents or changing the thread count changes no other agent's stream.
 */
public final class RngStreams {
  private final long seed;
  private final String suffix;

  /** Streams derived from the scenario seed. */
  public RngStreams(long seed) {
    this(seed, null);
  }

  /**
   * Streams derived from a seed, for agents whose ids carry {@code suffix} (the copies of a world,
   * {@code ID.c3}): an id ending with it gets the stream of the id without it, so a copy's agents
   * draw what the same agents draw in a world of their own with this seed.
   */
  public RngStreams(long seed, String suffix) {
    this.seed = seed;
    this.suffix = suffix;
  }

  /** The scenario seed. */
  public long seed() {
    return seed;
  }

  /** The stream for an agent and a purpose, such as {@code "publish"} or {@code "crawl"}. */
  public UniformRandomProvider stream(String agentId, String purpose) {
    if (suffix != null && agentId.endsWith(suffix)) {
      agentId = agentId.substring(0, agentId.length() - suffix.length());
    }
    SplitMix64 mixer = new SplitMix64(seed ^ fnv1a64(agentId + '\u0000' + purpose));
    mixer.nextLong(); // decorrelate nearby keys before drawing the seed words
    long[] words = {mixer.nextLong(), mixer.nextLong(), mixer.nextLong(), mixer.nextLong()};
    // The constructor RandomSource.L64_X128_MIX.create(words) calls, without its reflection, in a
    // subclass that keeps a normal sampler on itself (AgentStream).
    return new AgentStream(words);
  }

  /** Seed of replicate {@code i} derived from a base seed (MASON's replicate convention). */
  public static long replicateSeed(long baseSeed, int replicate) {
    SplitMix64 mixer = new SplitMix64(baseSeed ^ fnv1a64("replicate\u0000" + replicate));
    return mixer.nextLong();
  }

  /** FNV-1a 64-bit hash of the UTF-8 bytes of a string. */
  static long fnv1a64(String s) {
    long h = 0xcbf29ce484222325L;
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      h ^= (b & 0xff);
      h *= 0x100000001b3L;
    }
    return h;
  }
}
