package ouroboros.agents.crawl;

import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import ouroboros.agents.data.Items;
import ouroboros.agents.web.Ranges;
import ouroboros.agents.web.WebView;

/**
 * A fixed mix of sites: site s gets the share w_s/Σw of the n items, rounded by the largest
 * remainder ({@link Shares}), drawn uniformly without replacement from its visible items. A site
 * with fewer visible items than its share gives all it has and the crawl returns fewer than n: the
 * mix is the experiment, so nothing is moved to other sites. What it models: a lab that samples
 * forums, news and code in set proportions.
 */
public final class SiteMixCrawl implements CrawlPolicy {
  /** The registered name. */
  public static final String NAME = "site-mix";

  private final int[] sites;
  private final double[] weights;

  /** A mix over {@code settings.sites()} (every site when empty) by {@code settings.weights()}. */
  public SiteMixCrawl(CrawlSettings settings) {
    Objects.requireNonNull(settings, "settings");
    this.sites = settings.sites();
    this.weights = settings.weights();
    if (sites.length > 0 && weights.length != sites.length) {
      throw new IllegalArgumentException(
          "weights has " + weights.length + " entries for " + sites.length + " sites");
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Items crawl(WebView web, int n, UniformRandomProvider rng) {
    int[] visited = CrawlSettings.visited(sites, web.siteCount());
    if (weights.length != visited.length) {
      throw new IllegalArgumentException(
          "weights has " + weights.length + " entries for " + visited.length + " sites");
    }
    Ranges[] sets = new Ranges[visited.length];
    long[] capacity = new long[visited.length];
    for (int i = 0; i < visited.length; i++) {
      sets[i] = web.siteRanges(new int[] {visited[i]}, Integer.MIN_VALUE);
      capacity[i] = sets[i].size();
    }
    return Draw.shares(web, sets, Shares.split(n, weights, capacity, false), rng);
  }
}
