package ouroboros.sim.scenario.check;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks of one value that human sources and models share (ids, counts, sites, a mix of sites,
 * a name from a known list), each adding its problem, located, to {@link Problems}.
 */
final class FieldChecks {
  /** What an agent or site id may be made of (compiled once, not once per id). */
  static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]+");

  private final Problems p;

  FieldChecks(Problems p) {
    this.p = p;
  }

  void id(String at, String id, Set<String> ids) {
    if (id == null || id.isBlank()) {
      p.add(at + "/id", id, "the required key 'id' (a non-empty agent id)");
    } else if (!ID.matcher(id).matches()) {
      p.add(
          at + "/id",
          id,
          "an id of letters, digits, '.', '_' or '-' (it is a column of " + "metrics.csv)");
    } else if (id.equals("web")) {
      p.add(at + "/id", id, "another id: 'web' names the web-level rows of metrics.csv");
    } else if (!ids.add(id)) {
      p.add(at + "/id", id, "an agent id not used by another human source or model");
    }
  }

  void required(String at, Integer value, String key, int min) {
    if (value == null) {
      p.add(at, null, "the required key '" + key + "' (a whole number of at least " + min + ")");
    } else {
      atLeast(at, value, min);
    }
  }

  /**
   * Items an agent may publish or scrape per tick: beyond this, arrays overflow or memory runs out.
   */
  static final int MAX_ITEMS = 10_000_000;

  /** Rejects a publish rate (items per tick) above {@link #MAX_ITEMS}. */
  void items(String at, Integer value) {
    items(at, value, "tick");
  }

  /**
   * Rejects an item count above {@link #MAX_ITEMS}, per {@code per}: "tick" for a publish rate,
   * "retrain" for a scrape (which the cap's message called per tick).
   */
  void items(String at, Integer value, String per) {
    if (value != null && value > MAX_ITEMS) {
      p.add(at, value, "at most " + MAX_ITEMS + " items per " + per + " per agent");
    }
  }

  void atLeast(String at, int value, int min) {
    if (value < min) {
      p.add(at, value, "a whole number of at least " + min);
    }
  }

  void site(String at, String site, Set<String> sites) {
    if (site != null && !sites.contains(site)) {
      p.add(
          at,
          site,
          "one of the scenario's sites "
              + Suggest.list(sorted(sites))
              + Suggest.didYouMean(site, sites));
    }
  }

  /** Checks a mix of sites: known sites, shares in (0, 1] that sum to 1, and no 'site' too. */
  void publishTo(String at, String site, Map<String, Double> mix, Set<String> sites) {
    if (mix == null) {
      return;
    }
    if (site != null) {
      p.addWorded(
          at + "/publish-to",
          "both 'site' and 'publish-to'",
          "one of them: 'site' for one site, 'publish-to' for a mix");
    }
    if (mix.isEmpty()) {
      p.add(
          at + "/publish-to",
          mix,
          "a mapping of site ids to shares, such as {forum: 0.7, " + "blog: 0.3}");
      return;
    }
    double sum = 0;
    boolean shares = true;
    for (Map.Entry<String, Double> e : mix.entrySet()) {
      String key = at + "/publish-to/" + e.getKey().replace("~", "~0").replace("/", "~1");
      if (!sites.contains(e.getKey())) {
        p.addKey(
            key,
            e.getKey(),
            "one of the scenario's sites "
                + Suggest.list(sorted(sites))
                + Suggest.didYouMean(e.getKey(), sites));
      }
      Double v = e.getValue();
      if (v == null || !(v > 0 && v <= 1)) {
        p.add(key, v, "a share in (0, 1]");
        shares = false;
      } else {
        sum += v;
      }
    }
    if (shares && Math.abs(sum - 1) > 1e-6) {
      p.addWorded(at + "/publish-to", "shares summing to " + (float) sum, "shares that sum to 1");
    }
  }

  void oneOf(String at, String value, List<String> known, String what) {
    if (!known.contains(value)) {
      p.add(
          at,
          value,
          "a known " + what + ", one of " + Suggest.list(known) + Suggest.didYouMean(value, known));
    }
  }

  /** A set as a sorted list, for messages. */
  private static List<String> sorted(Set<String> s) {
    return s.stream().sorted().toList();
  }
}
