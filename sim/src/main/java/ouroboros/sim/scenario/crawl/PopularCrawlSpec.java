package ouroboros.sim.scenario.crawl;

import ouroboros.agents.crawl.CrawlSettings;
import ouroboros.agents.crawl.PopularCrawl;
import ouroboros.agents.spec.Key;

/**
 * {@code popular}: each site's share of n is proportional to its visible items to the power {@code
 * exponent}.
 *
 * @param exponent the power of site size (default 1)
 */
public record PopularCrawlSpec(
    @Key(
            doc =
                "popular only: a site's share of n is proportional to its visible items to this "
                    + "power (1: in proportion to size; above 1 favours big sites; 0 splits evenly).",
            min = 0,
            def = "1",
            expect = "an exponent of at least 0")
        Double exponent)
    implements CrawlPolicySpec {
  @Override
  public PopularCrawl create(int self, int[] sites) {
    return new PopularCrawl(new CrawlSettings(self, sites, new double[0], 1, exponent, new int[0]));
  }
}
