package ouroboros.sim.scenario.crawl;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import ouroboros.sim.scenario.Plugins;
import ouroboros.sim.scenario.check.Problems;
import ouroboros.sim.scenario.check.Suggest;
import ouroboros.sim.scenario.spec.Declared;
import ouroboros.sim.scenario.spec.Key;
import ouroboros.sim.scenario.spec.Spec;

/**
 * How a model scrapes the web. Every policy returns up to n distinct items that the web still
 * shows, so each respects retention; each reads only the keys listed for it in {@link #KEYS}.
 *
 * <ul>
 *   <li>{@code uniform}: uniform over the visited sites' items (by default every site: the whole
 *       web);
 *   <li>{@code site-mix}: site i of {@code sites} gets the share {@code weights[i]}/Σ of n, rounded
 *       by the largest remainder, uniform within it;
 *   <li>{@code recent}: uniform over the items published in the last {@code window} ticks;
 *   <li>{@code popular}: each site's share of n is proportional to its visible items to the power
 *       {@code exponent};
 *   <li>{@code exclude-own}: uniform over the items the model did not write itself.
 * </ul>
 *
 * <p>The registry's sixth policy, {@code sources}, is static-graph mode: a model's {@code
 * trains-on} sets it, never {@code crawl}.
 *
 * @param policy a registered crawl policy name (default {@code uniform})
 * @param sites the sites it visits (default: every site)
 * @param weights {@code site-mix}: one weight per visited site, each at least 0, not all 0
 * @param window {@code recent}: the last W ticks, t − W + 1 to t (default 10)
 * @param exponent {@code popular}: the power of site size (default 1)
 */
@Spec(
    name = "crawl",
    doc =
        "How the model scrapes the web. Every policy returns up to n distinct items the web "
            + "still shows, so each respects retention; each reads only its own keys beside 'sites' "
            + "(see README, 'Crawl policies').")
public record CrawlSpec(
    @Key(
            doc =
                "A registered crawl policy: 'uniform' (uniform over the visited sites' items), "
                    + "'site-mix' (a share of n per site by 'weights'), 'recent' (uniform over the items "
                    + "of the last 'window' ticks), 'popular' (each site's share proportional to its "
                    + "visible items to the power 'exponent'), 'exclude-own' (uniform over the items the "
                    + "model did not write). Static-graph mode ('sources') is set by the model's "
                    + "'trains-on', not here.",
            names = CrawlSpec.class,
            def = "\"uniform\"")
        String policy,
    @Key(
            doc = "The sites it visits. Default: every site.",
            minItems = 1,
            uniqueItems = true,
            items = "{\"type\": \"string\"}")
        List<String> sites,
    @Key(
            doc =
                "site-mix only (required there): one weight per visited site, in the order of "
                    + "'sites' (or of the scenario's sites), each at least 0, not all 0. Shares are "
                    + "rounded by the largest remainder; a site short of items gives what it has.",
            minItems = 1,
            items = "{\"type\": \"number\", \"minimum\": 0}")
        List<Double> weights,
    @Key(
            doc = "recent only: read the items published in the last W ticks, t - W + 1 to t.",
            min = 1,
            def = "10",
            expect = "a number of ticks of at least 1")
        Integer window,
    @Key(
            doc =
                "popular only: a site's share of n is proportional to its visible items to this "
                    + "power (1: in proportion to size; above 1 favours big sites; 0 splits evenly).",
            min = 0,
            def = "1",
            expect = "an exponent of at least 0")
        Double exponent) {

  /** The keys each policy reads, beside {@code policy} (from {@link Plugins#CRAWLS}). */
  public static final Map<String, List<String>> KEYS = keys();

  /** A crawl of the given policy over the given sites, the other keys absent. */
  public CrawlSpec(String policy, List<String> sites) {
    this(policy, sites, null, null, null);
  }

  private static Map<String, List<String>> keys() {
    Map<String, List<String>> m = new TreeMap<>();
    Plugins.crawls()
        .forEach(
            (name, k) -> {
              List<String> keys = new java.util.ArrayList<>(List.of("sites"));
              keys.addAll(k.keys());
              m.put(name, List.copyOf(keys));
            });
    return m;
  }

  /** The policy names a scenario may give, sorted. */
  public static List<String> names() {
    return List.copyOf(Plugins.crawls().keySet());
  }

  /** Checks the keys against the policy (given or default) and their values. */
  public void validate(String at, Problems p, Set<String> scenarioSites) {
    String name = policy != null ? policy : Declared.<String>def(CrawlSpec.class, "policy");
    if (!names().contains(name)) {
      p.add(
          at + "/policy",
          name,
          "a known crawl policy, one of "
              + names()
              + (name.equals("sources")
                  ? ": 'sources' is static-graph mode, set by the model's 'trains-on' list"
                  : Suggest.didYouMean(name, names())));
      return;
    }
    if (sites != null && sites.isEmpty()) {
      p.add(at + "/sites", sites, "at least one site, or no 'sites' key to visit every site");
    }
    if (sites != null) {
      for (int i = 0; i < sites.size(); i++) {
        if (sites.get(i) != null && sites.indexOf(sites.get(i)) < i) {
          p.add(at + "/sites/" + i, sites.get(i), "a site not listed before in 'sites'");
        }
      }
    }
    List<String> keys = KEYS.get(name);
    Declared.values(this)
        .forEach(
            (key, value) -> {
              if (!key.equals("policy") && !key.equals("sites")) {
                unused(at, key, value, name, keys, p);
              }
            });
    Declared.checkBounds(p, at, this);
    if (!name.equals("site-mix")) {
      return;
    }
    int visited = sites != null ? sites.size() : scenarioSites.size();
    String which =
        sites != null
            ? "the " + visited + " listed in 'sites'"
            : "the scenario's " + visited + " (no 'sites' here: every site, in file order)";
    if (weights == null) {
      p.add(
          at + "/weights",
          null,
          "the required key 'weights' of the crawl policy 'site-mix': "
              + "one weight per visited site, "
              + which);
      return;
    }
    if (weights.size() != visited) {
      p.addWorded(
          at + "/weights", weights.size() + " weights", "one weight per visited site, " + which);
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

  /** Rejects a key that the policy does not read. */
  private static void unused(
      String at, String key, Object value, String policy, List<String> keys, Problems p) {
    if (value != null && !keys.contains(key)) {
      p.addWorded(
          at + "/" + key,
          "'" + key + "', which the crawl policy '" + policy + "' does not use",
          "only " + keys + " beside 'policy'");
    }
  }
}
