package ouroboros.agents.crawl;

import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import ouroboros.agents.data.Items;
import ouroboros.agents.web.WebView;

/**
 * Uniform without replacement over the visible items of the visited sites whose author is not the
 * crawling model itself. Items of other models, and its own output reposted by a person (laundered:
 * the author is then the person), are still taken. What it models: a lab that recognises and skips
 * its own output, and nothing else.
 */
public final class ExcludeOwnCrawl implements CrawlPolicy {
  /** The registered name. */
  public static final String NAME = "exclude-own";

  private final int[] sites;
  private final int self;

  /** Everything on {@code settings.sites()} (every site: empty) not written by {@code self}. */
  public ExcludeOwnCrawl(CrawlSettings settings) {
    Objects.requireNonNull(settings, "settings");
    this.sites = settings.sites();
    this.self = settings.self();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Items crawl(WebView web, int n, UniformRandomProvider rng) {
    int[] visited = CrawlSettings.visited(sites, web.siteCount());
    return Draw.gather(
        web,
        Draw.from(
            web.siteRanges(visited, Integer.MIN_VALUE).minus(web.authorRanges(self)), n, rng));
  }
}
