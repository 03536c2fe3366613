package ouroboros.agents.crawl;

import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import ouroboros.agents.data.Items;
import ouroboros.agents.web.Ranges;
import ouroboros.agents.web.WebView;

/**
 * Weighted by popularity: site s gets a share of the n items proportional to N_s^e, N_s its visible
 * items and e the exponent, rounded by the largest remainder ({@link Shares}), each share drawn
 * uniformly without replacement within its site. A site too small for its share gives all it has
 * and the rest goes to the other sites by the same rule, so the crawl returns n items whenever the
 * visited sites hold n. With e = 1 each site's share is its share of the items (a stratified
 * uniform crawl); e > 1 favours the big sites (rich get richer), e = 0 splits evenly across sites
 * whatever their size. What it models: a crawl that follows traffic, with site size standing in for
 * traffic.
 */
public final class PopularCrawl implements CrawlPolicy {
  /** The registered name. */
  public static final String NAME = "popular";

  private final int[] sites;
  private final double exponent;

  /** Popularity over {@code settings.sites()} (every site: empty) with its exponent. */
  public PopularCrawl(CrawlSettings settings) {
    Objects.requireNonNull(settings, "settings");
    this.sites = settings.sites();
    this.exponent = settings.exponent();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Items crawl(WebView web, int n, UniformRandomProvider rng) {
    int[] visited = CrawlSettings.visited(sites, web.siteCount());
    Ranges[] sets = new Ranges[visited.length];
    long[] capacity = new long[visited.length];
    double[] weights = new double[visited.length];
    long largest = 0;
    for (int i = 0; i < visited.length; i++) {
      sets[i] = web.siteRanges(new int[] {visited[i]}, Integer.MIN_VALUE);
      capacity[i] = sets[i].size();
      largest = Math.max(largest, capacity[i]);
    }
    for (int i = 0; i < visited.length; i++) {
      // (N_s / max N)^e: the same proportions as N_s^e, without overflow for a large e
      weights[i] = capacity[i] == 0 ? 0 : Math.pow((double) capacity[i] / largest, exponent);
    }
    return Draw.shares(web, sets, Shares.split(n, weights, capacity, true), rng);
  }
}
