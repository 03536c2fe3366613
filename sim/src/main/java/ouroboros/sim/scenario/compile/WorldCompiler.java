package ouroboros.sim.scenario.compile;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import ouroboros.agents.crawl.CrawlPolicies;
import ouroboros.agents.crawl.CrawlPolicy;
import ouroboros.agents.crawl.CrawlSettings;
import ouroboros.agents.crawl.SourcesCrawl;
import ouroboros.agents.domain.Domain;
import ouroboros.agents.domain.EstimatorSettings;
import ouroboros.agents.domain.SamplingSettings;
import ouroboros.agents.domain.Smoothing;
import ouroboros.agents.domain.VarianceEstimator;
import ouroboros.agents.human.HumanSettings;
import ouroboros.agents.model.ModelSettings;
import ouroboros.agents.model.Watermark;
import ouroboros.agents.pipeline.Regime;
import ouroboros.agents.pipeline.StagePlan;
import ouroboros.agents.rng.RngStreams;
import ouroboros.agents.web.SiteMix;
import ouroboros.sim.engine.CopyPlan;
import ouroboros.sim.engine.Timeline;
import ouroboros.sim.engine.World;
import ouroboros.sim.scenario.check.ScenarioValidator;
import ouroboros.sim.scenario.crawl.CrawlSpec;
import ouroboros.sim.scenario.path.Timelines;
import ouroboros.sim.scenario.population.Copies;
import ouroboros.sim.scenario.spec.Declared;
import ouroboros.sim.scenario.spec.EstimatorSpec;
import ouroboros.sim.scenario.spec.HumanSpec;
import ouroboros.sim.scenario.spec.ModelSpec;
import ouroboros.sim.scenario.spec.Names;
import ouroboros.sim.scenario.spec.OutputSpec;
import ouroboros.sim.scenario.spec.SamplingSpec;
import ouroboros.sim.scenario.spec.Scenario;
import ouroboros.sim.scenario.spec.SiteSpec;
import ouroboros.sim.scenario.spec.TrainsOnSpec;
import ouroboros.sim.scenario.stage.StageSpec;

/**
 * Compiles a resolved, valid scenario into the {@link World} the engine runs: the domain, the
 * sites, and each agent's settings in canonical order (humans first, then models, each in file
 * order), with the timeline. This is the one place where scenario specs become engine settings; the
 * engine never reads a spec.
 */
public final class WorldCompiler {
  private WorldCompiler() {}

  /**
   * Compiles a resolved, valid scenario with the given seed. Models come in canonical order: those
   * under {@code models}, then those of the timeline's releases in the order it lists them.
   */
  public static World compile(Scenario s, long seed) {
    if (s.copies() != null) {
      return copies(s, seed);
    }
    return world(s, seed);
  }

  /**
   * A world of R independent copies ({@link Copies}): the expanded scenario compiled as one world,
   * each agent seeing its copy's domain and streams. Copy 0's domain stands for the world's.
   */
  private static World copies(Scenario s, long seed) {
    Copies.Expanded e = Copies.expand(s, seed);
    List<Domain> domains = new ArrayList<>();
    long[] seeds = e.seeds();
    for (int i = 0; i < seeds.length; i++) {
      domains.add(e.domains().get(i).build(new RngStreams(seeds[i])));
    }
    World one = world(e.scenario(), seed);
    int[] agentCopy = new int[one.agentCount()];
    for (int a = 0; a < agentCopy.length; a++) {
      String id = one.agentId(a);
      agentCopy[a] =
          Integer.parseInt(id.substring(id.lastIndexOf(Copies.SUFFIX) + Copies.SUFFIX.length()))
              - e.first();
    }
    return new World(
        one.name(),
        one.seed(),
        one.ticks(),
        domains.get(0),
        one.sites(),
        one.siteWeights(),
        one.siteAttachments(),
        one.humans(),
        one.models(),
        one.retention(),
        one.phaseTimeout(),
        one.timeline(),
        one.groups(),
        one.perModelRows(),
        one.sampleSize(),
        new CopyPlan(e.first(), seeds, domains, agentCopy));
  }

  /** A resolved, valid scenario without copies, compiled. */
  private static World world(Scenario s, long seed) {
    List<String> sites = new Indexed(s.sites().stream().map(SiteSpec::id).toList());
    List<HumanSettings> humans = new ArrayList<>();
    for (HumanSpec h : s.humans()) {
      SiteMix mix = mix(h.site(), h.publishTo(), sites);
      humans.add(
          new HumanSettings(
              h.id(),
              h.publishRate(),
              mix.first(),
              h.community() == null ? HumanSettings.WHOLE_TRUTH : h.community(),
              h.laundering() == null ? 0 : h.laundering().share(),
              h.laundering() == null ? 0 : h.laundering().strip(),
              h.signed(),
              mix));
    }
    List<ModelSpec> specs = Timelines.allModels(s.models(), s.timeline());
    StageSpec.Context stages =
        new StageSpec.Context(s.domain(), ScenarioValidator.families(specs, s.humans().size()));
    List<String> ids = new ArrayList<>();
    s.humans().forEach(h -> ids.add(h.id()));
    specs.forEach(m -> ids.add(m.id()));
    List<String> agents = new Indexed(ids);
    List<ModelSettings> models = new ArrayList<>();
    for (ModelSpec m : specs) {
      models.add(model(m, null, null, sites, s, stages, agents));
    }
    long millis = Math.round(s.engine().phaseTimeoutSeconds() * 1000);
    OutputSpec output =
        Declared.withDefaults(s.output() != null ? s.output() : new OutputSpec(null, null));
    Timeline timeline =
        TimelineCompiler.compile(
            s,
            sites,
            humans,
            models,
            specs,
            (m, prevSpec, prev) -> model(m, prevSpec, prev, sites, s, stages, agents));
    return new World(
        s.name(),
        seed,
        s.ticks(),
        s.domain().build(new RngStreams(seed)),
        sites,
        s.sites().stream().mapToDouble(SiteSpec::weightOrDefault).toArray(),
        s.sites().stream().mapToDouble(SiteSpec::attachmentOrDefault).toArray(),
        humans,
        models,
        s.web().retention().ticks(),
        Duration.ofMillis(millis),
        timeline,
        specs.stream().map(ModelSpec::groupOf).toList(),
        output.perModelRows(),
        output.sampleSize());
  }

  /**
   * A resolved model's settings. With {@code prev} (the settings compiled from {@code prevSpec}),
   * the crawl policy and each pipeline stage's plan are reused when their spec did not change, so
   * that a reconfigured model keeps those stages.
   */
  private static ModelSettings model(
      ModelSpec m,
      ModelSpec prevSpec,
      ModelSettings prev,
      List<String> sites,
      Scenario s,
      StageSpec.Context stages,
      List<String> agents) {
    CrawlPolicy crawl =
        prev != null
                && Objects.equals(m.crawl(), prevSpec.crawl())
                && Objects.equals(m.trainsOn(), prevSpec.trainsOn())
            ? prev.crawl()
            : crawl(m, agents.indexOf(m.id()), sites, agents);
    List<StagePlan> pipeline = new ArrayList<>();
    for (int k = 0; k < m.pipeline().size(); k++) {
      StageSpec st = m.pipeline().get(k);
      boolean same =
          prev != null && k < prevSpec.pipeline().size() && st.equals(prevSpec.pipeline().get(k));
      pipeline.add(same ? prev.pipeline().get(k) : st.plan(stages));
    }
    SiteMix mix = mix(m.site(), m.publishTo(), sites);
    // Every other setting is the resolved model's key of the same name (ByName).
    Map<String, Object> compiled = new java.util.HashMap<>();
    compiled.put("regime", Regime.of(m.regime()));
    compiled.put("window", m.window() == null ? 0 : m.window());
    compiled.put(
        "freshHumanFraction", m.trainsOn() != null ? m.humanShare() : m.freshHumanFraction());
    compiled.put("site", mix.first());
    compiled.put("crawl", crawl);
    compiled.put("sampling", sampling(m.sampling()));
    compiled.put("estimator", estimator(m.estimator()));
    compiled.put("collapse", s.collapse().thresholds());
    compiled.put("baselineCap", s.collapse().baselineCap());
    compiled.put(
        "watermark",
        m.watermark() == null
            ? Watermark.NONE
            : new Watermark(m.watermark().rate(), m.watermark().strength()));
    compiled.put("pipeline", pipeline);
    compiled.put("publishTo", mix);
    return ByName.compile(ModelSettings.class, m, compiled);
  }

  /** An agent's sites: its mix in file order, or its one site. */
  private static SiteMix mix(String site, Map<String, Double> publishTo, List<String> sites) {
    if (publishTo == null) {
      return SiteMix.single((short) sites.indexOf(site));
    }
    short[] at = new short[publishTo.size()];
    double[] shares = new double[publishTo.size()];
    int k = 0;
    for (Map.Entry<String, Double> e : publishTo.entrySet()) {
      at[k] = (short) sites.indexOf(e.getKey());
      shares[k++] = e.getValue();
    }
    return new SiteMix(at, shares);
  }

  /**
   * A model's crawl policy: {@code sources} over its {@code trains-on} agents in static-graph mode,
   * else its {@code crawl}, with the keys its policy does not read at neutral values.
   */
  private static CrawlPolicy crawl(ModelSpec m, int self, List<String> sites, List<String> agents) {
    if (m.trainsOn() != null) {
      int[] sources = m.trainsOn().stream().mapToInt(t -> agents.indexOf(t.source())).toArray();
      double[] weights = m.trainsOn().stream().mapToDouble(TrainsOnSpec::weight).toArray();
      return CrawlPolicies.create(
          SourcesCrawl.NAME, new CrawlSettings(self, new int[0], weights, 1, 1.0, sources));
    }
    CrawlSpec c = m.crawl();
    return c.create(self, c.sites().stream().mapToInt(sites::indexOf).toArray());
  }

  /** A resolved sampling block as settings; keys the domain does not use take their defaults. */
  private static SamplingSettings sampling(SamplingSpec s) {
    SamplingSpec d = Declared.withDefaults(s);
    return new SamplingSettings(
        d.temperature(),
        d.topK(),
        d.topP(),
        d.beamWidth() != null ? d.beamWidth() : 0,
        d.beamPrompt() != null ? d.beamPrompt() : SamplingSettings.DEFAULT_BEAM_PROMPT,
        d.repetitionPenalty() != null ? d.repetitionPenalty() : 1.0);
  }

  /** A resolved estimator block as settings; keys the domain does not use take their defaults. */
  private static EstimatorSettings estimator(EstimatorSpec e) {
    EstimatorSpec d = Declared.withDefaults(e);
    return new EstimatorSettings(
        Names.parse(VarianceEstimator.class, d.variance()),
        Names.parse(Smoothing.class, d.smoothing()),
        d.alpha(),
        d.order(),
        d.ridge(),
        d.bandwidth() != null ? d.bandwidth() : Double.NaN,
        d.components(),
        d.combine() != null
            ? Names.parse(EstimatorSettings.Combine.class, d.combine())
            : EstimatorSettings.Combine.POOLED,
        d.warmStart() != null ? d.warmStart() : 0);
  }
}
