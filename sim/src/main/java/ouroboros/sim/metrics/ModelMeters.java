package ouroboros.sim.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
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
import ouroboros.agents.collapse.Definition;
import ouroboros.agents.model.ModelSettings;
import ouroboros.agents.model.RetrainReport;
import ouroboros.sim.engine.World;

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
    for (int i = 0; i < labelled.length; i++) {
      labelled[i].values =
          ModelValues.withTopology(labelled[i].values, ancestry[i], depth[i], predicted[i]);
    }
    for (int k = 0; k < overflow.length; k++) {
      int i = labelled.length + k;
      overflow[k] = ModelValues.withTopology(overflow[k], ancestry[i], depth[i], predicted[i]);
    }
    if (overflow.length > 0) {
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

  /** Registers one series set (a model, or an aggregate) reading from {@code cell}. */
  private void register(MeterRegistry registry, Cell cell, String model, String regime) {
    Tags tags = Tags.of("model", model, "family", family, "regime", regime);
    gauge(
        registry,
        cell,
        tags,
        MeterNames.MODEL_GENERATION,
        ModelValues.GENERATION,
        "Generation: successful fits so far");
    gauge(
        registry,
        cell,
        tags,
        MeterNames.MODEL_RISK,
        ModelValues.RISK,
        "Population risk against the truth, as the domain defines it");
    gauge(
        registry,
        cell,
        tags,
        MeterNames.MODEL_RISK_RATIO,
        ModelValues.RISK_RATIO,
        "Definition 1's number: risk of this generation over risk of generation 1");
    gauge(
        registry,
        cell,
        tags,
        MeterNames.MODEL_DIVERSITY_RATIO,
        ModelValues.DIVERSITY_RATIO,
        "Diversity (variance or entropy) of the model over the truth's");
    gauge(
        registry,
        cell,
        tags,
        MeterNames.MODEL_TAIL_MASS_RATIO,
        ModelValues.TAIL_MASS_RATIO,
        "Model mass on the truth's tails over the truth's");
    gauge(
        registry,
        cell,
        tags,
        MeterNames.MODEL_TRAIN_HUMAN_SHARE,
        ModelValues.TRAIN_HUMAN_SHARE,
        "Share of human items in the latest training set");
    gauge(
        registry,
        cell,
        tags,
        MeterNames.MODEL_OUTPUT_DEPTH,
        ModelValues.OUTPUT_DEPTH,
        "Synthetic depth of what the model publishes");
    gauge(
        registry,
        cell,
        tags,
        MeterNames.MODEL_HUMAN_ANCESTRY,
        ModelValues.HUMAN_ANCESTRY,
        "Human ancestry: probability that a training item, traced back through the models that"
            + " wrote it, ends in human data");
    gauge(
        registry,
        cell,
        tags,
        MeterNames.MODEL_TRAINING_DEPTH,
        ModelValues.TRAINING_DEPTH,
        "Mean synthetic depth of the training data over the graph's window");
    gauge(
        registry,
        cell,
        tags,
        MeterNames.MODEL_PREDICTED_COLLAPSE,
        ModelValues.PREDICTED_COLLAPSE,
        "The interaction graph's prediction: 1 collapses," + " 0 stays bounded, NaN unknown");
    FunctionCounter.builder(
            MeterNames.MODEL_FIT_FAILURES, cell, c -> c.values[ModelValues.FIT_FAILURES])
        .tags(tags)
        .description("Fits that threw or diverged; the model kept its parameters")
        .register(registry);
    for (Definition d : Definition.values()) {
      int slot = ModelValues.VERDICT + d.ordinal();
      Gauge.builder(MeterNames.MODEL_VERDICT, cell, c -> c.values[slot])
          .tags(tags.and("definition", "d" + d.index()))
          .description("Collapse verdict: 1 fires, 0 does not, NaN does not apply (yet)")
          .strongReference(true)
          .register(registry);
    }
  }

  /** Registers one gauge reading slot {@code slot} of the cell. */
  private static void gauge(
      MeterRegistry registry, Cell cell, Tags tags, String name, int slot, String description) {
    Gauge.builder(name, cell, c -> c.values[slot])
        .tags(tags)
        .description(description)
        .strongReference(true)
        .register(registry);
  }
}
