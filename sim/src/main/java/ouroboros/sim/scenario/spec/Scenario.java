package ouroboros.sim.scenario.spec;

import java.util.List;
import ouroboros.agents.domain.DomainSpec;
import ouroboros.agents.spec.Key;
import ouroboros.agents.spec.Spec;
import ouroboros.sim.scenario.load.ScenarioLoader;

/**
 * A scenario file, bound from YAML with kebab-case keys. Absent optional keys are null here; {@link
 * ScenarioLoader} validates the file and fills in the defaults declared on the records' {@link
 * Key}s, and the resolved scenario is what a run writes to {@code scenario.yaml}.
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
 * @param populations many agents or sites described in a few lines each, as written; the loader has
 *     already appended their members to {@code models}, {@code humans} and {@code sites}
 * @param output what a large run's directory keeps (absent: the defaults, not written back)
 * @param copies R independent copies of the world in one run (absent: one world, ids as written)
 */
@Spec(
    doc =
        "A scenario file for the Ouroboros simulator: the ground truth, the web, and the human "
            + "sources and generative models that publish to it and scrape it, over a number of ticks. "
            + "Keys are kebab-case. The simulator's own checks (ScenarioValidator) are the final word; "
            + "this schema adds editor completion and catches most mistakes while typing. Put '# "
            + "yaml-language-server: $schema=<relative path to this file>' on the first line of a "
            + "scenario.",
    rules =
        """
        {
          "anyOf": [
            {
              "required": [
                "humans"
              ],
              "properties": {
                "humans": {
                  "minItems": 1
                }
              }
            },
            {
              "required": [
                "models"
              ],
              "properties": {
                "models": {
                  "minItems": 1
                }
              }
            },
            {
              "required": [
                "populations"
              ],
              "properties": {
                "populations": {
                  "minItems": 1
                }
              }
            }
          ]
        }
        """)
public record Scenario(
    @Key(
            doc =
                "Short name, used in the run directory's name: letters, digits, '.', '_' or '-',"
                    + " at most 200 of them.",
            required = true,
            pattern = "^[A-Za-z0-9._-]+$",
            schema = "{\"maxLength\": 200}")
        String name,
    @Key(doc = "Free text saying what the scenario shows.") String description,
    @Key(
            doc =
                "The scenario seed. A run's --seed option overrides it; replicate i gets a seed "
                    + "derived from this seed and i.")
        Long seed,
    @Key(doc = "Number of ticks T the run lasts.", required = true, min = 1) Integer ticks,
    @Key(required = true) DomainSpec domain,
    WebSpec web,
    @Key(
            doc =
                "The sites agents publish to and crawl. Without this key the web has one site, "
                    + "'web'. Site ids must be unique.",
            def = "[{\"id\": \"web\"}]",
            minItems = 1)
        List<SiteSpec> sites,
    EngineSpec engine,
    @Key(
            doc =
                "Human content sources: each publishes items drawn from the ground truth. A scenario "
                    + "needs at least one human source or model.")
        List<HumanSpec> humans,
    @Key(
            doc =
                "Generative models: each scrapes the web, retrains on what it gathered, and "
                    + "publishes samples. A scenario needs at least one human source or model.")
        List<ModelSpec> models,
    @Key(
            doc =
                "Events at given ticks: model releases and retirements, changes of publish rates, "
                    + "populations and run-time settings. The actor set is fixed: released models are "
                    + "spawned at the start and dormant until their release tick.")
        List<EventSpec> timeline,
    @Key(doc = "Curves the synthetic share of new items follows, at most one per site.")
        List<AiShareSpec> aiShare,
    CollapseSpec collapse,
    @Key(
            doc =
                "Many agents or sites described in a few lines each: a count, an id pattern and a template whose values are fixed, cycled from a list by member index, or drawn from a seeded distribution. Before validation each population expands into ordinary entries of 'models', 'humans' or 'sites', appended after the hand-written ones in member order. Timeline events and trains-on may name a population (all its members) or one member.",
            items = "{\"$ref\": \"#/definitions/population-entry\"}")
        List<ouroboros.sim.scenario.population.Population> populations,
    @Key(
            doc = "What a large run's directory keeps (docs/outputs.md, 'Outputs at scale').",
            shape = OutputSpec.class)
        OutputSpec output,
    @Key(
            doc =
                "R independent copies of the whole world in one run, each with its own sites, "
                    + "agents (ids suffixed '.c<i>'), truth and random streams "
                    + "(docs/scenarios.md, 'Copies').",
            shape = CopiesSpec.class)
        CopiesSpec copies) {

  /** The same scenario with another seed. */
  public Scenario withSeed(long newSeed) {
    return new Scenario(
        name,
        description,
        newSeed,
        ticks,
        domain,
        web,
        sites,
        engine,
        humans,
        models,
        timeline,
        aiShare,
        collapse,
        populations,
        output,
        copies);
  }
}
