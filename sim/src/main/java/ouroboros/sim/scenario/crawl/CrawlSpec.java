package ouroboros.sim.scenario.crawl;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ouroboros.agents.crawl.CrawlPolicy;
import ouroboros.agents.spec.Key;
import ouroboros.agents.spec.Spec;
import ouroboros.sim.scenario.Plugins;
import ouroboros.sim.scenario.check.Problems;
import ouroboros.sim.scenario.check.Suggest;
import ouroboros.sim.scenario.spec.Declared;
import ouroboros.sim.scenario.spec.Names;

/**
 * How a model scrapes the web: a crawl policy from the registry in {@link Plugins} (by {@code
 * policy}), the sites it visits, and the keys of that policy's own settings record ({@link
 * CrawlPolicySpec}), which declares them. Every policy returns up to n distinct items that the web
 * still shows, so each respects retention. A key that some other policy reads is rejected with the
 * name of the policy that does not use it; {@link CrawlBinding} binds the block.
 *
 * <p>The agents' sixth policy, {@code sources}, is static-graph mode: a model's {@code trains-on}
 * sets it, never {@code crawl}.
 *
 * @param policy a registered crawl policy name (default {@code uniform})
 * @param sites the sites it visits (default: every site)
 * @param keys the policy's own keys as given (kebab names, file order; absent keys left out)
 */
@Spec(
    name = "crawl",
    doc =
        "How the model scrapes the web. Every policy returns up to n distinct items the web "
            + "still shows, so each respects retention; each reads only its own keys beside 'sites' "
            + "(see docs/topology.md, 'Crawl policies').")
@JsonDeserialize(using = CrawlBinding.class)
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
    @JsonIgnore Map<String, Object> keys) {

  /** Copies the keys given a value. */
  public CrawlSpec {
    Map<String, Object> given = new LinkedHashMap<>();
    if (keys != null) {
      keys.forEach(
          (k, v) -> {
            if (v != null) {
              given.put(k, v);
            }
          });
    }
    keys = Collections.unmodifiableMap(given);
  }

  /** A crawl of the given policy over the given sites, with no keys of its own. */
  public CrawlSpec(String policy, List<String> sites) {
    this(policy, sites, Map.of());
  }

  /** The policy names a scenario may give, sorted. */
  public static List<String> names() {
    return Registered.NAMES;
  }

  /** The keys each policy reads beside {@code policy}: {@code sites}, then its own. */
  public static List<String> keysOf(String policy) {
    List<String> keys = Registered.KEYS.get(policy);
    if (keys == null) {
      throw new NullPointerException("no crawl policy '" + policy + "'");
    }
    return keys;
  }

  /**
   * What the fixed registry says, read once: every model's crawl block is checked against it, and
   * reading a record's components is reflection.
   */
  private static final class Registered {
    static final List<String> NAMES = Plugins.crawls().keySet().stream().sorted().toList();
    static final Map<String, List<String>> KEYS = keys();
    static final String DEFAULT_POLICY = Declared.def(CrawlSpec.class, "policy");

    /** {@link #keysOf} of every policy. */
    private static Map<String, List<String>> keys() {
      Map<String, List<String>> out = new LinkedHashMap<>();
      Plugins.crawls()
          .forEach(
              (policy, type) -> {
                List<String> keys = new ArrayList<>(List.of("sites"));
                for (var c : type.getRecordComponents()) {
                  keys.add(Names.kebab(c.getName()));
                }
                out.put(policy, List.copyOf(keys));
              });
      return Collections.unmodifiableMap(out);
    }
  }

  /** The policy's keys, for writing: they follow {@code policy} and {@code sites}. */
  @JsonAnyGetter
  public Map<String, Object> written() {
    return keys;
  }

  /** The policy's settings record from the given keys (a valid block's policy). */
  public CrawlPolicySpec settings() {
    return (CrawlPolicySpec)
        Declared.build(Plugins.crawls().get(policyOrDefault()).asSubclass(Record.class), keys);
  }

  /** The block with the policy, the sites and every default of the policy's keys filled in. */
  public CrawlSpec resolve(List<String> allSites) {
    String name = policyOrDefault();
    Map<String, Object> values = Declared.values(Declared.withDefaults((Record) settings()));
    return new CrawlSpec(name, sites != null ? sites : allSites, values);
  }

  /** The model's policy over the given site indices; call on a resolved block. */
  public CrawlPolicy create(int self, int[] siteIndices) {
    return settings().create(self, siteIndices);
  }

  private String policyOrDefault() {
    return policy != null ? policy : Registered.DEFAULT_POLICY;
  }

  /** Checks the keys against the policy (given or default) and their values. */
  public void validate(String at, Problems p, Set<String> scenarioSites) {
    String name = policyOrDefault();
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
    List<String> used = keysOf(name);
    for (String key : CrawlBinding.policyKeys().keySet()) {
      if (keys.get(key) != null && !used.contains(key)) {
        p.addWorded(
            at + "/" + key,
            "'" + key + "', which the crawl policy '" + name + "' does not use",
            "only " + used + " beside 'policy'");
      }
    }
    for (String key : CrawlBinding.policyKeys().keySet()) {
      if (keys.get(key) != null && !used.contains(key)) { // its bounds, as its policy states them
        Declared.checkBounds(p, at, Declared.build(CrawlBinding.declaring(key), keys), key);
      }
    }
    CrawlPolicySpec settings = settings();
    Declared.checkBounds(p, at, (Record) settings);
    int visited = sites != null ? sites.size() : scenarioSites.size();
    settings.validate(at, p, new CrawlPolicySpec.Visit(sites != null, visited));
  }
}
