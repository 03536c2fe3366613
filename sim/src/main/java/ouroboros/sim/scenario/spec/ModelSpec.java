package ouroboros.sim.scenario.spec;

import ouroboros.agents.spec.Key;
import ouroboros.agents.spec.Spec;
import ouroboros.sim.scenario.crawl.CrawlSpec;
import ouroboros.sim.scenario.stage.StageSpec;

/**
 * A generative model.
 *
 * @param id unique agent id
 * @param regime replace, accumulate, accumulate-subsample or window
 * @param window ticks the window regime keeps
 * @param retrainEvery P: retrain every P ticks
 * @param firstRetrain f: first retrain at tick f
 * @param scrape n: items gathered per retrain
 * @param freshHumanFraction lambda: share of n drawn fresh from the truth
 * @param publishRate k: items published per tick
 * @param site the site it publishes to (default: the first site); not with {@code publishTo}
 * @param publishTo the sites it publishes to, each with its share of the items, shares summing to
 *     1, in file order; not with {@code site}
 * @param initial none, truth or fit-truth
 * @param crawl how it scrapes the web
 * @param sampling generation settings
 * @param estimator fit settings
 * @param family the model family, for detectors that treat families differently (default: its id)
 * @param watermark the watermark it embeds in its output (absent: none)
 * @param pipeline the stages its gathered training data goes through, in order
 * @param trainsOn static-graph mode: the agents it reads from, with weights, instead of a crawl
 * @param humanShare static-graph mode: the share of n drawn fresh from the truth (default 0)
 * @param population the population it belongs to, grouping models in outputs (set on every member a
 *     {@code populations:} entry generates; absent: none)
 */
@Spec(
    name = "model",
    doc =
        "A generative model: scrapes the web, retrains on what it gathered, and publishes "
            + "samples.",
    rules =
        """
        {
          "allOf": [
            {
              "if": {
                "required": [
                  "trains-on"
                ]
              },
              "then": {
                "not": {
                  "anyOf": [
                    {
                      "required": [
                        "crawl"
                      ]
                    },
                    {
                      "required": [
                        "fresh-human-fraction"
                      ]
                    }
                  ]
                }
              }
            },
            {
              "if": {
                "required": [
                  "human-share"
                ]
              },
              "then": {
                "required": [
                  "trains-on"
                ]
              }
            }
          ]
        }
        """)
public record ModelSpec(
    @Key(
            doc =
                "Unique agent id, not used by another human source or model: letters, digits, '.', '_' and '-' (it is a column of metrics.csv).",
            required = true,
            pattern = "^[A-Za-z0-9._-]+$")
        String id,
    @Key(
            doc =
                "How the training pool is kept between retrains: 'replace' trains only on the latest "
                    + "scrape; 'accumulate' keeps everything; 'accumulate-subsample' keeps everything but "
                    + "fits on n items drawn from it; 'window' keeps the last 'window' ticks.",
            required = true,
            names = ouroboros.agents.pipeline.Regime.class)
        String regime,
    @Key(doc = "W: ticks the window regime keeps.", min = 1, def = "10") Integer window,
    @Key(doc = "P: retrain every P ticks.", min = 1, def = "1") Integer retrainEvery,
    @Key(doc = "f: the first retrain is at tick f.", min = 0, def = "0") Integer firstRetrain,
    @Key(doc = "n: items gathered per retrain.", required = true, min = 1, max = 10000000)
        Integer scrape,
    @Key(
            doc = "lambda: the share of the n items drawn fresh from the truth instead of scraped.",
            min = 0,
            max = 1,
            def = "0")
        Double freshHumanFraction,
    @Key(doc = "k: items published per tick.", required = true, min = 0, max = 10000000)
        Integer publishRate,
    @Key(doc = "The site it publishes to. Default: the first site. Not with 'publish-to'.")
        String site,
    @Key(shape = PublishTo.class) java.util.Map<String, Double> publishTo,
    @Key(
            doc =
                "What the model is before its first retrain: 'none' (no parameters; it publishes "
                    + "nothing until its first successful fit), 'truth' (the truth itself, as if "
                    + "pre-trained on unlimited human data), or 'fit-truth' (fitted before tick 0 on "
                    + "'scrape' items drawn fresh from the truth, which also enter its training pool; "
                    + "that generation 1 has its metrics.csv rows at tick -1).",
            names = ouroboros.agents.model.Initial.class,
            def = "\"none\"")
        String initial,
    CrawlSpec crawl,
    SamplingSpec sampling,
    EstimatorSpec estimator,
    @Key(
            doc =
                "The model family, for detectors that treat families differently ('family-tpr' of "
                    + "'ai-detector'). Default: the model's id.",
            pattern = "\\S")
        String family,
    WatermarkSpec watermark,
    @Key(
            doc =
                "The stages the model's gathered training data goes through, in order, before it "
                    + "enters the training pool. Each entry's 'stage' key picks the policy.")
        java.util.List<StageSpec> pipeline,
    @Key(
            doc =
                "Static-graph mode: the agents (human sources or models, itself included) this model "
                    + "reads, with weights, instead of a 'crawl'. At each retrain round(h n) items come "
                    + "fresh from the truth (h = 'human-share') and the rest from the web, split across "
                    + "the sources by weight (largest remainder), each part drawn uniformly from that "
                    + "source's visible items on any site. A source with fewer visible items than its part "
                    + "gives what it has. Not with 'crawl' or 'fresh-human-fraction'.",
            minItems = 1)
        java.util.List<TrainsOnSpec> trainsOn,
    @Key(
            doc =
                "Static-graph mode only (with 'trains-on'): the share of the n items drawn fresh "
                    + "from the truth, like 'fresh-human-fraction' for a model that crawls.",
            min = 0,
            max = 1,
            def = "0")
        Double humanShare,
    @Key(
            doc =
                "The population this agent belongs to, grouping agents in outputs. Every member a 'populations' entry generates carries its population's id; a hand-written agent may name a group too.",
            pattern = "^[A-Za-z0-9._-]+$")
        String population) {

  /** The output group of models that name no population. */
  public static final String DEFAULT_GROUP = "models";

  /** A model's output group: its population, else {@value #DEFAULT_GROUP}. */
  public static String groupOf(ModelSpec m) {
    return m.population() != null ? m.population() : DEFAULT_GROUP;
  }
}
