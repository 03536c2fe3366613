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
 * Everything that defines one generative model, already validated by the scenario loader. A
 * component named like a key of the scenario's model block (in camel case) is compiled from that
 * key by name, so a new plain model key is declared there, added here and read by {@link
 * ModelCore}.
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

  /**
   * A builder for settings with the given id and crawl, every other setting at a neutral value
   * (replace regime, one retrain per tick from tick 0, scrape 1, publish 0 items on site 0, no
   * initial model, default sampling, estimator and collapse thresholds, the default baseline cap,
   * no watermark, no pipeline): how code outside the scenario compiler (tests, benchmarks) makes
   * settings without listing every component, so that a new component does not break it. A
   * scenario's defaults are declared on its keys; the scenario compiler sets every component.
   */
  public static Builder builder(String id, CrawlPolicy crawl) {
    return new Builder(id, crawl);
  }

  /** A builder that starts from these settings. */
  public Builder toBuilder() {
    Builder b = new Builder(id, crawl);
    b.regime = regime;
    b.window = window;
    b.retrainEvery = retrainEvery;
    b.firstRetrain = firstRetrain;
    b.scrape = scrape;
    b.freshHumanFraction = freshHumanFraction;
    b.publishRate = publishRate;
    b.site = site;
    b.initial = initial;
    b.sampling = sampling;
    b.estimator = estimator;
    b.collapse = collapse;
    b.baselineCap = baselineCap;
    b.watermark = watermark;
    b.pipeline = pipeline;
    b.publishTo = publishTo;
    return b;
  }

  /** Builds {@link ModelSettings} one named setting at a time; see {@link #builder}. */
  public static final class Builder {
    private final String id;
    private final CrawlPolicy crawl;
    private Regime regime = Regime.REPLACE;
    private int window;
    private int retrainEvery = 1;
    private int firstRetrain;
    private int scrape = 1;
    private double freshHumanFraction;
    private int publishRate;
    private short site;
    private Initial initial = Initial.NONE;
    private SamplingSettings sampling = SamplingSettings.DEFAULTS;
    private EstimatorSettings estimator = EstimatorSettings.DEFAULTS;
    private Thresholds collapse = Thresholds.DEFAULTS;
    private int baselineCap = BASELINE_CAP;
    private Watermark watermark = Watermark.NONE;
    private List<StagePlan> pipeline = List.of();
    private SiteMix publishTo;

    private Builder(String id, CrawlPolicy crawl) {
      this.id = id;
      this.crawl = crawl;
    }

    public Builder regime(Regime v) {
      regime = v;
      return this;
    }

    public Builder window(int v) {
      window = v;
      return this;
    }

    public Builder retrainEvery(int v) {
      retrainEvery = v;
      return this;
    }

    public Builder firstRetrain(int v) {
      firstRetrain = v;
      return this;
    }

    public Builder scrape(int v) {
      scrape = v;
      return this;
    }

    public Builder freshHumanFraction(double v) {
      freshHumanFraction = v;
      return this;
    }

    public Builder publishRate(int v) {
      publishRate = v;
      return this;
    }

    /** The one site it publishes to (and clears a mix set before). */
    public Builder site(short v) {
      site = v;
      publishTo = null;
      return this;
    }

    public Builder initial(Initial v) {
      initial = v;
      return this;
    }

    public Builder sampling(SamplingSettings v) {
      sampling = v;
      return this;
    }

    public Builder estimator(EstimatorSettings v) {
      estimator = v;
      return this;
    }

    public Builder collapse(Thresholds v) {
      collapse = v;
      return this;
    }

    public Builder baselineCap(int v) {
      baselineCap = v;
      return this;
    }

    public Builder watermark(Watermark v) {
      watermark = v;
      return this;
    }

    public Builder pipeline(List<StagePlan> v) {
      pipeline = v;
      return this;
    }

    /** The sites it publishes to and their shares (its site becomes the mix's first). */
    public Builder publishTo(SiteMix v) {
      publishTo = v;
      site = v.first();
      return this;
    }

    /** The settings; the record's checks apply. */
    public ModelSettings build() {
      return new ModelSettings(
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
          collapse,
          baselineCap,
          watermark,
          pipeline,
          publishTo);
    }
  }

  /** Whether the schedule calls for a retrain at this tick. */
  public boolean retrainsAt(int tick) {
    return tick >= firstRetrain && (tick - firstRetrain) % retrainEvery == 0;
  }
}
