package ouroboros.sim.scenario;

import java.util.List;

/**
 * A scenario file, bound from YAML with kebab-case keys. Absent optional keys are null here;
 * {@link ScenarioLoader} validates the file and fills in the defaults from
 * {@link Defaults}, and the resolved scenario is what a run writes to {@code scenario.yaml}.
 *
 * @param name short name, used in the run directory's name
 * @param description free text
 * @param seed the scenario seed; a run's {@code --seed} overrides it
 * @param ticks number of ticks T
 * @param domain the ground truth and model family
 * @param web web settings
 * @param sites the sites agents publish to
 * @param engine engine settings
 * @param humans human content sources
 * @param models generative models
 * @param timeline events at given ticks: releases, retirements, setting and population changes
 * @param aiShare curves the synthetic share of a site's new items follows
 * @param collapse thresholds of the eight collapse definitions
 * @param output what a large run's directory keeps (absent: the defaults, not written back)
 */
public record Scenario(
    String name,
    String description,
    Long seed,
    Integer ticks,
    DomainSpec domain,
    WebSpec web,
    List<SiteSpec> sites,
    EngineSpec engine,
    List<HumanSpec> humans,
    List<ModelSpec> models,
    List<EventSpec> timeline,
    List<AiShareSpec> aiShare,
    CollapseSpec collapse,
    OutputSpec output) {

  /** The same scenario with another seed. */
  public Scenario withSeed(long newSeed) {
    return new Scenario(name, description, newSeed, ticks, domain, web, sites, engine, humans,
        models, timeline, aiShare, collapse, output);
  }
}
