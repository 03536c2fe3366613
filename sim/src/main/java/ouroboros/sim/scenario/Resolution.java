package ouroboros.sim.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * Fills in every default of a valid scenario (the values live in {@link Defaults}), giving the
 * resolved scenario that a run writes to {@code scenario.yaml}. Sampling and estimator blocks
 * get a default for each key their domain uses, and nothing else.
 */
final class Resolution {
  private Resolution() {}

  /** Fills in every default. */
  static Scenario resolve(Scenario s) {
    List<SiteSpec> sites = s.sites() != null ? s.sites() : List.of(new SiteSpec(Defaults.SITE));
    String firstSite = sites.get(0).id();
    List<HumanSpec> humans = new ArrayList<>();
    for (HumanSpec h : s.humans() == null ? List.<HumanSpec>of() : s.humans()) {
      LaunderingSpec l = h.laundering();
      humans.add(new HumanSpec(h.id(), h.publishRate(),
          h.publishTo() != null ? null : or(h.site(), firstSite), h.community(),
          l == null ? null : new LaunderingSpec(or(l.share(), 0.0), or(l.strip(), 1.0)),
          or(h.signed(), 0.0), h.publishTo()));
    }
    List<ModelSpec> models = new ArrayList<>();
    for (ModelSpec m : s.models() == null ? List.<ModelSpec>of() : s.models()) {
      models.add(model(m, sites, s.domain()));
    }
    List<EventSpec> timeline = null;
    if (s.timeline() != null) {
      List<ModelSpec> all = Timelines.allModels(s.models(), s.timeline());
      timeline = new ArrayList<>();
      for (EventSpec e : s.timeline()) {
        ReleaseSpec r = e.release();
        if (r != null) {
          ModelSpec m = model(r.over(Timelines.find(all, r.like()), e.tick()), sites, s.domain());
          r = ReleaseSpec.of(m, r.like(), or(r.initial(), Defaults.RELEASE_INITIAL));
        }
        timeline.add(new EventSpec(e.tick(), r, e.retire(), e.set(), e.humans()));
      }
    }
    WebSpec web = new WebSpec(s.web() == null || s.web().retention() == null
        ? Defaults.RETENTION : s.web().retention());
    EngineSpec engine = new EngineSpec(s.engine() == null || s.engine().phaseTimeoutSeconds() == null
        ? Defaults.PHASE_TIMEOUT_SECONDS : s.engine().phaseTimeoutSeconds());
    CollapseSpec collapse = (s.collapse() != null ? s.collapse()
        : new CollapseSpec(null, null, null, null, null, null, null, null, null, null, null))
        .resolve();
    return new Scenario(s.name(), s.description(), s.seed(), s.ticks(), s.domain().resolve(), web,
        sites, engine, humans, models, timeline, s.aiShare(), collapse, s.output());
  }

  /** A model with every default filled in. */
  static ModelSpec model(ModelSpec m, List<SiteSpec> sites, DomainSpec domain) {
    String firstSite = sites.get(0).id();
    boolean graph = m.trainsOn() != null;
    return new ModelSpec(m.id(), m.regime(),
        "window".equals(m.regime()) ? or(m.window(), Defaults.WINDOW) : m.window(),
        or(m.retrainEvery(), Defaults.RETRAIN_EVERY), or(m.firstRetrain(), Defaults.FIRST_RETRAIN),
        m.scrape(), graph ? null : or(m.freshHumanFraction(), Defaults.FRESH_HUMAN_FRACTION),
        m.publishRate(),
        m.publishTo() != null ? null : or(m.site(), firstSite), m.publishTo(),
        or(m.initial(), Defaults.INITIAL),
        graph ? null : crawl(m.crawl(), sites),
        sampling(m.sampling(), domain.samplingKeys()),
        estimator(m.estimator(), domain.estimatorKeys()),
        or(m.family(), m.id()),
        m.watermark() == null ? null
            : new WatermarkSpec(or(m.watermark().rate(), 0.0), or(m.watermark().strength(), 2.0)),
        m.pipeline() == null ? List.of() : m.pipeline().stream().map(StageSpec::resolve).toList(),
        graph ? m.trainsOn().stream().map(t -> new TrainsOnSpec(t.source(),
            or(t.weight(), Defaults.TRAINS_ON_WEIGHT))).toList() : null,
        graph ? or(m.humanShare(), Defaults.HUMAN_SHARE) : null);
  }

  /** A crawl block with every default filled in. */
  private static CrawlSpec crawl(CrawlSpec given, List<SiteSpec> sites) {
    CrawlSpec c = given != null ? given : new CrawlSpec(null, null);
    String policy = or(c.policy(), Defaults.CRAWL_POLICY);
    List<String> keys = CrawlSpec.KEYS.get(policy);
    return new CrawlSpec(policy,
        c.sites() != null ? c.sites() : sites.stream().map(SiteSpec::id).toList(),
        c.weights(),
        keys.contains("window") ? or(c.window(), Defaults.CRAWL_WINDOW) : null,
        keys.contains("exponent") ? or(c.exponent(), Defaults.CRAWL_EXPONENT) : null);
  }

  /** Sampling settings with a default for every key the domain uses, and nothing else. */
  private static SamplingSpec sampling(SamplingSpec given, List<String> keys) {
    SamplingSpec g = given != null ? given : new SamplingSpec(null, null, null);
    return new SamplingSpec(
        keys.contains("temperature") ? or(g.temperature(), Defaults.TEMPERATURE) : null,
        keys.contains("top-k") ? or(g.topK(), Defaults.TOP_K) : null,
        keys.contains("top-p") ? or(g.topP(), Defaults.TOP_P) : null);
  }

  /** Estimator settings with a default for every key the domain uses, and nothing else. */
  private static EstimatorSpec estimator(EstimatorSpec given, List<String> keys) {
    EstimatorSpec g = given != null ? given
        : new EstimatorSpec(null, null, null, null, null, null, null);
    return new EstimatorSpec(
        keys.contains("variance") ? or(g.variance(), Defaults.VARIANCE) : null,
        keys.contains("smoothing") ? or(g.smoothing(), Defaults.SMOOTHING) : null,
        keys.contains("alpha") ? or(g.alpha(), Defaults.ALPHA) : null,
        keys.contains("order") ? or(g.order(), Defaults.ORDER) : null,
        keys.contains("ridge") ? or(g.ridge(), Defaults.RIDGE) : null,
        g.bandwidth(),
        keys.contains("components") ? or(g.components(), Defaults.COMPONENTS) : null);
  }

  /** The value, or the default when it is null. */
  private static <T> T or(T value, T fallback) {
    return value != null ? value : fallback;
  }
}
