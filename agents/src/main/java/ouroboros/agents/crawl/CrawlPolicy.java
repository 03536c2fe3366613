package ouroboros.agents.crawl;

import org.apache.commons.rng.UniformRandomProvider;
import ouroboros.agents.data.Items;
import ouroboros.agents.web.WebView;

/**
 * How a model chooses what to scrape from a web snapshot. Policies are plain Java, free of actor
 * code, and registered by name in {@link CrawlPolicies}.
 */
public interface CrawlPolicy {

  /** The registered name. */
  String name();

  /**
   * Scrapes up to {@code n} distinct items from the snapshot. Returns fewer when fewer are visible
   * to this policy.
   */
  Items crawl(WebView web, int n, UniformRandomProvider rng);
}
