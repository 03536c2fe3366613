package ouroboros.agents.rng;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** Streams depend on the seed, the agent id and the purpose, and on nothing else. */
class RngStreamsTest {
  private static long[] draw(RngStreams s, String id, String purpose) {
    var rng = s.stream(id, purpose);
    return new long[] {rng.nextLong(), rng.nextLong(), rng.nextLong()};
  }

  @Test
  void stream_sameKey_sameSequenceWhateverTheOrder() {
    RngStreams a = new RngStreams(42);
    long[] first = draw(a, "lab-a", "publish");
    draw(a, "lab-b", "publish");
    assertEquals(first[2], draw(new RngStreams(42), "lab-a", "publish")[2]);
  }

  @Test
  void stream_differentSeedAgentOrPurpose_differentSequence() {
    RngStreams s = new RngStreams(42);
    long x = draw(s, "lab-a", "publish")[0];
    assertNotEquals(x, draw(s, "lab-b", "publish")[0]);
    assertNotEquals(x, draw(s, "lab-a", "crawl")[0]);
    assertNotEquals(x, draw(new RngStreams(43), "lab-a", "publish")[0]);
    assertNotEquals(RngStreams.replicateSeed(1, 0), RngStreams.replicateSeed(1, 1));
  }

  @Test
  void stream_isRandomSourcesLxmOnTheSameSeedWords() {
    // The stream is built by its constructor; RandomSource's reflective factory gives the same.
    org.apache.commons.rng.core.source64.SplitMix64 mixer =
        new org.apache.commons.rng.core.source64.SplitMix64(
            7L ^ RngStreams.fnv1a64("model-3\u0000publish"));
    mixer.nextLong();
    long[] words = {mixer.nextLong(), mixer.nextLong(), mixer.nextLong(), mixer.nextLong()};
    var reference = org.apache.commons.rng.simple.RandomSource.L64_X128_MIX.create(words);
    var stream = new RngStreams(7L).stream("model-3", "publish");
    for (int i = 0; i < 100; i++) {
      assertEquals(reference.nextLong(), stream.nextLong(), "draw " + i);
    }
  }
}
