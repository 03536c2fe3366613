package ouroboros.sim.scenario.crawl;

import java.util.List;
import ouroboros.agents.crawl.CrawlSettings;
import ouroboros.agents.crawl.SiteMixCrawl;
import ouroboros.agents.spec.Key;
import ouroboros.sim.scenario.check.Problems;

/**
 * {@code site-mix}: site i of {@code sites} gets the share {@code weights[i]}/Σ of n, rounded by
 * the largest remainder, uniform within it.
 *
 * @param weights one weight per visited site, each at least 0, not all 0 (required)
 */
public record SiteMixCrawlSpec(
    @Key(
            doc =
                "site-mix only (required there): one weight per visited site, in the order of "
                    + "'sites' (or of the scenario's sites), each at least 0, not all 0. Shares are "
                    + "rounded by the largest remainder; a site short of items gives what it has.",
            required = true,
            minItems = 1,
            items = "{\"type\": \"number\", \"minimum\": 0}")
        List<Double> weights)
    implements CrawlPolicySpec {

  @Override
  public void validate(String at, Problems p, Visit visit) {
    if (weights == null) {
      p.add(
          at + "/weights",
          null,
          "the required key 'weights' of the crawl policy 'site-mix': "
              + "one weight per visited site, "
              + visit.describe());
      return;
    }
    if (weights.size() != visit.count()) {
      p.addWorded(
          at + "/weights",
          weights.size() + " weights",
          "one weight per visited site, " + visit.describe());
    }
    double sum = 0;
    for (int i = 0; i < weights.size(); i++) {
      Double w = weights.get(i);
      if (w == null || !(w >= 0) || w.isInfinite()) {
        p.add(at + "/weights/" + i, w, "a weight of at least 0");
      } else {
        sum += w;
      }
    }
    if (sum == 0 && !weights.isEmpty()) {
      p.addWorded(at + "/weights", "weights that sum to 0", "at least one weight above 0");
    }
  }

  @Override
  public SiteMixCrawl create(int self, int[] sites) {
    double[] w = weights.stream().mapToDouble(Double::doubleValue).toArray();
    return new SiteMixCrawl(new CrawlSettings(self, sites, w, 1, 1.0, new int[0]));
  }
}
