package ouroboros.agents.crawl;

import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import ouroboros.agents.data.Items;
import ouroboros.agents.web.WebView;

/**
 * Uniform without replacement over the visible items of the visited sites published in the last W
 * ticks, t − W + 1 to t at a crawl at tick t. Retention still applies: a window longer than the
 * web's retention sees only what the web kept. What it models: a crawler that reads only fresh
 * pages (a news feed, a recency-biased index).
 */
public final class RecentCrawl implements CrawlPolicy {
  /** The registered name. */
  public static final String NAME = "recent";

  private final int[] sites;
  private final int window;

  /** The last {@code settings.window()} ticks of {@code settings.sites()} (every site: empty). */
  public RecentCrawl(CrawlSettings settings) {
    Objects.requireNonNull(settings, "settings");
    this.sites = settings.sites();
    this.window = settings.window();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Items crawl(WebView web, int n, UniformRandomProvider rng) {
    int[] visited = CrawlSettings.visited(sites, web.siteCount());
    long from = (long) web.tick() - window + 1;
    int fromTick = (int) Math.max(Integer.MIN_VALUE, from);
    return Draw.gather(web, Draw.from(web.siteRanges(visited, fromTick), n, rng));
  }
}
