package ouroboros.sim.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import ouroboros.agents.crawl.CrawlPolicies;
import ouroboros.agents.domain.Domain;
import ouroboros.agents.domain.EstimatorSettings;
import ouroboros.agents.domain.SamplingSettings;
import ouroboros.agents.domain.VarianceEstimator;
import ouroboros.agents.human.HumanSettings;
import ouroboros.agents.model.Initial;
import ouroboros.agents.model.ModelSettings;
import ouroboros.agents.pipeline.Regime;
import ouroboros.sim.scenario.HumanSpec;
import ouroboros.sim.scenario.ModelSpec;
import ouroboros.sim.scenario.Scenario;
import ouroboros.sim.scenario.SiteSpec;

/**
 * A resolved scenario compiled into what the engine runs: the domain, the sites, and each agent's
 * settings in canonical order (humans first, then models, each in file order).
 *
 * @param scenario the resolved scenario
 * @param seed the seed this run uses
 * @param domain the domain
 * @param sites site ids; an agent's site is an index into this list
 * @param humans human sources, agent indices 0..H-1
 * @param models models, agent indices H..H+M-1
 * @param retention ticks the web keeps, 0 for all
 * @param phaseTimeout how long a phase waits
 */
public record World(
    Scenario scenario,
    long seed,
    Domain domain,
    List<String> sites,
    List<HumanSettings> humans,
    List<ModelSettings> models,
    int retention,
    Duration phaseTimeout) {

  /** Checks the references. */
  public World {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(domain, "domain");
    sites = List.copyOf(sites);
    humans = List.copyOf(humans);
    models = List.copyOf(models);
    Objects.requireNonNull(phaseTimeout, "phaseTimeout");
  }

  /** Compiles a resolved, valid scenario with the given seed. */
  public static World of(Scenario s, long seed) {
    List<String> sites = s.sites().stream().map(SiteSpec::id).toList();
    List<HumanSettings> humans = new ArrayList<>();
    for (HumanSpec h : s.humans()) {
      humans.add(new HumanSettings(h.id(), h.publishRate(), (short) sites.indexOf(h.site())));
    }
    List<ModelSettings> models = new ArrayList<>();
    for (ModelSpec m : s.models()) {
      int[] crawlSites = m.crawl().sites().stream().mapToInt(sites::indexOf).toArray();
      models.add(new ModelSettings(m.id(), Regime.of(m.regime()),
          m.window() == null ? 0 : m.window(), m.retrainEvery(),
          m.firstRetrain(), m.scrape(), m.freshHumanFraction(), m.publishRate(),
          (short) sites.indexOf(m.site()),
          Initial.valueOf(m.initial().toUpperCase(java.util.Locale.ROOT)),
          CrawlPolicies.create(m.crawl().policy(), crawlSites),
          new SamplingSettings(m.sampling().temperature()),
          new EstimatorSettings(
              VarianceEstimator.valueOf(m.estimator().variance().toUpperCase(java.util.Locale.ROOT)))));
    }
    long millis = Math.round(s.engine().phaseTimeoutSeconds() * 1000);
    return new World(s.withSeed(seed), seed, s.domain().build(), sites, humans, models,
        s.web().retention().ticks(), Duration.ofMillis(millis));
  }

  /** Number of agents. */
  public int agentCount() {
    return humans.size() + models.size();
  }

  /** The id of agent {@code index}. */
  public String agentId(int index) {
    return index < humans.size() ? humans.get(index).id() : models.get(index - humans.size()).id();
  }

  /** Number of ticks. */
  public int ticks() {
    return scenario.ticks();
  }
}
