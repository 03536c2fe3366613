package ouroboros.agents.rng;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.SplitMix64;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** An agent's stream keeps one normal sampler, which draws what a new sampler per draw would. */
class NormalsTest {
  /** Draws per comparison: enough to reach the ziggurat's edge and tail samples many times. */
  private static final int DRAWS = 100_000;

  @Test
  void of_agentStream_sameSamplerEveryCall() {
    UniformRandomProvider rng = new RngStreams(42).stream("m1", "publish");
    assertSame(Normals.of(rng), Normals.of(rng));
    assertNotSame(Normals.of(rng), Normals.of(new RngStreams(42).stream("m2", "publish")));
  }

  @Test
  void of_agentStream_drawsWhatANewSamplerPerDrawDrawsFromTheSameGenerator() {
    UniformRandomProvider kept = new RngStreams(7).stream("m1", "publish");
    UniformRandomProvider plain = RandomSource.L64_X128_MIX.create(words(7, "m1", "publish"));
    for (int i = 0; i < DRAWS; i++) {
      double want = ZigguratSampler.NormalizedGaussian.of(plain).sample();
      assertEquals(want, Normals.of(kept).sample(), "draw " + i);
    }
    assertEquals(plain.nextLong(), kept.nextLong(), "the same numbers used");
  }

  @Test
  void of_restoredStream_keptSamplerDrawsFromTheRestoredState() {
    RestorableUniformRandomProvider rng =
        (RestorableUniformRandomProvider) new RngStreams(3).stream("m1", "publish");
    ZigguratSampler.NormalizedGaussian normal = Normals.of(rng);
    normal.sample();
    var state = rng.saveState();
    double[] first = new double[DRAWS];
    for (int i = 0; i < DRAWS; i++) {
      first[i] = normal.sample();
    }
    rng.restoreState(state);
    double[] again = new double[DRAWS];
    for (int i = 0; i < DRAWS; i++) {
      again[i] = Normals.of(rng).sample();
    }
    assertArrayEquals(first, again);
  }

  /** The seed words RngStreams makes for a key (its documented construction). */
  private static long[] words(long seed, String id, String purpose) {
    SplitMix64 mixer = new SplitMix64(seed ^ RngStreams.fnv1a64(id + '\u0000' + purpose));
    mixer.nextLong();
    return new long[] {mixer.nextLong(), mixer.nextLong(), mixer.nextLong(), mixer.nextLong()};
  }
}
