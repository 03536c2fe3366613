package ouroboros.sim.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ouroboros.agents.model.ModelSettings;
import ouroboros.agents.model.RetrainReport;
import ouroboros.sim.engine.World;
import ouroboros.sim.output.MetricCatalogue;

/**
 * Per-model meters, tagged {@code model}, {@code family} (the domain family) and {@code regime}.
 * Each shows the model's state after its latest retrain, and NaN before its first.
 *
 * <p>Cardinality guard: only the first {@code maxModels} models, in canonical order, get their own
 * {@code model} label. The others are aggregated under {@code model="other"}, one series per regime
 * among them: the mean of each gauge over those models (a verdict's mean is the share of them where
 * the definition fires, among those where it applies), and the sum of their fit failures. A warning
 * says so once, when the meters are bound. Should a labelled model itself be called {@code other},
 * the aggregate is called {@code ~other}.
 *
 * <p>Three gauges come from the interaction graph rather than from the retrain reports: human
 * ancestry, training depth and the predicted collapse, which {@link #updateTopology} replaces at
 * every tick (the graph's window moves even when a model does not retrain).
 */
public final class ModelMeters implements MeterBinder {
  /** The default cap on models with their own label. */
  public static final int DEFAULT_MAX_MODELS = 200;

  /** The label value of the aggregate beyond the cap. */
  public static final String OTHER = "other";

  private static final Logger LOG = LoggerFactory.getLogger(ModelMeters.class);

  /** A model's latest values, replaced whole on each update; gauges read them at scrape time. */
  private static final class Cell {
    volatile double[] values = ModelValues.empty();
  }

  private final String family;
  private final List<String> ids;
  private final List<String> regimes;
  private final int firstAgent;
  private final int maxModels;
  private final Cell[] labelled;
  private final double[][] overflow;
  private final Map<String, Cell> others = new TreeMap<>();
  private final String otherLabel;

  /**
   * Meters for the given models.
   *
   * @param family the domain family
   * @param ids model ids, in canonical order
   * @param regimes each model's regime key
   * @param firstAgent the agent index of the first model (the number of human sources)
   * @param maxModels how many models get their own label, at least 0
   */
  public ModelMeters(
      String family, List<String> ids, List<String> regimes, int firstAgent, int maxModels) {
    this.family = Objects.requireNonNull(family, "family");
    this.ids = List.copyOf(ids);
    this.regimes = List.copyOf(regimes);
    if (this.ids.size() != this.regimes.size()) {
      throw new IllegalArgumentException(
          "ids and regimes differ in length: " + this.ids.size() + " and " + this.regimes.size());
    }
    if (maxModels < 0) {
      throw new IllegalArgumentException("maxModels is negative: " + maxModels);
    }
    this.firstAgent = firstAgent;
    this.maxModels = maxModels;
    int n = Math.min(maxModels, this.ids.size());
    this.labelled = new Cell[n];
    for (int i = 0; i < n; i++) {
      labelled[i] = new Cell();
    }
    this.overflow = new double[this.ids.size() - n][];
    for (int i = 0; i < overflow.length; i++) {
      overflow[i] = ModelValues.empty();
      others.computeIfAbsent(this.regimes.get(n + i), r -> new Cell());
    }
    this.otherLabel = this.ids.subList(0, n).contains(OTHER) ? "~" + OTHER : OTHER;
  }

  /** Meters for every model of a world. */
  public static ModelMeters of(World world, int maxModels) {
    return new ModelMeters(
        world.domain().family(),
        world.models().stream().map(ModelSettings::id).toList(),
        world.models().stream().map(m -> m.regime().key()).toList(),
        world.humans().size(),
        maxModels);
  }

  /** The label of aggregated models: {@code other}, or {@code ~other} when a model has that id. */
  String otherLabel() {
    return otherLabel;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (int i = 0; i < labelled.length; i++) {
      register(registry, labelled[i], ids.get(i), regimes.get(i));
    }
    for (Map.Entry<String, Cell> e : others.entrySet()) {
      register(registry, e.getValue(), otherLabel, e.getKey());
    }
    if (overflow.length > 0) {
      LOG.warn(
          "{} models exceed the metrics cap of {} (--metrics-max-models); the models beyond"
              + " the first {} are aggregated under model=\"{}\", one series per regime: gauges as"
              + " means, fit failures as sums",
          ids.size(),
          maxModels,
          maxModels,
          otherLabel);
    }
  }

  /** Takes a tick's retrain reports. */
  public void update(List<RetrainReport> reports) {
    boolean overflowChanged = false;
    for (RetrainReport r : reports) {
      int i = r.agent() - firstAgent;
      if (i < 0 || i >= ids.size()) {
        throw new IllegalArgumentException(
            "report from agent " + r.agent() + ", which is not a model");
      }
      if (i < labelled.length) {
        labelled[i].values = ModelValues.of(r, labelled[i].values);
      } else {
        int k = i - labelled.length;
        overflow[k] = ModelValues.of(r, overflow[k]);
        overflowChanged = true;
      }
    }
    if (overflowChanged) {
      aggregateOthers();
    }
  }

  /**
   * Takes the interaction graph's values for every model, indexed like the model ids: human
   * ancestry, training depth and predicted collapse (1 collapses, 0 bounded, NaN unknown).
   */
  public void updateTopology(double[] ancestry, double[] depth, double[] predicted) {
    int n = ids.size();
    if (ancestry.length != n || depth.length != n || predicted.length != n) {
      throw new IllegalArgumentException(
          "topology values for "
              + ancestry.length
              + ", "
              + depth.length
              + " and "
              + predicted.length
              + " models, expected "
              + n);
    }
    updateTopology(java.util.stream.IntStream.range(0, n).toArray(), ancestry, depth, predicted);
  }

  /**
   * The same for the models {@code models} (indices like the model ids) only, the k-th value of
   * each array being that of {@code models[k]}: the others keep theirs.
   */
  public void updateTopology(int[] models, double[] ancestry, double[] depth, double[] predicted) {
    boolean overflowChanged = false;
    for (int k = 0; k < models.length; k++) {
      int i = models[k];
      Map<String, Double> graph =
          Map.of(
              MetricCatalogue.HUMAN_ANCESTRY.name(), ancestry[k],
              MetricCatalogue.TRAINING_DEPTH.name(), depth[k],
              MetricCatalogue.PREDICTED_COLLAPSE.name(), predicted[k]);
      if (i < labelled.length) {
        labelled[i].values = ModelValues.withGraph(labelled[i].values, graph);
      } else {
        int o = i - labelled.length;
        overflow[o] = ModelValues.withGraph(overflow[o], graph);
        overflowChanged = true;
      }
    }
    if (overflowChanged) {
      aggregateOthers();
    }
  }

  /** Recomputes each regime's aggregate of the models beyond the cap. */
  private void aggregateOthers() {
    for (Map.Entry<String, Cell> e : others.entrySet()) {
      e.getValue().values = ModelValues.aggregate(group(e.getKey()));
    }
  }

  /** The latest values of the overflow models of one regime. */
  private List<double[]> group(String regime) {
    List<double[]> out = new ArrayList<>();
    for (int i = 0; i < overflow.length; i++) {
      if (regimes.get(labelled.length + i).equals(regime)) {
        out.add(overflow[i]);
      }
    }
    return out;
  }

  /**
   * Registers one series set (a model, or an aggregate) reading from {@code cell}: a meter for each
   * model metric of the catalogue that has one.
   */
  private void register(MeterRegistry registry, Cell cell, String model, String regime) {
    Tags tags = Tags.of("model", model, "family", family, "regime", regime);
    for (int i = 0; i < ModelValues.SIZE; i++) {
      int slot = i;
      Registrar.function(
          registry, ModelValues.METRICS.get(i).meter(), tags, cell, c -> c.values[slot]);
    }
  }
}
