package ouroboros.sim.scenario;

import java.util.List;
import java.util.Map;

/**
 * A {@code release} event: a new model, {@code like} an existing one with some keys overridden.
 * Every key but {@code id}, {@code like} and {@code initial} is a model key; one that is given
 * replaces the like model's value of that key whole (a {@code crawl} mapping replaces its
 * {@code crawl}; {@code site} and {@code publish-to} replace each other). The model is spawned at
 * the start of the run and stays dormant (it publishes nothing, never retrains and reports
 * nothing) until the release tick.
 *
 * @param id the new model's unique agent id
 * @param like the id of the model it copies: one under {@code models} or an earlier release, as
 *     its entry is written (events that changed it do not carry over)
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
 */
public record ReleaseSpec(
    String id,
    String like,
    String initial,
    String regime,
    Integer window,
    Integer retrainEvery,
    Integer firstRetrain,
    Integer scrape,
    Double freshHumanFraction,
    Integer publishRate,
    String site,
    Map<String, Double> publishTo,
    CrawlSpec crawl,
    SamplingSpec sampling,
    EstimatorSpec estimator,
    String family,
    WatermarkSpec watermark,
    List<StageSpec> pipeline) {

  /** The initial states a release may start from. */
  public static final List<String> INITIALS = List.of("web", "truth");

  /**
   * The model this release makes, from the like model's spec: its keys, with the given ones
   * replacing theirs, {@code first-retrain} the given one or else {@code tick}, and
   * {@code initial} as a model's ({@code web} is {@code none}: no parameters before the first
   * fit).
   */
  public ModelSpec over(ModelSpec like, int tick) {
    boolean sites = site != null || publishTo != null;
    return new ModelSpec(id, or(regime, like.regime()), or(window, like.window()),
        or(retrainEvery, like.retrainEvery()), firstRetrain != null ? firstRetrain : tick,
        or(scrape, like.scrape()), or(freshHumanFraction, like.freshHumanFraction()),
        or(publishRate, like.publishRate()), sites ? site : like.site(),
        sites ? publishTo : like.publishTo(), "truth".equals(initial) ? "truth" : "none",
        or(crawl, like.crawl()), or(sampling, like.sampling()), or(estimator, like.estimator()),
        family != null ? family : like.family() != null ? like.family() : like.id(),
        or(watermark, like.watermark()), or(pipeline, like.pipeline()),
        like.trainsOn(), like.humanShare(), null);
  }

  /** A resolved release: the resolved model's keys, with this release's id, like and initial. */
  static ReleaseSpec of(ModelSpec m, String like, String initial) {
    return new ReleaseSpec(m.id(), like, initial, m.regime(), m.window(), m.retrainEvery(),
        m.firstRetrain(), m.scrape(), m.freshHumanFraction(), m.publishRate(), m.site(),
        m.publishTo(), m.crawl(), m.sampling(), m.estimator(), m.family(), m.watermark(),
        m.pipeline());
  }

  /** The value, or the like model's when it is null. */
  private static <T> T or(T value, T fallback) {
    return value != null ? value : fallback;
  }
}
