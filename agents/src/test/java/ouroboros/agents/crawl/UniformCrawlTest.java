package ouroboros.agents.crawl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import ouroboros.agents.data.AuthorKind;
import ouroboros.agents.data.Batch;
import ouroboros.agents.data.Items;
import ouroboros.agents.web.WebView;

/** Uniform crawling without replacement, over all sites or some. */
class UniformCrawlTest {

  /** A web of {@code perSite[s]} items on each site s, in site order; item i's payload is i. */
  private static WebView web(int... perSite) {
    int total = Arrays.stream(perSite).sum();
    int[] start = new int[perSite.length + 1];
    for (int s = 0; s < perSite.length; s++) {
      start[s + 1] = start[s] + perSite[s];
    }
    return new WebView() {
      @Override
      public int tick() {
        return 0;
      }

      @Override
      public long size() {
        return total;
      }

      @Override
      public int width() {
        return 1;
      }

      @Override
      public int siteCount() {
        return perSite.length;
      }

      @Override
      public long siteSize(int site) {
        return perSite[site];
      }

      @Override
      public long siteItem(int site, long k) {
        return start[site] + k;
      }

      @Override
      public Items gather(long[] indices) {
        // Each item's site column names the site siteItem places it on (WebView's contract).
        int n = indices.length;
        short[] sites = new short[n];
        byte[] kinds = new byte[n];
        Arrays.fill(kinds, AuthorKind.HUMAN);
        for (int i = 0; i < n; i++) {
          int site = Arrays.binarySearch(start, (int) indices[i]);
          sites[i] = (short) (site >= 0 ? nextNonEmpty(start, site) : -site - 2);
        }
        return new Items(
            new Batch(n, 1, Arrays.stream(indices).asDoubleStream().toArray()),
            new int[n],
            kinds,
            new int[n],
            new int[n],
            new float[n],
            new byte[n],
            sites);
      }
    };
  }

  /** The site at whose start index {@code start[s]} an item lies, skipping empty sites. */
  private static int nextNonEmpty(int[] start, int s) {
    while (s + 1 < start.length - 1 && start[s + 1] == start[s]) {
      s++;
    }
    return s;
  }

  @Test
  void crawl_everyItemOfListedSites_theSitesItemsInOrderWithoutDrawing() {
    UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(3L);
    UniformRandomProvider same = RandomSource.SPLIT_MIX_64.create(3L);
    // n exactly the sites' items, and more: the whole of sites 2 and 0, ascending, nothing drawn.
    for (int n : new int[] {25, 30}) {
      Items got = new UniformCrawl(new int[] {2, 0}).crawl(web(5, 20, 20), n, rng);
      double[] want = new double[25];
      for (int i = 0; i < 25; i++) {
        want[i] = i < 5 ? i : 20 + i;
      }
      assertArrayEquals(want, got.payload().values());
    }
    assertEquals(same.nextLong(), rng.nextLong(), "a crawl that takes everything draws nothing");
  }

  @Test
  void crawl_moreAskedThanVisible_takesEverything() {
    Items got =
        new UniformCrawl(new int[0]).crawl(web(3, 2), 10, RandomSource.SPLIT_MIX_64.create(1L));
    assertArrayEquals(new double[] {0, 1, 2, 3, 4}, got.payload().values());
  }

  @Test
  void crawl_someSites_onlyThoseAndDistinct() {
    UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(2L);
    for (int rep = 0; rep < 100; rep++) {
      double[] v = new UniformCrawl(new int[] {1}).crawl(web(5, 20, 5), 10, rng).payload().values();
      assertEquals(10, v.length);
      assertEquals(10, Arrays.stream(v).distinct().count(), "without replacement");
      assertTrue(Arrays.stream(v).allMatch(x -> x >= 5 && x < 25), Arrays.toString(v));
    }
  }

  @Test
  void crawl_uniform_everyItemEquallyLikely() {
    // 20,000 crawls of 5 from 50: each item is taken 2,000 times in expectation, with sd
    // sqrt(20000 * 0.1 * 0.9) = 42.4. Bounds of 6 sd over 50 items: false-failure rate 1e-7.
    int[] hits = new int[50];
    UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(3L);
    UniformCrawl crawl = new UniformCrawl(new int[0]);
    for (int rep = 0; rep < 20_000; rep++) {
      for (double x : crawl.crawl(web(10, 40), 5, rng).payload().values()) {
        hits[(int) x]++;
      }
    }
    for (int h : hits) {
      assertEquals(2000, h, 6 * 42.4);
    }
  }

  @Test
  void registry_unknownName_listsKnownNames() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> CrawlPolicies.create("pagerank", new int[0]));
    assertTrue(e.getMessage().contains("uniform]"), e.getMessage());
  }
}
