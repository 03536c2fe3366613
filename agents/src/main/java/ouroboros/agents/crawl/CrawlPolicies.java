package ouroboros.agents.crawl;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The one registry of crawl policies, keyed by name, as in Caffeine's simulator. An unknown name
 * fails with the list of known names. Later policies (site mixes, recency windows, popularity,
 * excluding a model's own output) register here.
 */
public final class CrawlPolicies {
  private static final Map<String, Function<int[], CrawlPolicy>> REGISTRY = new TreeMap<>();

  static {
    REGISTRY.put(UniformCrawl.NAME, UniformCrawl::new);
  }

  private CrawlPolicies() {}

  /** The registered names, sorted. */
  public static List<String> names() {
    return List.copyOf(REGISTRY.keySet());
  }

  /** Creates the named policy over the given site indices (empty: every site). */
  public static CrawlPolicy create(String name, int[] sites) {
    Function<int[], CrawlPolicy> factory = REGISTRY.get(name);
    if (factory == null) {
      throw new IllegalArgumentException(
          "unknown crawl policy '" + name + "'; known policies: " + names());
    }
    return factory.apply(sites);
  }
}
