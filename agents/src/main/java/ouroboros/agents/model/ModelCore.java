package ouroboros.agents.model;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.rng.UniformRandomProvider;
import ouroboros.agents.collapse.CollapseTracker;
import ouroboros.agents.data.AuthorKind;
import ouroboros.agents.data.Batch;
import ouroboros.agents.data.Items;
import ouroboros.agents.domain.Baseline;
import ouroboros.agents.domain.Domain;
import ouroboros.agents.domain.Evaluation;
import ouroboros.agents.domain.Fits;
import ouroboros.agents.domain.Model;
import ouroboros.agents.pipeline.Pipeline;
import ouroboros.agents.pipeline.StageEnv;
import ouroboros.agents.pipeline.TrainingData;
import ouroboros.agents.pipeline.TrainingPool;
import ouroboros.agents.rng.RngStreams;
import ouroboros.agents.rng.Streams;
import ouroboros.agents.state.StateIo;
import ouroboros.agents.web.SiteSplitter;
import ouroboros.agents.web.WebView;

/**
 * The logic of one generative model, free of actor code: publish from the current parameters, and
 * retrain by crawl, regime, fit and evaluate. A fit that throws keeps the previous parameters and
 * is counted (ARCHITECTURE.md, invariant 4). Not thread-safe; its actor owns it.
 */
public final class ModelCore {
  /** The tick of the report of the fit before tick 0. */
  public static final int INITIAL_TICK = -1;

  private final int index;
  private ModelSettings settings;
  private final Domain domain;
  private final TrainingPool pool;
  private final UniformRandomProvider publishRng;
  private final UniformRandomProvider crawlRng;
  private final UniformRandomProvider freshRng;
  private final UniformRandomProvider poolRng;
  private final UniformRandomProvider baselineRng;
  private final Baseline baseline;
  private final UniformRandomProvider communityRng;
  private final UniformRandomProvider fitRng;
  private final UniformRandomProvider watermarkRng;
  private final List<StageEnv> envs;
  private Pipeline pipeline;
  private final SiteSplitter splitter;
  private final CollapseTracker tracker;
  private double cumulativeItems;

  private Model model;

  /** The first successful fit, the reference of {@code l2-to-first-fit}; null before it. */
  private Model firstFit;

  /** The evaluation of {@code model}; each model is evaluated once. */
  private Evaluation current = Evaluation.NONE;

  private int generation;
  private double outputDepth = 1.0;
  private int fitFailures;

  /** The report of the fit before tick 0 ({@code initial: fit-truth}); null for other models. */
  private RetrainReport initialFit;

  /** Every stream this model draws from, by purpose, for checkpoints. */
  private final Streams streams;

  /** A model with agent index {@code index}, its streams split from the scenario seed. */
  public ModelCore(int index, ModelSettings settings, Domain domain, RngStreams rngStreams) {
    this.index = index;
    Streams streams = new Streams(rngStreams, settings.id());
    this.streams = streams;
    this.settings = Objects.requireNonNull(settings, "settings");
    this.domain = Objects.requireNonNull(domain, "domain");
    this.pool = new TrainingPool(settings.regime(), settings.window(), domain.width());
    this.publishRng = streams.stream("publish");
    this.crawlRng = streams.stream("crawl");
    this.freshRng = streams.stream("fresh");
    this.poolRng = streams.stream("pool");
    this.baselineRng = streams.stream("baseline");
    this.baseline = domain.baseline(settings.estimator());
    this.communityRng = streams.stream("community");
    this.fitRng = streams.stream("fit");
    this.watermarkRng = streams.stream("watermark");
    List<StageEnv> envs = new ArrayList<>();
    for (int k = 1; k <= settings.pipeline().size(); k++) {
      envs.add(new StageEnv(domain, streams.stream("pipeline-" + k)));
    }
    this.envs = List.copyOf(envs);
    this.pipeline = Pipeline.build(settings.pipeline(), envs);
    this.splitter = new SiteSplitter(settings.publishTo());
    this.tracker = new CollapseTracker(settings.collapse());
    this.model = settings.initial() == Initial.TRUTH ? domain.truthModel() : null;
    if (model != null) {
      current = domain.evaluate(model);
    }
    if (settings.initial() == Initial.FIT_TRUTH) {
      fitOnTruth(streams.stream("community-initial"));
    }
  }

  /**
   * Generation 1: a fit on n fresh truth items, which also seed the training pool. Its report, at
   * tick {@link #INITIAL_TICK}, is kept for {@link #initialFit()}; the community shares in it are
   * sampled on a stream of their own, so that every later report is what it was before generation 1
   * was reported.
   */
  private void fitOnTruth(UniformRandomProvider initialCommunityRng) {
    Batch b = domain.sampleTruth(settings.scrape(), freshRng);
    Items real = Items.uniform(b, Items.ARCHIVE, AuthorKind.HUMAN, -1, 0, 0f, Items.OFF_WEB);
    pool.add(-1, real);
    String failure = "";
    try {
      Model fitted = domain.fit(real.payload(), null, settings.estimator(), fitRng);
      current = evaluate(fitted);
      model = fitted;
      firstFit = fitted;
      generation = 1;
      track(real.size(), current);
    } catch (Exception e) {
      fitFailures++;
      failure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
    initialFit =
        new RetrainReport(
            index,
            settings.id(),
            INITIAL_TICK,
            generation,
            !failure.isEmpty(),
            failure,
            fitFailures,
            0,
            Composition.of(real),
            outputDepth,
            current,
            tracker.latest(),
            communityShares(initialCommunityRng));
  }

  /**
   * The report of the fit before tick 0, at tick {@link #INITIAL_TICK}: generation 1 (or 0 with a
   * failed fit), trained on {@code scrape} fresh truth items, nothing scraped; empty unless the
   * model starts as {@code fit-truth}.
   */
  public Optional<RetrainReport> initialFit() {
    return Optional.ofNullable(initialFit);
  }

  /** Each community's share of a fixed-size sample of the model's output. */
  private double[] communityShares(UniformRandomProvider rng) {
    int k = domain.communities();
    if (k < 2 || model == null) {
      return new double[0];
    }
    Batch out = domain.sample(model, RetrainReport.COMMUNITY_SAMPLE, settings.sampling(), rng);
    double[] shares = new double[k];
    for (int i = 0; i < out.size(); i++) {
      shares[domain.communityOf(out, i)]++;
    }
    for (int c = 0; c < k; c++) {
      shares[c] /= out.size(); // a count over the size: 0.506, not a sum of 1/size (0.50600...03)
    }
    return shares;
  }

  /**
   * Feeds the new generation, and its evaluation, to the collapse tracker. The amount of training
   * data behind a generation is every item the model has gathered so far (scraped and fresh),
   * whatever its regime kept: the x axis of definition 4's scaling law.
   */
  private void track(int newItems, Evaluation evaluation) {
    cumulativeItems += newItems;
    tracker.update(generation, evaluation, cumulativeItems, baselineRisk());
  }

  /**
   * Definition 4's baseline: the risk of the same family fitted on as many fresh human items as
   * this model has gathered so far (the domain's {@link Baseline}, which may draw the fit's
   * sufficient statistics instead of the items); NaN (definition 4 then does not apply) when the
   * baseline is off, when that amount exceeds the cap, or when the fit fails.
   */
  private double baselineRisk() {
    if (cumulativeItems < 1 || cumulativeItems > settings.baselineCap()) {
      return Double.NaN;
    }
    int n = (int) cumulativeItems;
    try {
      return baseline.risk(n, baselineRng);
    } catch (Exception e) {
      return Double.NaN;
    }
  }

  /** The settings. */
  public ModelSettings settings() {
    return settings;
  }

  /** The current generation: successful fits so far. */
  public int generation() {
    return generation;
  }

  /**
   * Takes the settings a timeline changed at run time: publish rate, scrape size, fresh-data
   * fraction, crawl, sampling and pipeline parameters. The model keeps its parameters, training
   * pool, generation, collapse history and random streams; a pipeline stage whose plan is the same
   * object as before is kept, any other is built anew on its own stream. Settings that define the
   * model (id, regime, window, schedule, initial, sites, estimator, watermark) must be unchanged.
   */
  public void reconfigure(ModelSettings next) {
    Objects.requireNonNull(next, "next");
    if (!next.id().equals(settings.id())
        || next.regime() != settings.regime()
        || next.window() != settings.window()
        || next.retrainEvery() != settings.retrainEvery()
        || next.firstRetrain() != settings.firstRetrain()
        || next.initial() != settings.initial()
        || !next.publishTo().equals(settings.publishTo())
        || !next.estimator().equals(settings.estimator())
        || !next.watermark().equals(settings.watermark())
        || next.pipeline().size() != settings.pipeline().size()) {
      throw new IllegalArgumentException(
          "model "
              + settings.id()
              + ": a reconfiguration may change only the publish rate, scrape, fresh-human-fraction,"
              + " crawl, sampling and stage parameters");
    }
    pipeline = pipeline.rebuilt(settings.pipeline(), next.pipeline(), envs);
    settings = next;
  }

  /** The items this model publishes at a tick, from its current parameters. */
  public Items publish(int tick) {
    return publish(tick, settings.publishRate());
  }

  /**
   * The items this model publishes at a tick, {@code rate} of them (a timeline's rate for this
   * tick, which overrides the setting), from its current parameters, split among its sites.
   */
  public Items publish(int tick, int rate) {
    if (rate < 0) {
      throw new IllegalArgumentException("rate is negative: " + rate);
    }
    if (model == null || rate == 0) {
      return Items.empty(domain.width());
    }
    Batch b = domain.sample(model, rate, settings.sampling(), publishRng);
    Items out =
        Items.uniform(
            b, index, AuthorKind.MODEL, tick, generation, (float) outputDepth, settings.site());
    if (!settings.publishTo().isSingle()) {
      out = out.withSites(splitter.assign(out.size()));
    }
    double marked = settings.watermark().rate();
    if (marked == 0) {
      return out;
    }
    byte mark = settings.watermark().flags();
    byte[] flags = new byte[out.size()];
    for (int i = 0; i < flags.length; i++) {
      flags[i] = watermarkRng.nextDouble() < marked ? mark : 0;
    }
    return out.withFlags(flags);
  }

  /**
   * The evaluation of a fit with {@code l2-to-first-fit} added where the domain defines it: the
   * squared L2 distance between this fit's density and the first successful fit's (0 for the first
   * fit, which becomes the reference).
   */
  private Evaluation evaluate(Model fitted) {
    return domain.evaluate(fitted, firstFit == null ? fitted : firstFit);
  }

  /** Retrains on a snapshot: gather, pool, fit, evaluate, report. */
  public RetrainReport retrain(int tick, WebView web) {
    int fresh = (int) Math.round(settings.freshHumanFraction() * settings.scrape());
    List<Items> gathered = new ArrayList<>(2);
    if (fresh > 0) {
      Batch b = domain.sampleTruth(fresh, freshRng);
      gathered.add(Items.uniform(b, Items.ARCHIVE, AuthorKind.HUMAN, tick, 0, 0f, Items.OFF_WEB));
    }
    Items scraped = settings.crawl().crawl(web, settings.scrape() - fresh, crawlRng);
    gathered.add(scraped);
    Items gatheredItems = Items.concat(gathered, domain.width());
    Pipeline.Result filtered = pipeline.run(gatheredItems);
    pool.add(tick, filtered.data());
    TrainingData data = pool.trainingData(settings.scrape(), poolRng);
    Items training = data.items();
    Composition composition = Composition.of(training);
    String failure = "";
    try {
      Model fitted =
          Fits.fit(domain, model, training, data.weights(), settings.estimator(), fitRng);
      Evaluation evaluation = evaluate(fitted);
      model = fitted;
      firstFit = firstFit == null ? fitted : firstFit;
      current = evaluation;
      generation++;
      outputDepth = 1.0 + training.meanDepth();
      track(gatheredItems.size(), evaluation);
    } catch (Exception | StackOverflowError e) {
      fitFailures++;
      failure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
    return new RetrainReport(
        index,
        settings.id(),
        tick,
        generation,
        !failure.isEmpty(),
        failure,
        fitFailures,
        scraped.size(),
        composition,
        outputDepth,
        current,
        tracker.latest(),
        communityShares(communityRng),
        filtered.reports());
  }

  /**
   * Writes everything the rest of a run needs from this model, for a checkpoint
   * (docs/checkpoints.md): generation, fit failures, output depth, items gathered, parameters, the
   * first fit, evaluation, training pool, collapse tracker, site split and every random stream. The
   * settings are not written: a resumed run rebuilds them from the scenario and its timeline.
   */
  public void saveState(DataOutput out) throws IOException {
    out.writeUTF(settings.id());
    out.writeInt(generation);
    out.writeInt(fitFailures);
    out.writeDouble(outputDepth);
    out.writeDouble(cumulativeItems);
    // A model that has never been fitted is what its constructor made (none, or the truth).
    boolean fitted = generation > 0;
    out.writeBoolean(fitted);
    if (fitted) {
      domain.writeModel(model, out);
    }
    // The first fit, which l2-to-first-fit measures against.
    out.writeBoolean(firstFit != null);
    if (firstFit != null) {
      domain.writeModel(firstFit, out);
    }
    StateIo.measures(out, current.values());
    pool.save(out);
    tracker.save(out);
    splitter.save(out);
    streams.save(out);
  }

  /** Restores what {@link #saveState} wrote into a model just built from the same settings. */
  public void restoreState(DataInput in) throws IOException {
    String id = in.readUTF();
    if (!id.equals(settings.id())) {
      throw new IOException(
          "checkpoint does not match this run: model " + id + ", expected " + settings.id());
    }
    generation = in.readInt();
    fitFailures = in.readInt();
    outputDepth = in.readDouble();
    cumulativeItems = in.readDouble();
    if (in.readBoolean()) {
      model = domain.readModel(in);
    }
    firstFit = in.readBoolean() ? domain.readModel(in) : null;
    current = new Evaluation(StateIo.measures(in));
    pool.restore(in);
    tracker.restore(in);
    splitter.restore(in);
    streams.restore(in);
  }
}
