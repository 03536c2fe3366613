package ouroboros.agents.crawl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * Floyd's draw without replacement behind every crawl, over the set each thread reuses: the same
 * draws and values as over a new set each time, whatever the sizes of the draws before.
 */
class FloydSampleTest {

  /** Floyd's algorithm over a new java.util set: the reference. */
  private static long[] reference(long total, int n, UniformRandomProvider rng) {
    Set<Long> chosen = new HashSet<>();
    long[] out = new long[n];
    int at = 0;
    for (long j = total - n; j < total; j++) {
      long t = rng.nextLong(j + 1);
      long pick = chosen.add(t) ? t : j;
      chosen.add(pick);
      out[at++] = pick;
    }
    Arrays.sort(out);
    return out;
  }

  @Test
  void sampleWithoutReplacement_afterLargerAndSmallerDraws_asOverANewSet() {
    // Sizes up and down, past the reused set's limit and back, so that a table left fuller or
    // larger by the draw before would show.
    int[] ns = {3, 100, 8192, 5, 8193, 2, 257, 256, 9000, 100, 1, 4000, 7};
    long[] totals = {4, 101, 10_000, 1L << 40};
    for (long seed = 0; seed < 3; seed++) {
      UniformRandomProvider a = RandomSource.SPLIT_MIX_64.create(seed);
      UniformRandomProvider b = RandomSource.SPLIT_MIX_64.create(seed);
      for (long total : totals) {
        for (int n : ns) {
          if (n >= total) {
            continue;
          }
          String at = "total " + total + ", n " + n + ", seed " + seed;
          assertArrayEquals(
              reference(total, n, b), UniformCrawl.sampleWithoutReplacement(total, n, a), at);
          assertEquals(b.nextLong(), a.nextLong(), at + ": the same number of draws");
        }
      }
    }
  }

  @Test
  void sampleWithoutReplacement_fewValues_allocatesOnlyItsResult() {
    // 100 of a million: the result is 100 longs (816 bytes with its header); a new set per draw
    // would add a table of 256 longs (2,064 bytes).
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(1L);
    for (int i = 0; i < 2_000; i++) {
      UniformCrawl.sampleWithoutReplacement(1_000_000, 100, rng);
    }
    long tid = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(tid);
    for (int i = 0; i < 1_000; i++) {
      UniformCrawl.sampleWithoutReplacement(1_000_000, 100, rng);
    }
    long perCall = (threads.getThreadAllocatedBytes(tid) - before) / 1_000;
    assertTrue(perCall < 1_400, "bytes allocated per call: " + perCall);
  }
}
