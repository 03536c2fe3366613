package ouroboros.sim.scenario.crawl;

import ouroboros.agents.crawl.CrawlPolicies;
import ouroboros.agents.crawl.CrawlPolicy;
import ouroboros.agents.crawl.ExcludeOwnCrawl;

/** {@code exclude-own}: uniform over the items the model did not write itself. */
public record ExcludeOwnCrawlSpec() implements CrawlPolicySpec {
  @Override
  public CrawlPolicy create(int self, int[] sites) {
    return CrawlPolicies.create(ExcludeOwnCrawl.NAME, CrawlPolicySpec.neutral(self, sites));
  }
}
