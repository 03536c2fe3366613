package ouroboros.agents.crawl;

import java.util.Arrays;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import ouroboros.agents.data.Items;
import ouroboros.agents.web.Ranges;
import ouroboros.agents.web.WebView;

/**
 * Scrapes items uniformly at random, without replacement, from the visible items of a set of sites
 * (every site when the set is empty). Draws indices with Floyd's algorithm (Bentley and Floyd, "A
 * sample of brilliance", CACM 1987), which costs O(n) whatever the size of the web.
 */
public final class UniformCrawl implements CrawlPolicy {
  /** The registered name. */
  public static final String NAME = "uniform";

  private final int[] sites;

  /**
   * Whether no site is listed twice, so that a crawl that takes everything takes each site once.
   */
  private final boolean distinct;

  /** A uniform crawl over the given site indices; an empty array means every site. */
  public UniformCrawl(int[] sites) {
    this.sites = Objects.requireNonNull(sites, "sites").clone();
    this.distinct = Arrays.stream(this.sites).distinct().count() == this.sites.length;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Items crawl(WebView web, int n, UniformRandomProvider rng) {
    int[] visited = sites.length == 0 ? allSites(web.siteCount()) : sites;
    long[] sizes = new long[visited.length];
    long total = 0;
    for (int i = 0; i < visited.length; i++) {
      sizes[i] = web.siteSize(visited[i]);
      total += sizes[i];
    }
    if (n >= total && distinct) {
      // Every visited item, as sampleWithoutReplacement would take them (drawing nothing): the
      // visited sites' ranges, copied range by range.
      return web.gather(
          sites.length == 0
              ? new Ranges.Builder().add(0, total).build()
              : web.siteRanges(visited, Integer.MIN_VALUE));
    }
    long[] picks = sampleWithoutReplacement(total, n, rng);
    return web.gather(indices(web, visited, sizes, picks));
  }

  /**
   * The global indices of ascending picks over the visited sites' items, ascending, written over
   * the picks themselves (their array is returned).
   */
  private static long[] indices(WebView web, int[] visited, long[] sizes, long[] picks) {
    // picks ascend, so each visited site's picks are one run: mapped to the web in one call.
    int i = 0;
    long before = 0;
    for (int s = 0; s < visited.length && i < picks.length; s++) {
      long end = before + sizes[s];
      int j = i;
      while (j < picks.length && picks[j] < end) {
        picks[j++] -= before;
      }
      if (j > i) {
        web.siteItems(visited[s], picks, i, j, picks);
      }
      before = end;
      i = j;
    }
    if (!ascending(picks)) {
      Arrays.sort(picks); // one site's items ascend; several sites' interleave
    }
    return picks;
  }

  /** Sorted distinct values from [0, total), min(n, total) of them, chosen uniformly. */
  static long[] sampleWithoutReplacement(long total, int n, UniformRandomProvider rng) {
    if (n >= total) {
      long[] all = new long[(int) total];
      for (int i = 0; i < all.length; i++) {
        all[i] = i;
      }
      return all;
    }
    LongSet chosen = LongSet.empty(n);
    long[] out = new long[n];
    int at = 0;
    for (long j = total - n; j < total; j++) {
      long t = rng.nextLong(j + 1);
      long pick = chosen.add(t) ? t : j;
      if (pick == j) {
        chosen.add(j);
      }
      out[at++] = pick;
    }
    Arrays.sort(out);
    return out;
  }

  /** Whether the values ascend (one site's items always do). */
  private static boolean ascending(long[] values) {
    for (int i = 1; i < values.length; i++) {
      if (values[i] < values[i - 1]) {
        return false;
      }
    }
    return true;
  }

  /** Indices 0..count-1. */
  private static int[] allSites(int count) {
    int[] all = new int[count];
    for (int i = 0; i < count; i++) {
      all[i] = i;
    }
    return all;
  }
}
