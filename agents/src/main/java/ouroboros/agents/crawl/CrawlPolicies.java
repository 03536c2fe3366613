package ouroboros.agents.crawl;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The one registry of crawl policies, keyed by name, as in Caffeine's simulator. An unknown name
 * fails with the list of known names. Every policy returns up to n distinct items that the snapshot
 * shows, so each respects the web's retention.
 *
 * <ul>
 *   <li>{@value UniformCrawl#NAME}: uniform over the visited sites' items;
 *   <li>{@value SiteMixCrawl#NAME}: a fixed share per site;
 *   <li>{@value RecentCrawl#NAME}: uniform over the items of the last W ticks;
 *   <li>{@value PopularCrawl#NAME}: site shares proportional to site size to a power;
 *   <li>{@value ExcludeOwnCrawl#NAME}: uniform over the items the model did not write;
 *   <li>{@value SourcesCrawl#NAME}: a fixed share per source agent (static-graph mode, set by a
 *       model's {@code trains-on}, not by its {@code crawl}).
 * </ul>
 */
public final class CrawlPolicies {
  private static final Map<String, Function<CrawlSettings, CrawlPolicy>> REGISTRY = new TreeMap<>();

  static {
    REGISTRY.put(UniformCrawl.NAME, s -> new UniformCrawl(s.sites()));
    REGISTRY.put(SiteMixCrawl.NAME, SiteMixCrawl::new);
    REGISTRY.put(RecentCrawl.NAME, RecentCrawl::new);
    REGISTRY.put(PopularCrawl.NAME, PopularCrawl::new);
    REGISTRY.put(ExcludeOwnCrawl.NAME, ExcludeOwnCrawl::new);
    REGISTRY.put(SourcesCrawl.NAME, SourcesCrawl::new);
  }

  private CrawlPolicies() {}

  /** Every registered name, sorted. */
  public static List<String> names() {
    return List.copyOf(REGISTRY.keySet());
  }

  /**
   * The names a scenario's {@code crawl.policy} may take, sorted: all but {@value
   * SourcesCrawl#NAME}, which a model's {@code trains-on} sets.
   */
  public static List<String> crawlNames() {
    return names().stream().filter(n -> !n.equals(SourcesCrawl.NAME)).toList();
  }

  /** Creates the named policy over the given site indices (empty: every site). */
  public static CrawlPolicy create(String name, int[] sites) {
    return create(name, CrawlSettings.ofSites(sites));
  }

  /** Creates the named policy from its settings. */
  public static CrawlPolicy create(String name, CrawlSettings settings) {
    Function<CrawlSettings, CrawlPolicy> factory = REGISTRY.get(name);
    if (factory == null) {
      throw new IllegalArgumentException(
          "unknown crawl policy '" + name + "'; known policies: " + names());
    }
    return factory.apply(settings);
  }
}
