package ouroboros.agents.model;

import java.util.List;
import java.util.Objects;
import ouroboros.agents.collapse.Thresholds;
import ouroboros.agents.crawl.CrawlPolicy;
import ouroboros.agents.domain.EstimatorSettings;
import ouroboros.agents.domain.SamplingSettings;
import ouroboros.agents.pipeline.Regime;
import ouroboros.agents.pipeline.StagePlan;
import ouroboros.agents.web.SiteMix;

/**
 * Everything that defines one generative model, already validated by the scenario loader.
 *
 * @param id unique agent id
 * @param regime how the training pool is kept
 * @param window ticks kept by the window regime (ignored by the others)
 * @param retrainEvery P: retrain every P ticks
 * @param firstRetrain f: the first retrain is at tick f
 * @param scrape n: items gathered per retrain (fresh plus scraped)
 * @param freshHumanFraction lambda: share of n drawn fresh from the truth
 * @param publishRate k: items published per tick
 * @param site the site the model publishes to (the first of {@code publishTo})
 * @param initial what the model is before its first fit
 * @param crawl how the model scrapes the web
 * @param sampling generation settings
 * @param estimator fit settings
 * @param collapse where the collapse definitions' verdicts fire
 * @param baselineCap definition 4's human-only baseline is fitted on as many fresh human items as
 *     the model has gathered, up to this many; beyond it (and when 0) definition 4 does not apply
 * @param watermark the watermark the model embeds in its output
 * @param pipeline the stages its gathered items go through, in order
 * @param publishTo the sites it publishes to and their shares; null for {@code site} alone
 */
public record ModelSettings(
    String id,
    Regime regime,
    int window,
    int retrainEvery,
    int firstRetrain,
    int scrape,
    double freshHumanFraction,
    int publishRate,
    short site,
    Initial initial,
    CrawlPolicy crawl,
    SamplingSettings sampling,
    EstimatorSettings estimator,
    Thresholds collapse,
    int baselineCap,
    Watermark watermark,
    List<StagePlan> pipeline,
    SiteMix publishTo) {

  /** Default baseline cap: 10,000 human items. */
  public static final int BASELINE_CAP = 10_000;

  /** Checks the settings; messages name the parameter and its value. */
  public ModelSettings {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(regime, "regime");
    Objects.requireNonNull(initial, "initial");
    Objects.requireNonNull(crawl, "crawl");
    Objects.requireNonNull(sampling, "sampling");
    Objects.requireNonNull(estimator, "estimator");
    Objects.requireNonNull(collapse, "collapse");
    Objects.requireNonNull(watermark, "watermark");
    pipeline = List.copyOf(pipeline);
    if (publishTo == null) {
      publishTo = SiteMix.single(site);
    } else if (publishTo.first() != site) {
      throw new IllegalArgumentException(
          "site " + site + " is not the mix's first site: " + publishTo);
    }
    if (baselineCap < 0) {
      throw new IllegalArgumentException("baselineCap is negative: " + baselineCap);
    }
    if (retrainEvery < 1) {
      throw new IllegalArgumentException("retrainEvery is not strictly positive: " + retrainEvery);
    }
    if (firstRetrain < 0) {
      throw new IllegalArgumentException("firstRetrain is negative: " + firstRetrain);
    }
    if (scrape < 1) {
      throw new IllegalArgumentException("scrape is not strictly positive: " + scrape);
    }
    if (!(freshHumanFraction >= 0 && freshHumanFraction <= 1)) {
      throw new IllegalArgumentException(
          "freshHumanFraction is not in [0,1]: " + freshHumanFraction);
    }
    if (publishRate < 0) {
      throw new IllegalArgumentException("publishRate is negative: " + publishRate);
    }
  }

  /** Settings with the default collapse thresholds and baseline. */
  public ModelSettings(
      String id,
      Regime regime,
      int window,
      int retrainEvery,
      int firstRetrain,
      int scrape,
      double freshHumanFraction,
      int publishRate,
      short site,
      Initial initial,
      CrawlPolicy crawl,
      SamplingSettings sampling,
      EstimatorSettings estimator) {
    this(
        id,
        regime,
        window,
        retrainEvery,
        firstRetrain,
        scrape,
        freshHumanFraction,
        publishRate,
        site,
        initial,
        crawl,
        sampling,
        estimator,
        Thresholds.DEFAULTS,
        BASELINE_CAP,
        Watermark.NONE,
        List.of(),
        null);
  }

  /** Whether the schedule calls for a retrain at this tick. */
  public boolean retrainsAt(int tick) {
    return tick >= firstRetrain && (tick - firstRetrain) % retrainEvery == 0;
  }
}
