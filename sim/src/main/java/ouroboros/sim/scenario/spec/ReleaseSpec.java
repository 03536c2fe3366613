package ouroboros.sim.scenario.spec;

import java.util.List;
import java.util.Map;
import ouroboros.agents.spec.Key;
import ouroboros.agents.spec.Spec;
import ouroboros.sim.scenario.crawl.CrawlSpec;
import ouroboros.sim.scenario.stage.StageSpec;

/**
 * A {@code release} event: a new model, {@code like} an existing one with some keys overridden.
 * Every key but {@code id}, {@code like} and {@code initial} is a model key; one that is given
 * replaces the like model's value of that key whole (a {@code crawl} mapping replaces its {@code
 * crawl}; {@code site} and {@code publish-to} replace each other). The model is spawned at the
 * start of the run and stays dormant (it publishes nothing, never retrains and reports nothing)
 * until the release tick.
 *
 * @param id the new model's unique agent id
 * @param like the id of the model it copies: one under {@code models} or an earlier release, as its
 *     entry is written (events that changed it do not carry over)
 * @param initial {@code web}: its first fit is a retrain on the web at {@code first-retrain}, by
 *     default the release tick; {@code truth}: it starts as the truth
 * @param regime see {@link ModelSpec}
 * @param window see {@link ModelSpec}
 * @param retrainEvery see {@link ModelSpec}
 * @param firstRetrain its first retrain, at or after the release tick (default: the release tick)
 * @param scrape see {@link ModelSpec}
 * @param freshHumanFraction see {@link ModelSpec}
 * @param publishRate see {@link ModelSpec}
 * @param site see {@link ModelSpec}
 * @param publishTo see {@link ModelSpec}
 * @param crawl see {@link ModelSpec}
 * @param sampling see {@link ModelSpec}
 * @param estimator see {@link ModelSpec}
 * @param family see {@link ModelSpec} (default: the like model's family)
 * @param watermark see {@link ModelSpec}
 * @param pipeline see {@link ModelSpec}
 * @param trainsOn see {@link ModelSpec}; only in a release like a model with {@code trains-on}
 * @param humanShare see {@link ModelSpec}; only in a release like a model with {@code trains-on}
 */
@Spec(
    name = "release",
    doc =
        "A new model released at the event's tick, like an existing one with some keys "
            + "overridden. It is spawned at the start of the run and stays dormant (it publishes "
            + "nothing, never retrains and reports nothing) until its release tick.")
public record ReleaseSpec(
    @Key(
            doc = "The new model's unique agent id, not used by another human source or model.",
            required = true,
            pattern = "\\S")
        String id,
    @Key(
            doc =
                "The id of the model it copies: one under 'models' or an earlier release. Every key "
                    + "the release gives replaces the like model's value of that key whole ('site' and "
                    + "'publish-to' replace each other).",
            required = true,
            pattern = "\\S")
        String like,
    @Key(
            doc =
                "'web': its first fit is a retrain on the web at its first retrain, by default the "
                    + "release tick; 'truth': it starts as the truth.",
            names = ReleaseSpec.Start.class,
            def = "\"web\"")
        String initial,
    @Key(ref = "#/definitions/model/properties/regime") String regime,
    @Key(ref = "#/definitions/model/properties/window") Integer window,
    @Key(ref = "#/definitions/model/properties/retrain-every") Integer retrainEvery,
    @Key(
            doc = "Its first retrain, at or after the release tick. Default: the release tick.",
            min = 0)
        Integer firstRetrain,
    @Key(ref = "#/definitions/model/properties/scrape") Integer scrape,
    @Key(ref = "#/definitions/model/properties/fresh-human-fraction") Double freshHumanFraction,
    @Key(ref = "#/definitions/model/properties/publish-rate") Integer publishRate,
    @Key(ref = "#/definitions/model/properties/site") String site,
    @Key(shape = PublishTo.class) Map<String, Double> publishTo,
    CrawlSpec crawl,
    SamplingSpec sampling,
    EstimatorSpec estimator,
    @Key(
            doc =
                "The model family, for detectors that treat families differently. Default: the like "
                    + "model's family.",
            pattern = "\\S")
        String family,
    WatermarkSpec watermark,
    @Key(ref = "#/definitions/model/properties/pipeline") List<StageSpec> pipeline,
    @Key(
            doc =
                "Static-graph mode: the agents it reads, with weights, replacing the like model's "
                    + "list whole. Only in a release like a model with 'trains-on'.",
            minItems = 1)
        List<TrainsOnSpec> trainsOn,
    @Key(
            doc =
                "Static-graph mode: the share of the n items drawn fresh from the truth, replacing "
                    + "the like model's. Only in a release like a model with 'trains-on'.",
            min = 0,
            max = 1)
        Double humanShare) {

  /** The initial states a release may start from. */
  public enum Start {
    WEB,
    TRUTH
  }

  /** The initial states a release may start from, by name. */
  public static final List<String> INITIALS = Names.of(Start.class);

  /**
   * The model this release makes, from the like model's spec: its keys, with the given ones
   * replacing theirs, {@code first-retrain} the given one or else {@code tick}, and {@code initial}
   * as a model's ({@code web} is {@code none}: no parameters before the first fit).
   */
  public ModelSpec over(ModelSpec like, int tick) {
    boolean sites = site != null || publishTo != null;
    Map<String, Object> keys = Declared.values(like);
    Declared.values(this)
        .forEach(
            (key, value) -> {
              if (value != null && keys.containsKey(key)) {
                keys.put(key, value); // a model key the release gives replaces the like model's
              }
            });
    keys.put("id", id);
    keys.put("first-retrain", firstRetrain != null ? firstRetrain : tick);
    keys.put("site", sites ? site : like.site());
    keys.put("publish-to", sites ? publishTo : like.publishTo());
    keys.put("initial", Names.of(Start.TRUTH).equals(initial) ? "truth" : "none");
    keys.put("family", family != null ? family : like.family() != null ? like.family() : like.id());
    keys.put("population", null); // a released model belongs to no population
    return Declared.build(ModelSpec.class, keys);
  }

  /** A resolved release: the resolved model's keys, with this release's id, like and initial. */
  public static ReleaseSpec of(ModelSpec m, String like, String initial) {
    Map<String, Object> keys = Declared.values(m);
    keys.put("like", like);
    keys.put("initial", initial);
    return Declared.build(ReleaseSpec.class, keys);
  }
}
