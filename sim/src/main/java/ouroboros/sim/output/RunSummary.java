package ouroboros.sim.output;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ouroboros.agents.collapse.Verdict;
import ouroboros.agents.model.RetrainReport;
import ouroboros.sim.engine.World;

/**
 * The latest state of every model, as {@code summary.json} and the end-of-run table show it. Models
 * appear in canonical order; keys in a fixed order, so the JSON is byte-stable. Only the models the
 * run keeps (see {@link OutputOptions}) are listed; when some are left out or the run is large, a
 * {@code populations} list follows with each population's statistics over all its models (see
 * {@link PopulationStats}).
 */
public final class RunSummary {
  private final World world;
  private final RetrainReport[] latest;
  private final boolean[] kept;
  private final List<String> groups;
  private final ContributedMetrics contributed;

  /** The most characters of a fit failure's reason kept. */
  static final int MAX_REASON = 1000;

  /**
   * Each model's latest failed fit, as "tick T: why", or null: why a fit failed, said nowhere else.
   */
  private final String[] lastFailure;

  private volatile int ticksCompleted;
  private boolean complete;
  private String failure = "";

  /** An empty summary of a world that lists every model. */
  public RunSummary(World world) {
    this(world, keepAll(world.models().size()), Groups.of(world));
  }

  /** An empty summary that lists the models {@code kept} and aggregates over {@code groups}. */
  public RunSummary(World world, boolean[] kept, List<String> groups) {
    this.world = world;
    this.latest = new RetrainReport[world.models().size()];
    this.kept = kept.clone();
    this.groups = List.copyOf(groups);
    this.contributed = new ContributedMetrics(world);
    this.lastFailure = new String[world.models().size()];
  }

  private static boolean[] keepAll(int n) {
    boolean[] all = new boolean[n];
    java.util.Arrays.fill(all, true);
    return all;
  }

  /** Whether the summary aggregates per population (see {@link OutputOptions#aggregates}). */
  public boolean aggregates() {
    return OutputOptions.aggregates(kept);
  }

  /** Each population's statistics over all its models, now. */
  public List<PopulationStats.Population> populations() {
    return PopulationStats.of(groups, latest, contributed);
  }

  /** The ticks whose results it has taken. */
  public int ticksCompleted() {
    return ticksCompleted;
  }

  /** Takes a tick's reports. */
  public void update(int tick, List<RetrainReport> reports) {
    int humans = world.humans().size();
    for (RetrainReport r : reports) {
      latest[r.agent() - humans] = r;
      if (r.fitFailed()) {
        String why = r.failure().isEmpty() ? "no reason given" : r.failure();
        lastFailure[r.agent() - humans] =
            (r.tick() < 0 ? "before tick 0: " : "tick " + r.tick() + ": ")
                + (why.length() > MAX_REASON ? why.substring(0, MAX_REASON) + "..." : why);
      }
    }
    ticksCompleted = tick + 1;
  }

  /**
   * Takes a tick's rows from the run's contributors (the interaction graph's): the models' values
   * among them join those models' metrics ({@link ContributedMetrics}).
   */
  public void contributed(List<MetricRow> rows) {
    contributed.take(rows);
  }

  /** Marks the run finished, well or not. */
  public void finish(String failureMessage) {
    complete = failureMessage.isEmpty();
    failure = failureMessage;
  }

  /** The latest report of model {@code i} (0-based among models), or null before its first. */
  public RetrainReport latest(int i) {
    return latest[i];
  }

  /** The summary as an ordered map, ready for JSON. */
  public Map<String, Object> toMap() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("scenario", world.name());
    root.put("seed", world.seed());
    root.put("ouroboros-version", BuildInfo.current().version());
    root.put("ouroboros-commit", BuildInfo.current().commit());
    root.put("ticks", world.ticks());
    root.put("ticks-completed", ticksCompleted);
    root.put("complete", complete);
    if (!failure.isEmpty()) {
      root.put("failure", failure);
    }
    List<Map<String, Object>> models = new ArrayList<>();
    // The models' metrics in modelMetrics's order, without a TreeMap per model.
    ModelRows sorted = new ModelRows();
    for (int i = 0; i < latest.length; i++) {
      if (!kept[i]) {
        continue;
      }
      var settings = world.models().get(i);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", settings.id());
      m.put("regime", settings.regime().key());
      RetrainReport r = latest[i];
      m.put("generation", r == null ? 0 : r.generation());
      m.put("fit-failures", r == null ? 0 : r.fitFailures());
      m.put("last-retrain", r == null ? null : r.tick());
      if (lastFailure[i] != null) {
        m.put("last-fit-failure", lastFailure[i]);
      }
      Map<String, Object> metrics = new LinkedHashMap<>();
      if (r != null) {
        // Both come in name order: merged as they come, the contributed ones (a few) in between.
        List<String> names = new ArrayList<>(4);
        List<Double> values = new ArrayList<>(4);
        contributed.forEach(
            i,
            (k, v) -> {
              names.add(k);
              values.add(v);
            });
        int[] next = {0};
        sorted.forEachSorted(
            r,
            (k, v) -> {
              for (; next[0] < names.size() && names.get(next[0]).compareTo(k) < 0; next[0]++) {
                metrics.put(names.get(next[0]), jsonNumber(values.get(next[0])));
              }
              metrics.put(k, jsonNumber(v));
            });
        for (; next[0] < names.size(); next[0]++) {
          metrics.put(names.get(next[0]), jsonNumber(values.get(next[0])));
        }
      }
      m.put("metrics", metrics);
      Map<String, Object> verdicts = new LinkedHashMap<>();
      if (r != null) {
        for (Verdict v : r.verdicts()) {
          Map<String, Object> one = new LinkedHashMap<>();
          one.put("definition", v.definition().title());
          one.put("number", jsonNumber(v.number()));
          one.put("verdict", v.state().label());
          verdicts.put(v.definition().numberMetric().substring(0, 2), one);
        }
      }
      m.put("verdicts", verdicts);
      if (r != null && r.communityShares().length > 0) {
        double[] human = humanCommunityShares();
        List<Map<String, Object>> communities = new ArrayList<>();
        for (int c = 0; c < r.communityShares().length; c++) {
          Map<String, Object> one = new LinkedHashMap<>();
          one.put("community", c);
          one.put("model-share", r.communityShares()[c]);
          one.put("human-share", jsonNumber(human[c]));
          communities.add(one);
        }
        m.put("communities", communities);
      }
      models.add(m);
    }
    root.put("models", models);
    if (aggregates()) {
      List<Map<String, Object>> pops = new ArrayList<>();
      for (PopulationStats.Population pop : populations()) {
        pops.add(toMap(pop));
      }
      root.put("populations", pops);
    }
    if (world.copies() != null) {
      root.put("copies", CopiesSummary.of(world.copies(), world, latest, kept, contributed));
    }
    return root;
  }

  /** A population's entry: id, counts, each metric's n, mean and quantiles, verdict counts. */
  private static Map<String, Object> toMap(PopulationStats.Population pop) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", pop.id());
    m.put("models", pop.models());
    m.put("reported", pop.reported());
    Map<String, Object> metrics = new LinkedHashMap<>();
    pop.metrics()
        .forEach(
            (name, st) -> {
              Map<String, Object> one = new LinkedHashMap<>();
              one.put("n", st.n());
              one.put("mean", jsonNumber(st.mean()));
              for (int k = 0; k < PopulationStats.QUANTILE_KEYS.size(); k++) {
                one.put(PopulationStats.QUANTILE_KEYS.get(k), jsonNumber(st.quantiles()[k]));
              }
              metrics.put(name, one);
            });
    m.put("metrics", metrics);
    Map<String, Object> verdicts = new LinkedHashMap<>();
    pop.verdicts()
        .forEach(
            (d, c) -> {
              Map<String, Object> one = new LinkedHashMap<>();
              one.put("yes", c[0]);
              one.put("no", c[1]);
              one.put("n/a", c[2]);
              verdicts.put(d, one);
            });
    m.put("verdicts", verdicts);
    return m;
  }

  /**
   * Each community's share of human output, by publish rate: a source that names a community counts
   * for it; a source that draws from the whole truth is split by the truth's own shares, estimated
   * by classifying a fixed sample of {@value RetrainReport#COMMUNITY_SAMPLE} truth draws.
   */
  double[] humanCommunityShares() {
    int k = world.domain().communities();
    double[] shares = new double[k];
    double[] truth = null;
    double total = 0;
    for (var h : world.humans()) {
      total += h.publishRate();
      if (h.community() >= 0) {
        shares[h.community()] += h.publishRate();
      } else {
        if (truth == null) {
          truth = truthShares(k);
        }
        for (int c = 0; c < k; c++) {
          shares[c] += h.publishRate() * truth[c];
        }
      }
    }
    for (int c = 0; c < k; c++) {
      shares[c] = total > 0 ? shares[c] / total : Double.NaN;
    }
    return shares;
  }

  /** The truth's community shares, by classifying a fixed sample of its draws. */
  private double[] truthShares(int k) {
    var batch =
        world
            .domain()
            .sampleTruth(
                RetrainReport.COMMUNITY_SAMPLE,
                new ouroboros.agents.rng.RngStreams(world.seed()).stream("domain", "communities"));
    double[] s = new double[k];
    for (int i = 0; i < batch.size(); i++) {
      s[world.domain().communityOf(batch, i)] += 1.0 / batch.size();
    }
    return s;
  }

  /**
   * JSON has no NaN or infinity: a missing value is null, an infinite one the string {@code
   * "Infinity"} or {@code "-Infinity"}, as Python's and R's JSON readers write them.
   */
  static Object jsonNumber(double v) {
    if (Double.isNaN(v)) {
      return null;
    }
    return Double.isInfinite(v) ? (Object) Double.toString(v) : (Object) v;
  }

  /**
   * Writes the summary's state for a checkpoint: the ticks completed, each model's latest report (a
   * 0 byte for none yet) and the contributed metrics' latest values. Whether the run finished is
   * not written: a checkpoint is taken between two ticks.
   */
  public void save(java.io.DataOutput out) throws java.io.IOException {
    out.writeInt(ticksCompleted);
    out.writeInt(latest.length);
    for (RetrainReport r : latest) {
      out.writeBoolean(r != null);
      if (r != null) {
        ouroboros.agents.model.ReportCodec.write(out, r);
      }
    }
    contributed.save(out);
    for (String f : lastFailure) {
      out.writeBoolean(f != null);
      if (f != null) {
        out.writeUTF(f);
      }
    }
  }

  /** Restores what {@link #save} wrote. */
  public void restore(java.io.DataInput in) throws java.io.IOException {
    ticksCompleted = in.readInt();
    int n = in.readInt();
    if (n != latest.length) {
      throw new java.io.IOException(
          "checkpoint does not match this run: " + n + " models, expected " + latest.length);
    }
    for (int i = 0; i < n; i++) {
      latest[i] = in.readBoolean() ? ouroboros.agents.model.ReportCodec.read(in) : null;
    }
    contributed.restore(in);
    for (int i = 0; i < n; i++) {
      lastFailure[i] = in.readBoolean() ? in.readUTF() : null;
    }
  }
}
