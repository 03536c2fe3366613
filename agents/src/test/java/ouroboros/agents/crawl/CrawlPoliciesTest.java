package ouroboros.agents.crawl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import ouroboros.agents.data.Items;

/**
 * The registered crawl policies on a small web: what each may see, how each splits n, and that each
 * returns distinct items. Frequencies are checked with bounds of 6 binomial sd, each with a
 * false-failure rate below 2e-9 per count.
 */
class CrawlPoliciesTest {
  private static final int MIN = Integer.MIN_VALUE;

  private static UniformRandomProvider rng(long seed) {
    return RandomSource.SPLIT_MIX_64.create(seed);
  }

  private static CrawlSettings settings(
      int self, int[] sites, double[] weights, int window, double exponent, int[] sources) {
    return new CrawlSettings(self, sites, weights, window, exponent, sources);
  }

  /** How many returned items have value v in column c. */
  private static long count(int[] column, int v) {
    return Arrays.stream(column).filter(x -> x == v).count();
  }

  private static void assertDistinct(Items got) {
    assertEquals(
        got.size(),
        Arrays.stream(got.payload().values()).distinct().count(),
        "without replacement");
  }

  /** Three ticks on three sites: authors 0 (site 0), 1 (sites 0 and 1), 2 (site 2). */
  private static ListWeb web() {
    ListWeb w = new ListWeb(3);
    for (int t = 0; t < 3; t++) {
      w.add(t, 0, 0, 10).add(t, 0, 1, 10).add(t, 1, 1, 20).add(t, 2, 2, 5);
    }
    return w;
  }

  @Test
  void registry_namesAndUnknownName() {
    assertEquals(
        java.util.List.of("exclude-own", "popular", "recent", "site-mix", "sources", "uniform"),
        CrawlPolicies.names());
    assertFalse(CrawlPolicies.crawlNames().contains("sources"), "trains-on sets it");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> CrawlPolicies.create("pagerank", new int[0]));
    assertTrue(
        e.getMessage().contains("pagerank") && e.getMessage().contains("site-mix"), e.getMessage());
  }

  @Test
  void shares_largestRemainder_tiesToLowerIndexAndCapacity() {
    long big = Long.MAX_VALUE;
    assertArrayEquals(
        new int[] {4, 3, 3},
        Shares.split(10, new double[] {1, 1, 1}, new long[] {big, big, big}, false));
    assertArrayEquals(
        new int[] {7, 2, 1},
        Shares.split(10, new double[] {0.7, 0.2, 0.1}, new long[] {big, big, big}, false));
    assertArrayEquals(
        new int[] {2, 5, 0},
        Shares.split(10, new double[] {1, 1, 0}, new long[] {2, big, big}, false),
        "a full part's rest is dropped");
    assertArrayEquals(
        new int[] {2, 8, 0},
        Shares.split(10, new double[] {1, 1, 0}, new long[] {2, big, big}, true),
        "or moved to the others");
    assertArrayEquals(
        new int[] {0, 5, 0},
        Shares.split(10, new double[] {1, 1, 0}, new long[] {0, big, big}, false),
        "an empty part still takes its quota");
  }

  @Test
  void siteMix_splitsByWeightUniformWithinSites() {
    ListWeb w = web();
    CrawlPolicy p =
        CrawlPolicies.create(
            "site-mix", settings(-1, new int[] {0, 1}, new double[] {3, 1}, 1, 1, new int[0]));
    Items got = p.crawl(w, 40, rng(1));
    assertEquals(40, got.size());
    assertDistinct(got);
    assertEquals(30, count(w.column(got, 1), 0));
    assertEquals(10, count(w.column(got, 1), 1));
    // Site 1 holds 60 items, site 0 60: asked for 100 at 1:1, each gives its 50.
    Items half =
        CrawlPolicies.create(
                "site-mix", settings(-1, new int[] {0, 2}, new double[] {1, 1}, 1, 1, new int[0]))
            .crawl(w, 100, rng(2));
    assertEquals(50 + 15, half.size(), "site 2 has only 15 of its 50: the mix is kept");
  }

  @Test
  void recent_onlyTheLastWindowTicks() {
    ListWeb w = web();
    CrawlPolicy p =
        CrawlPolicies.create("recent", settings(-1, new int[0], new double[0], 2, 1, new int[0]));
    Items all = p.crawl(w, 1000, rng(3));
    assertEquals(90, all.size(), "ticks 1 and 2, every site");
    assertTrue(Arrays.stream(w.column(all, 0)).allMatch(t -> t >= 1));
    Items some =
        CrawlPolicies.create("recent", settings(-1, new int[] {2}, new double[0], 1, 1, new int[0]))
            .crawl(w, 3, rng(4));
    assertEquals(3, some.size());
    assertTrue(Arrays.stream(w.column(some, 0)).allMatch(t -> t == 2));
    assertTrue(Arrays.stream(w.column(some, 1)).allMatch(s -> s == 2));
  }

  @Test
  void recent_uniformOverTheWindow() {
    // 20,000 crawls of 9 from the 90 items of ticks 1..2: each item is taken 2,000 times in
    // expectation, sd sqrt(20000 * 0.1 * 0.9) = 42.4.
    ListWeb w = web();
    CrawlPolicy p =
        CrawlPolicies.create("recent", settings(-1, new int[0], new double[0], 2, 1, new int[0]));
    int[] hits = new int[(int) w.size()];
    UniformRandomProvider r = rng(5);
    for (int rep = 0; rep < 20_000; rep++) {
      for (double x : p.crawl(w, 9, r).payload().values()) {
        hits[(int) x]++;
      }
    }
    for (int i = 0; i < hits.length; i++) {
      if (i < 45) {
        assertEquals(0, hits[i], "tick 0 is outside the window");
      } else {
        assertEquals(2000, hits[i], 6 * 42.4);
      }
    }
  }

  @Test
  void popular_sharesFollowSizeToThePower() {
    ListWeb w = web(); // site sizes 60, 60, 15
    Items e1 =
        CrawlPolicies.create("popular", settings(-1, new int[0], new double[0], 1, 1, new int[0]))
            .crawl(w, 27, rng(6));
    int[] site = w.column(e1, 1);
    assertArrayEquals(
        new long[] {12, 12, 3},
        new long[] {count(site, 0), count(site, 1), count(site, 2)},
        "exponent 1: shares 60:60:15");
    Items e2 =
        CrawlPolicies.create("popular", settings(-1, new int[0], new double[0], 1, 2, new int[0]))
            .crawl(w, 33, rng(7));
    site = w.column(e2, 1);
    assertArrayEquals(
        new long[] {16, 16, 1},
        new long[] {count(site, 0), count(site, 1), count(site, 2)},
        "exponent 2: shares 3600:3600:225");
    Items e0 =
        CrawlPolicies.create("popular", settings(-1, new int[0], new double[0], 1, 0, new int[0]))
            .crawl(w, 90, rng(8));
    site = w.column(e0, 1);
    assertArrayEquals(
        new long[] {38, 37, 15},
        new long[] {count(site, 0), count(site, 1), count(site, 2)},
        "exponent 0: 30 each, and site 2's missing 15 go to the others");
    assertDistinct(e0);
  }

  @Test
  void excludeOwn_neverTheModelsOwnItems() {
    ListWeb w = web();
    CrawlPolicy p =
        CrawlPolicies.create(
            "exclude-own", settings(1, new int[0], new double[0], 1, 1, new int[0]));
    Items all = p.crawl(w, 1000, rng(9));
    assertEquals(45, all.size(), "authors 0 and 2: 3 x (10 + 5)");
    assertEquals(0, count(w.column(all, 2), 1));
    Items some = p.crawl(w, 20, rng(10));
    assertEquals(20, some.size());
    assertDistinct(some);
    assertEquals(0, count(w.column(some, 2), 1));
    Items site1 =
        CrawlPolicies.create(
                "exclude-own", settings(1, new int[] {1}, new double[0], 1, 1, new int[0]))
            .crawl(w, 5, rng(11));
    assertEquals(0, site1.size(), "site 1 holds only its own items");
  }

  @Test
  void sources_sharesByWeightAcrossSites() {
    ListWeb w = web();
    CrawlPolicy p =
        CrawlPolicies.create(
            "sources", settings(-1, new int[0], new double[] {1, 3}, 1, 1, new int[] {0, 1}));
    Items got = p.crawl(w, 40, rng(12));
    assertEquals(40, got.size());
    assertDistinct(got);
    int[] author = w.column(got, 2);
    assertEquals(10, count(author, 0));
    assertEquals(30, count(author, 1));
    int[] site = w.column(got, 1);
    assertTrue(count(site, 1) > 0 && count(site, 0) > 10, "author 1 is read on both its sites");
    Items missing =
        CrawlPolicies.create(
                "sources", settings(-1, new int[0], new double[] {1, 1}, 1, 1, new int[] {2, 7}))
            .crawl(w, 20, rng(13));
    assertEquals(10, missing.size(), "agent 7 wrote nothing: its half is not made up elsewhere");
  }

  @Test
  void uniform_defaultSettings_sameDrawsAsBefore() {
    ListWeb w = web();
    Items a = CrawlPolicies.create("uniform", new int[0]).crawl(w, 17, rng(14));
    Items b = new UniformCrawl(new int[0]).crawl(w, 17, rng(14));
    assertArrayEquals(b.payload().values(), a.payload().values());
  }
}
