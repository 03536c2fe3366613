package ouroboros.sim.scenario.load;

import java.util.ArrayList;
import java.util.List;
import ouroboros.agents.domain.DomainSpec;
import ouroboros.agents.pipeline.Regime;
import ouroboros.agents.spec.Key;
import ouroboros.sim.scenario.crawl.CrawlSpec;
import ouroboros.sim.scenario.path.Timelines;
import ouroboros.sim.scenario.spec.CollapseSpec;
import ouroboros.sim.scenario.spec.Declared;
import ouroboros.sim.scenario.spec.EngineSpec;
import ouroboros.sim.scenario.spec.EstimatorSpec;
import ouroboros.sim.scenario.spec.EventSpec;
import ouroboros.sim.scenario.spec.HumanSpec;
import ouroboros.sim.scenario.spec.LaunderingSpec;
import ouroboros.sim.scenario.spec.ModelSpec;
import ouroboros.sim.scenario.spec.Names;
import ouroboros.sim.scenario.spec.OutputSpec;
import ouroboros.sim.scenario.spec.ReleaseSpec;
import ouroboros.sim.scenario.spec.Retention;
import ouroboros.sim.scenario.spec.SamplingSpec;
import ouroboros.sim.scenario.spec.Scenario;
import ouroboros.sim.scenario.spec.SiteSpec;
import ouroboros.sim.scenario.spec.WebSpec;
import ouroboros.sim.scenario.stage.StageSpec;

/**
 * Fills in every default of a valid scenario (the values are declared on the spec records' {@link
 * Key}s and filled by {@link Declared#withDefaults}), giving the resolved scenario that a run
 * writes to {@code scenario.yaml}. Sampling and estimator blocks get a default for each key their
 * domain uses, and nothing else; a crawl block for each key its policy reads.
 */
public final class Resolution {
  private Resolution() {}

  /** Fills in every default. */
  static Scenario resolve(Scenario s) {
    List<SiteSpec> sites =
        s.sites() != null ? s.sites() : Declared.<List<SiteSpec>>def(Scenario.class, "sites");
    String firstSite = sites.get(0).id();
    List<HumanSpec> humans = new ArrayList<>();
    for (HumanSpec h : s.humans() == null ? List.<HumanSpec>of() : s.humans()) {
      LaunderingSpec l = h.laundering();
      humans.add(
          new HumanSpec(
              h.id(),
              h.publishRate(),
              h.publishTo() != null ? null : or(h.site(), firstSite),
              h.community(),
              l == null ? null : Declared.withDefaults(l),
              Declared.withDefaults(h).signed(),
              h.publishTo(),
              h.population()));
    }
    List<String> siteIds = ids(sites); // once, not once per model: O(models + sites)
    List<ModelSpec> models = new ArrayList<>();
    for (ModelSpec m : s.models() == null ? List.<ModelSpec>of() : s.models()) {
      models.add(model(m, sites, siteIds, s.domain()));
    }
    List<EventSpec> timeline = null;
    if (s.timeline() != null) {
      List<ModelSpec> all = Timelines.allModels(s.models(), s.timeline());
      timeline = new ArrayList<>();
      for (EventSpec e : s.timeline()) {
        ReleaseSpec r = e.release();
        if (r != null) {
          ModelSpec m =
              model(r.over(Timelines.find(all, r.like()), e.tick()), sites, siteIds, s.domain());
          r = ReleaseSpec.of(m, r.like(), Declared.withDefaults(r).initial());
        }
        timeline.add(new EventSpec(e.tick(), r, e.retire(), e.set(), e.humans()));
      }
    }
    WebSpec web =
        new WebSpec(
            s.web() == null || s.web().retention() == null ? Retention.ALL : s.web().retention());
    EngineSpec engine =
        Declared.withDefaults(s.engine() != null ? s.engine() : new EngineSpec(null));
    CollapseSpec collapse =
        (s.collapse() != null
                ? s.collapse()
                : new CollapseSpec(
                    null, null, null, null, null, null, null, null, null, null, null))
            .resolve();
    return new Scenario(
        s.name(),
        s.description(),
        s.seed(),
        s.ticks(),
        s.domain().resolve(),
        web,
        sites,
        engine,
        humans,
        models,
        timeline,
        s.aiShare(),
        collapse,
        s.populations(),
        Declared.withDefaults(s.output() != null ? s.output() : new OutputSpec(null, null)),
        s.copies());
  }

  /** The ids of the sites, in order: a crawl block's default list of sites. */
  public static List<String> ids(List<SiteSpec> sites) {
    return sites.stream().map(SiteSpec::id).toList();
  }

  /**
   * A model with every default filled in; {@code siteIds} are {@link #ids} of {@code sites}, worked
   * out once for many models.
   */
  public static ModelSpec model(
      ModelSpec m, List<SiteSpec> sites, List<String> siteIds, DomainSpec domain) {
    String firstSite = sites.get(0).id();
    boolean graph = m.trainsOn() != null;
    ModelSpec d =
        Declared.withDefaults(
            m,
            key ->
                switch (key) {
                  case "window" -> Names.of(Regime.WINDOW).equals(m.regime());
                  case "fresh-human-fraction" -> !graph;
                  case "human-share" -> graph;
                  default -> true;
                });
    java.util.Map<String, Object> keys = Declared.values(d); // keys with a plain default
    keys.put("fresh-human-fraction", graph ? null : d.freshHumanFraction());
    keys.put("site", m.publishTo() != null ? null : or(m.site(), firstSite));
    keys.put("crawl", graph ? null : crawl(m.crawl(), siteIds));
    keys.put("sampling", sampling(m.sampling(), domain.samplingKeys()));
    keys.put("estimator", estimator(m.estimator(), domain.estimatorKeys()));
    keys.put("family", or(m.family(), m.id()));
    keys.put("watermark", m.watermark() == null ? null : Declared.withDefaults(m.watermark()));
    keys.put(
        "pipeline",
        m.pipeline() == null ? List.of() : m.pipeline().stream().map(StageSpec::resolve).toList());
    keys.put(
        "trains-on", graph ? m.trainsOn().stream().map(Declared::withDefaults).toList() : null);
    keys.put("human-share", graph ? d.humanShare() : null);
    return Declared.build(ModelSpec.class, keys);
  }

  /** A crawl block with every default filled in. */
  private static CrawlSpec crawl(CrawlSpec given, List<String> siteIds) {
    CrawlSpec c = given != null ? given : new CrawlSpec(null, null);
    return c.resolve(siteIds);
  }

  /** Sampling settings with a default for every key the domain uses, and nothing else. */
  private static SamplingSpec sampling(SamplingSpec given, List<String> keys) {
    SamplingSpec g = given != null ? given : new SamplingSpec(null, null, null, null, null, null);
    return Declared.withDefaults(g, keys::contains);
  }

  /** Estimator settings with a default for every key the domain uses, and nothing else. */
  private static EstimatorSpec estimator(EstimatorSpec given, List<String> keys) {
    EstimatorSpec g =
        given != null
            ? given
            : new EstimatorSpec(null, null, null, null, null, null, null, null, null);
    return Declared.withDefaults(g, keys::contains);
  }

  /** The value, or the default when it is null. */
  private static <T> T or(T value, T fallback) {
    return value != null ? value : fallback;
  }
}
