package ouroboros.sim.scenario.spec;

/**
 * Every default of a scenario file, in one place (the Caffeine simulator's reference.conf
 * convention). The scenario table of docs/scenarios.md lists the same values.
 */
public final class Defaults {
  /** Web retention: keep everything. */
  public static final Retention RETENTION = Retention.ALL;

  /** The one site of a scenario that names none. */
  public static final String SITE = "web";

  /** A site's base traffic weight. */
  public static final double SITE_WEIGHT = 1.0;

  /** No preferential attachment: a site's weight does not follow what it publishes. */
  public static final double SITE_ATTACHMENT = 0.0;

  /** A released model's first fit is a retrain on the web at its release tick. */
  public static final String RELEASE_INITIAL = "web";

  /** Seconds a phase waits for its agents. */
  public static final double PHASE_TIMEOUT_SECONDS = 120;

  /** Retrain every tick. */
  public static final int RETRAIN_EVERY = 1;

  /** First retrain at tick 0. */
  public static final int FIRST_RETRAIN = 0;

  /** Ticks kept by the window regime. */
  public static final int WINDOW = 10;

  /** No fresh human data. */
  public static final double FRESH_HUMAN_FRACTION = 0;

  /** Models start with no parameters. */
  public static final String INITIAL = "none";

  /** Uniform crawl. */
  public static final String CRAWL_POLICY = "uniform";

  /** The {@code recent} crawl reads the last 10 ticks. */
  public static final int CRAWL_WINDOW = 10;

  /** The {@code popular} crawl weights sites by their size to the power 1. */
  public static final double CRAWL_EXPONENT = 1.0;

  /** A {@code trains-on} source's weight. */
  public static final double TRAINS_ON_WEIGHT = 1.0;

  /** No fresh human data in static-graph mode. */
  public static final double HUMAN_SHARE = 0;

  /** Sampling temperature. */
  public static final double TEMPERATURE = 1.0;

  /** No top-k truncation. */
  public static final int TOP_K = 0;

  /** No top-p truncation. */
  public static final double TOP_P = 1.0;

  /** MLE variance. */
  public static final String VARIANCE = "mle";

  /** Add-k smoothing. */
  public static final String SMOOTHING = "add-k";

  /** Add nothing: plain frequencies. */
  public static final double ALPHA = 0;

  /** Bigrams. */
  public static final int ORDER = 2;

  /** Ordinary least squares. */
  public static final double RIDGE = 0;

  /** As many mixture components as the truth has. */
  public static final int COMPONENTS = 0;

  /** Per-model rows: all up to {@link #ALL_ROWS_UP_TO} models, else a sample. */
  public static final String PER_MODEL_ROWS = "auto";

  /** Models a sample keeps. */
  public static final int SAMPLE_SIZE = 1000;

  /**
   * {@code per-model-rows: auto} keeps every model up to this many; beyond it, summary.json, the
   * terminal table and the report also aggregate per population.
   */
  public static final int ALL_ROWS_UP_TO = 1000;

  private Defaults() {}
}
