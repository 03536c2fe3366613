package ouroboros.sim.scenario;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import ouroboros.agents.crawl.CrawlPolicies;
import ouroboros.agents.pipeline.Regime;

/** The semantic checks on a bound scenario: counts, probabilities, names and references. */
final class ScenarioValidator {
  static final List<String> INITIALS = List.of("none", "truth");
  static final List<String> VARIANCES = List.of("mle", "unbiased");

  private final Problems p = new Problems();

  private ScenarioValidator() {}

  /** Every problem in the scenario. */
  static Problems check(Scenario s) {
    ScenarioValidator v = new ScenarioValidator();
    v.scenario(s);
    return v.p;
  }

  private void scenario(Scenario s) {
    if (s.name() == null) {
      p.add("/name", null, "the required key 'name'");
    } else if (!s.name().matches("[A-Za-z0-9._-]+")) {
      p.add("/name", s.name(), "a name of letters, digits, '.', '_' or '-'");
    }
    if (s.ticks() == null) {
      p.add("/ticks", null, "the required key 'ticks' (a whole number of at least 1)");
    } else {
      atLeast("/ticks", s.ticks(), 1);
    }
    if (s.domain() == null) {
      p.add("/domain", null, "the required key 'domain' (a mapping with a 'type')");
    } else {
      s.domain().validate(p);
    }
    if (s.engine() != null && s.engine().phaseTimeoutSeconds() != null
        && !(s.engine().phaseTimeoutSeconds() > 0)) {
      p.add("/engine/phase-timeout-seconds", s.engine().phaseTimeoutSeconds(),
          "a number of seconds greater than 0");
    }
    Set<String> sites = new HashSet<>();
    if (s.sites() != null) {
      if (s.sites().isEmpty()) {
        p.add("/sites", "an empty list", "at least one site, or no 'sites' key");
      }
      for (int i = 0; i < s.sites().size(); i++) {
        SiteSpec site = s.sites().get(i);
        if (site == null || site.id() == null || site.id().isBlank()) {
          p.add("/sites/" + i + "/id", null, "the required key 'id'");
        } else if (!sites.add(site.id())) {
          p.add("/sites/" + i + "/id", site.id(), "a site id not used before");
        }
      }
    } else {
      sites.add(Defaults.SITE);
    }
    Set<String> ids = new HashSet<>();
    List<HumanSpec> humans = s.humans() == null ? List.of() : s.humans();
    List<ModelSpec> models = s.models() == null ? List.of() : s.models();
    for (int i = 0; i < humans.size(); i++) {
      human("/humans/" + i, humans.get(i), ids, sites);
    }
    for (int i = 0; i < models.size(); i++) {
      model("/models/" + i, models.get(i), ids, sites);
    }
    if (humans.isEmpty() && models.isEmpty()) {
      p.add("", "no agents", "at least one entry under 'humans' or 'models'");
    }
  }

  private void human(String at, HumanSpec h, Set<String> ids, Set<String> sites) {
    if (h == null) {
      p.add(at, null, "a mapping with 'id' and 'publish-rate'");
      return;
    }
    id(at, h.id(), ids);
    required(at + "/publish-rate", h.publishRate(), "publish-rate", 0);
    site(at + "/site", h.site(), sites);
  }

  private void model(String at, ModelSpec m, Set<String> ids, Set<String> sites) {
    if (m == null) {
      p.add(at, null, "a mapping with 'id', 'regime', 'scrape' and 'publish-rate'");
      return;
    }
    id(at, m.id(), ids);
    if (m.regime() == null) {
      p.add(at + "/regime", null, "the required key 'regime', one of " + Regime.keys());
    } else {
      oneOf(at + "/regime", m.regime(), Regime.keys(), "regime");
    }
    if (m.window() != null) {
      atLeast(at + "/window", m.window(), 1);
    }
    if (m.retrainEvery() != null) {
      atLeast(at + "/retrain-every", m.retrainEvery(), 1);
    }
    if (m.firstRetrain() != null) {
      atLeast(at + "/first-retrain", m.firstRetrain(), 0);
    }
    required(at + "/scrape", m.scrape(), "scrape", 1);
    required(at + "/publish-rate", m.publishRate(), "publish-rate", 0);
    if (m.freshHumanFraction() != null) {
      probability(at + "/fresh-human-fraction", m.freshHumanFraction());
    }
    site(at + "/site", m.site(), sites);
    if (m.initial() != null) {
      oneOf(at + "/initial", m.initial(), INITIALS, "initial model");
    }
    if (m.crawl() != null) {
      if (m.crawl().policy() != null) {
        oneOf(at + "/crawl/policy", m.crawl().policy(), CrawlPolicies.names(), "crawl policy");
      }
      if (m.crawl().sites() != null) {
        for (int i = 0; i < m.crawl().sites().size(); i++) {
          site(at + "/crawl/sites/" + i, m.crawl().sites().get(i), sites);
        }
      }
    }
    if (m.sampling() != null && m.sampling().temperature() != null) {
      double t = m.sampling().temperature();
      if (!(t > 0) || Double.isInfinite(t)) {
        p.add(at + "/sampling/temperature", t, "a temperature greater than 0");
      }
    }
    if (m.estimator() != null && m.estimator().variance() != null) {
      oneOf(at + "/estimator/variance", m.estimator().variance(), VARIANCES, "variance estimator");
    }
  }

  private void id(String at, String id, Set<String> ids) {
    if (id == null || id.isBlank()) {
      p.add(at + "/id", id, "the required key 'id' (a non-empty agent id)");
    } else if (!ids.add(id)) {
      p.add(at + "/id", id, "an agent id not used by another human source or model");
    }
  }

  private void required(String at, Integer value, String key, int min) {
    if (value == null) {
      p.add(at, null, "the required key '" + key + "' (a whole number of at least " + min + ")");
    } else {
      atLeast(at, value, min);
    }
  }

  private void atLeast(String at, int value, int min) {
    if (value < min) {
      p.add(at, value, "a whole number of at least " + min);
    }
  }

  private void probability(String at, double value) {
    if (!(value >= 0 && value <= 1)) {
      p.add(at, value, "a probability in [0, 1]");
    }
  }

  private void site(String at, String site, Set<String> sites) {
    if (site != null && !sites.contains(site)) {
      p.add(at, site, "one of the scenario's sites " + sorted(sites) + Suggest.didYouMean(site, sites));
    }
  }

  private void oneOf(String at, String value, List<String> known, String what) {
    if (!known.contains(value)) {
      p.add(at, "unknown " + what + " '" + value + "'",
          "one of " + known + Suggest.didYouMean(value, known));
    }
  }

  /** A set as a sorted list, for messages. */
  private static List<String> sorted(Set<String> s) {
    return s.stream().sorted().toList();
  }
}
