package ouroboros.agents.crawl;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import ouroboros.agents.data.Items;
import ouroboros.agents.web.Ranges;
import ouroboros.agents.web.WebView;

/** Uniform draws without replacement from sets of global indices, shared by the policies. */
final class Draw {
  private Draw() {}

  /** min(n, size) distinct members of {@code from}, uniformly (Floyd's algorithm), ascending. */
  static long[] from(Ranges from, int n, UniformRandomProvider rng) {
    long[] picks = UniformCrawl.sampleWithoutReplacement(from.size(), n, rng);
    from.getAll(picks);
    return picks; // the k-th member increases with k, so still ascending
  }

  /** The items at the union of disjoint index sets, in ascending global order. */
  static Items gather(WebView web, long[]... parts) {
    int n = 0;
    for (long[] p : parts) {
      n += p.length;
    }
    long[] all = new long[n];
    int at = 0;
    for (long[] p : parts) {
      System.arraycopy(p, 0, all, at, p.length);
      at += p.length;
    }
    Arrays.sort(all);
    return web.gather(all);
  }

  /** Draws each part's share from its set: the crawl of site-mix, popular and sources. */
  static Items shares(WebView web, Ranges[] sets, int[] shares, UniformRandomProvider rng) {
    long[][] parts = new long[sets.length][];
    for (int i = 0; i < sets.length; i++) {
      parts[i] = shares[i] == 0 ? new long[0] : from(sets[i], shares[i], rng);
    }
    return gather(web, parts);
  }
}
