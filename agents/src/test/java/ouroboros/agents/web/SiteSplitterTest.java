package ouroboros.agents.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Site mixes and the quota split of an agent's items among its sites. */
class SiteSplitterTest {

  @Test
  void assign_threeSites_everyCountWithinOneItemOfItsQuotaAtAllTimes() {
    SiteMix mix = new SiteMix(new short[] {2, 0, 5}, new double[] {0.5, 0.3, 0.2});
    SiteSplitter splitter = new SiteSplitter(mix);
    long[] counts = new long[3];
    long total = 0;
    int[] batches = {1, 7, 0, 13, 2, 100, 3, 31};
    for (int n : batches) {
      short[] sites = splitter.assign(n);
      assertEquals(n, sites.length);
      for (short s : sites) {
        counts[s == 2 ? 0 : s == 0 ? 1 : 2]++;
        total++;
        for (int k = 0; k < 3; k++) {
          double quota = total * mix.shares()[k];
          assertTrue(Math.abs(counts[k] - quota) < 1, "site " + k + " after " + total);
        }
      }
    }
  }

  @Test
  void split_sameAsAssign_deterministic() {
    SiteMix mix = new SiteMix(new short[] {0, 1}, new double[] {0.7, 0.3});
    SiteSplitter a = new SiteSplitter(mix);
    SiteSplitter b = new SiteSplitter(mix);
    for (int n : new int[] {10, 3, 3, 3, 41}) {
      short[] sites = a.assign(n);
      long zeros = 0;
      for (short s : sites) {
        zeros += s == 0 ? 1 : 0;
      }
      assertArrayEquals(new long[] {zeros, n - zeros}, b.split(n));
    }
    assertArrayEquals(new long[] {7, 3}, new SiteSplitter(mix).split(10));
  }

  @Test
  void single_everyItemToItsSite() {
    assertArrayEquals(new short[] {4, 4, 4}, new SiteSplitter(SiteMix.single((short) 4)).assign(3));
    assertTrue(SiteMix.single((short) 4).isSingle());
    assertEquals(0.0, SiteMix.single((short) 4).shareOf(3));
  }

  @Test
  void mix_badShares_refusedWithTheValue() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new SiteMix(new short[] {0, 1}, new double[] {0.7, 0.4}));
    assertTrue(e.getMessage().contains("shares do not sum to 1"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> new SiteMix(new short[] {0, 1}, new double[] {1.0, 0.0}));
    assertThrows(IllegalArgumentException.class, () -> new SiteMix(new short[0], new double[0]));
  }
}
