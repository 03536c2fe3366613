package ouroboros.sim.scenario.crawl;

import ouroboros.agents.crawl.CrawlPolicies;
import ouroboros.agents.crawl.CrawlPolicy;
import ouroboros.agents.crawl.UniformCrawl;

/** {@code uniform}: uniform over the visited sites' items (by default the whole web). */
public record UniformCrawlSpec() implements CrawlPolicySpec {
  @Override
  public CrawlPolicy create(int self, int[] sites) {
    return CrawlPolicies.create(UniformCrawl.NAME, CrawlPolicySpec.neutral(self, sites));
  }
}
