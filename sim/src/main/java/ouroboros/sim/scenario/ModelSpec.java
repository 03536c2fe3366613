package ouroboros.sim.scenario;

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
 * @param publishTo the sites it publishes to, each with its share of the items, shares summing
 *     to 1, in file order; not with {@code site}
 * @param initial none, truth or fit-truth
 * @param crawl how it scrapes the web
 * @param sampling generation settings
 * @param estimator fit settings
 * @param family the model family, for detectors that treat families differently (default: its id)
 * @param watermark the watermark it embeds in its output (absent: none)
 * @param pipeline the stages its gathered training data goes through, in order
 * @param trainsOn static-graph mode: the agents it reads from, with weights, instead of a crawl
 * @param humanShare static-graph mode: the share of n drawn fresh from the truth (default 0)
 * @param population the population it belongs to, grouping models in outputs (set on every
 *     member a {@code populations:} entry generates; absent: none)
 */
public record ModelSpec(
    String id,
    String regime,
    Integer window,
    Integer retrainEvery,
    Integer firstRetrain,
    Integer scrape,
    Double freshHumanFraction,
    Integer publishRate,
    String site,
    java.util.Map<String, Double> publishTo,
    String initial,
    CrawlSpec crawl,
    SamplingSpec sampling,
    EstimatorSpec estimator,
    String family,
    WatermarkSpec watermark,
    java.util.List<StageSpec> pipeline,
    java.util.List<TrainsOnSpec> trainsOn,
    Double humanShare,
    String population) {}
