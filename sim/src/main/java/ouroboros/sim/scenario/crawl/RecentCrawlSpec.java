package ouroboros.sim.scenario.crawl;

import ouroboros.agents.crawl.CrawlSettings;
import ouroboros.agents.crawl.RecentCrawl;
import ouroboros.agents.spec.Key;

/**
 * {@code recent}: uniform over the items published in the last {@code window} ticks.
 *
 * @param window the last W ticks, t − W + 1 to t (default 10)
 */
public record RecentCrawlSpec(
    @Key(
            doc = "recent only: read the items published in the last W ticks, t - W + 1 to t.",
            min = 1,
            def = "10",
            expect = "a number of ticks of at least 1")
        Integer window)
    implements CrawlPolicySpec {
  @Override
  public RecentCrawl create(int self, int[] sites) {
    return new RecentCrawl(new CrawlSettings(self, sites, new double[0], window, 1.0, new int[0]));
  }
}
