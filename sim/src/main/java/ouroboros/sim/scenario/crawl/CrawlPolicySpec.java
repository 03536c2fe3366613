package ouroboros.sim.scenario.crawl;

import ouroboros.agents.crawl.CrawlPolicy;
import ouroboros.agents.crawl.CrawlSettings;
import ouroboros.sim.scenario.check.Problems;

/**
 * The settings of one crawl policy: a record whose components are the keys the policy reads beside
 * {@code policy} and {@code sites}, each declared with its {@code @Key} (doc, bounds, default). The
 * registry in {@code Plugins} names it; {@link CrawlSpec} binds a crawl block's keys into it,
 * checks the declared bounds, then asks it for its own checks and, at compile time, for its policy.
 */
public interface CrawlPolicySpec {

  /**
   * The sites a crawl visits, as its checks word them.
   *
   * @param listed whether the block lists its {@code sites} (else it visits every site)
   * @param count how many sites it visits
   */
  record Visit(boolean listed, int count) {
    /** "the N listed in 'sites'", or "the scenario's N (no 'sites' here: ...)". */
    public String describe() {
      return listed
          ? "the " + count + " listed in 'sites'"
          : "the scenario's " + count + " (no 'sites' here: every site, in file order)";
    }
  }

  /** Checks beyond the declared bounds, at pointers under {@code at}; none by default. */
  default void validate(String at, Problems p, Visit visit) {}

  /** The policy for a model, over the given site indices. Call on resolved settings. */
  CrawlPolicy create(int self, int[] sites);

  /** Settings that read nothing but the sites: the neutral value of every other knob. */
  static CrawlSettings neutral(int self, int[] sites) {
    return new CrawlSettings(self, sites, new double[0], 1, 1.0, new int[0]);
  }
}
