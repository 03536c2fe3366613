package ouroboros.sim.scenario.check;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import ouroboros.agents.domain.DomainSpec;
import ouroboros.agents.domain.Smoothing;
import ouroboros.agents.pipeline.Regime;
import ouroboros.sim.scenario.Plugins;
import ouroboros.sim.scenario.path.Timelines;
import ouroboros.sim.scenario.spec.Declared;
import ouroboros.sim.scenario.spec.EstimatorSpec;
import ouroboros.sim.scenario.spec.HumanSpec;
import ouroboros.sim.scenario.spec.ModelSpec;
import ouroboros.sim.scenario.spec.Names;
import ouroboros.sim.scenario.spec.SamplingSpec;
import ouroboros.sim.scenario.spec.Scenario;
import ouroboros.sim.scenario.spec.SiteSpec;
import ouroboros.sim.scenario.stage.StageSpec;
import ouroboros.sim.scenario.stage.Stages;
import ouroboros.sim.web.WebStore;

/** The semantic checks on a bound scenario: counts, probabilities, names and references. */
public final class ScenarioValidator {
  /** The longest scenario or sweep name: a run or sweep directory is named after it. */
  public static final int MAX_NAME = 200;

  static final List<String> INITIALS = Names.of(ouroboros.agents.model.Initial.class);
  static final List<String> VARIANCES = Names.of(ouroboros.agents.domain.VarianceEstimator.class);
  static final List<String> SMOOTHINGS = Names.of(ouroboros.agents.domain.Smoothing.class);
  static final List<String> COMBINES =
      Names.of(ouroboros.agents.domain.EstimatorSettings.Combine.class);

  /** A model's keys whose declared bounds are checked as declared: all but those worded below. */
  private static final String[] MODEL_BOUNDS =
      Declared.keys(ModelSpec.class).stream()
          .filter(
              k ->
                  !List.of("scrape", "publish-rate", "fresh-human-fraction", "human-share")
                      .contains(k))
          .toArray(String[]::new);

  private final Problems p;
  private final FieldChecks f;

  private ScenarioValidator(Problems p) {
    this.p = p;
    this.f = new FieldChecks(p);
  }

  /** Every problem in the scenario. */
  public static Problems check(Scenario s) {
    ScenarioValidator v = new ScenarioValidator(new Problems());
    v.scenario(s);
    return v.p;
  }

  /**
   * Checks one model at {@code at} (its id against and into {@code ids}), adding problems to {@code
   * p}: what a release or a changed setting is checked with.
   */
  static void checkModel(
      Problems p,
      String at,
      ModelSpec m,
      Set<String> ids,
      Set<String> sites,
      DomainSpec domain,
      StageSpec.Context stages) {
    new ScenarioValidator(p).model(at, m, ids, sites, domain, stages);
  }

  private void scenario(Scenario s) {
    if (s.name() == null) {
      p.add("/name", null, "the required key 'name'");
    } else if (!s.name().matches("[A-Za-z0-9._-]+")) {
      p.add("/name", s.name(), "a name of letters, digits, '.', '_' or '-'");
    } else if (s.name().length() > MAX_NAME) {
      p.addWorded(
          "/name",
          "a name of " + s.name().length() + " characters",
          "a name of at most "
              + MAX_NAME
              + " characters, so that the run directory's name (NAME-yyyyMMdd-HHmmss-N) fits"
              + " in the 255 bytes a file name may have");
    }
    if (s.ticks() == null) {
      p.add("/ticks", null, "the required key 'ticks' (a whole number of at least 1)");
    } else {
      Declared.checkBounds(p, "", s, "ticks");
    }
    if (s.domain() == null) {
      p.add("/domain", null, "the required key 'domain' (a mapping with a 'type')");
    } else {
      s.domain().validate(p);
    }
    if (s.engine() != null) {
      Declared.checkBounds(p, "/engine", s.engine());
    }
    if (s.collapse() != null) {
      s.collapse().validate(p);
    }
    if (s.output() != null) {
      s.output().validate(p);
    }
    if (s.copies() != null) {
      s.copies().validate(p);
    }
    Set<String> sites = new HashSet<>();
    if (s.sites() != null) {
      if (s.sites().isEmpty()) {
        p.add("/sites", s.sites(), "at least one site, or no 'sites' key");
      }
      for (int i = 0; i < s.sites().size(); i++) {
        SiteSpec site = s.sites().get(i);
        if (site == null || site.id() == null || site.id().isBlank()) {
          p.add("/sites/" + i + "/id", null, "the required key 'id'");
        } else if (!FieldChecks.ID.matcher(site.id()).matches()) {
          p.add(
              "/sites/" + i + "/id",
              site.id(),
              "a site id of letters, digits, '.', '_' or '-' " + "(it names rows of metrics.csv)");
        } else if (!sites.add(site.id())) {
          p.add("/sites/" + i + "/id", site.id(), "a site id not used before");
        }
        if (site != null) {
          Declared.checkBounds(p, "/sites/" + i, site);
        }
      }
      if (s.sites().size() > WebStore.MAX_SITES) {
        p.add(
            "/sites",
            s.sites().size() + " sites",
            "at most "
                + WebStore.MAX_SITES
                + " sites (the web stores an item's site as a 16-bit index)");
      }
    } else {
      sites.add(SiteSpec.defaultId());
    }
    Set<String> ids = new HashSet<>();
    List<HumanSpec> humans = s.humans() == null ? List.of() : s.humans();
    List<ModelSpec> models = s.models() == null ? List.of() : s.models();
    for (int i = 0; i < humans.size(); i++) {
      human("/humans/" + i, humans.get(i), ids, sites, s.domain());
    }
    StageSpec.Context stages =
        new StageSpec.Context(s.domain(), families(Timelines.allModels(models, s.timeline()), 0));
    List<String> agents = TrainsOnValidator.agentIds(humans, models);
    Populations populations = new Populations(s);
    for (int i = 0; i < models.size(); i++) {
      model("/models/" + i, models.get(i), ids, sites, s.domain(), stages);
      if (models.get(i) != null) {
        TrainsOnValidator.check(p, "/models/" + i, models.get(i), agents, populations);
      }
    }
    if (humans.isEmpty() && models.isEmpty()) {
      p.addWorded("", "no agents", "at least one entry under 'humans' or 'models'");
    }
    TimelineValidator.check(p, s, ids, sites, stages);
  }

  private void human(
      String at, HumanSpec h, Set<String> ids, Set<String> sites, DomainSpec domain) {
    if (h == null) {
      p.add(at, null, "a mapping with 'id' and 'publish-rate'");
      return;
    }
    f.id(at, h.id(), ids);
    f.required(at + "/publish-rate", h.publishRate(), "publish-rate", 0);
    f.items(at + "/publish-rate", h.publishRate());
    f.site(at + "/site", h.site(), sites);
    f.publishTo(at, h.site(), h.publishTo(), sites);
    if (h.laundering() != null) {
      if (h.laundering().share() == null) {
        p.add(at + "/laundering/share", null, "the required key 'share' (a probability in [0, 1])");
      }
      Declared.checkBounds(p, at + "/laundering", h.laundering());
    }
    Declared.checkBounds(p, at, h, "signed");
    if (h.community() != null && domain != null) {
      int k = domain.communityCount();
      if (h.community() < 0 || h.community() >= k) {
        p.add(
            at + "/community",
            h.community(),
            k == 1
                ? "no community: a " + typeOf(domain) + " domain with this truth has only one"
                : "a community from 0 to " + (k - 1));
      }
    }
  }

  /**
   * Each model family's agent indices (models come after the {@code firstModel} human sources), in
   * a stable order. A model without a family is its own family, named by its id.
   */
  public static java.util.Map<String, List<Integer>> families(
      List<ModelSpec> models, int firstModel) {
    java.util.Map<String, List<Integer>> out = new java.util.TreeMap<>();
    for (int i = 0; i < models.size(); i++) {
      ModelSpec m = models.get(i);
      if (m == null) {
        continue;
      }
      String f = m.family() != null ? m.family() : m.id();
      if (f != null) {
        out.computeIfAbsent(f, k -> new java.util.ArrayList<>()).add(firstModel + i);
      }
    }
    return out;
  }

  private void model(
      String at,
      ModelSpec m,
      Set<String> ids,
      Set<String> sites,
      DomainSpec domain,
      StageSpec.Context stages) {
    if (m == null) {
      p.add(at, null, "a mapping with 'id', 'regime', 'scrape' and 'publish-rate'");
      return;
    }
    f.id(at, m.id(), ids);
    if (m.regime() == null) {
      p.add(at + "/regime", null, "the required key 'regime', one of " + Regime.keys());
    } else {
      f.oneOf(at + "/regime", m.regime(), Regime.keys(), "regime");
    }
    // Every declared bound, but those checked below or by TrainsOnValidator with their own words.
    Declared.checkBounds(p, at, m, MODEL_BOUNDS);
    f.required(at + "/scrape", m.scrape(), "scrape", 1);
    f.required(at + "/publish-rate", m.publishRate(), "publish-rate", 0);
    f.items(at + "/scrape", m.scrape(), "retrain");
    f.items(at + "/publish-rate", m.publishRate());
    Declared.checkBounds(p, at, m, "fresh-human-fraction");
    f.site(at + "/site", m.site(), sites);
    f.publishTo(at, m.site(), m.publishTo(), sites);
    if (m.initial() != null) {
      f.oneOf(at + "/initial", m.initial(), INITIALS, "initial model");
    }
    if (m.crawl() != null) {
      m.crawl().validate(at + "/crawl", p, sites);
      if (m.crawl().sites() != null) {
        for (int i = 0; i < m.crawl().sites().size(); i++) {
          f.site(at + "/crawl/sites/" + i, m.crawl().sites().get(i), sites);
        }
      }
    }
    if (m.sampling() != null) {
      sampling(at + "/sampling", m.sampling(), domain);
    }
    if (m.estimator() != null) {
      estimator(at + "/estimator", m.estimator(), domain);
    }
    if (m.family() != null && m.family().isBlank()) {
      p.add(at + "/family", m.family(), "a family name that is not blank");
    }
    if (m.watermark() != null) {
      if (m.watermark().rate() == null) {
        p.add(at + "/watermark/rate", null, "the required key 'rate' (a probability in [0, 1])");
      }
      Declared.checkBounds(p, at + "/watermark", m.watermark());
    }
    if (m.pipeline() != null) {
      for (int k = 0; k < m.pipeline().size(); k++) {
        StageSpec stage = m.pipeline().get(k);
        if (stage == null) {
          p.add(
              at + "/pipeline/" + k,
              null,
              "a stage: a mapping with 'stage', one of " + Stages.names());
        } else {
          stage.validate(at + "/pipeline/" + k, p, stages);
        }
      }
    }
  }

  private void sampling(String at, SamplingSpec s, DomainSpec domain) {
    List<String> keys = domain == null ? null : domain.samplingKeys();
    Declared.values(s).forEach((key, value) -> applies(at, key, value, domain, keys));
    Declared.checkBounds(p, at, s);
    if (s.beamPrompt() != null && (s.beamWidth() == null || s.beamWidth() == 0)) {
      p.add(
          at + "/beam-prompt",
          s.beamPrompt(),
          "no 'beam-prompt' without a 'beam-width' of 1 or more (it counts the words sampled "
              + "before a beam search)");
    }
  }

  private void estimator(String at, EstimatorSpec e, DomainSpec domain) {
    List<String> keys = domain == null ? null : domain.estimatorKeys();
    Declared.values(e).forEach((key, value) -> applies(at, key, value, domain, keys));
    if (e.variance() != null) {
      f.oneOf(at + "/variance", e.variance(), VARIANCES, "variance estimator");
    }
    if (e.smoothing() != null) {
      f.oneOf(at + "/smoothing", e.smoothing(), SMOOTHINGS, "smoothing");
    }
    if (e.combine() != null) {
      f.oneOf(at + "/combine", e.combine(), COMBINES, "way to combine real and synthetic items");
    }
    Declared.checkBounds(p, at, e, "alpha");
    if (Names.of(Smoothing.KNESER_NEY).equals(e.smoothing())
        && e.alpha() != null
        && e.alpha() >= 1) {
      p.add(at + "/alpha", e.alpha(), "a Kneser-Ney discount in (0, 1), or 0 for the default 0.75");
    }
    Declared.checkBounds(
        p,
        at,
        e,
        Declared.values(e).keySet().stream()
            .filter(k -> !k.equals("alpha"))
            .toArray(String[]::new));
  }

  /** Rejects a setting the scenario's domain does not use. */
  private void applies(String at, String key, Object value, DomainSpec domain, List<String> keys) {
    if (value != null && keys != null && !keys.contains(key)) {
      p.addWorded(
          at + "/" + key,
          "'" + key + "', which a " + typeOf(domain) + " domain does not use",
          keys.isEmpty() ? "no such key here" : "only " + keys);
    }
  }

  /** The registered type name of a domain spec. */
  public static String typeOf(DomainSpec domain) {
    return Plugins.nameOf(domain);
  }
}
