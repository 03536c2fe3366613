package ouroboros.sim.metrics;

/**
 * The Micrometer names of the simulator's own meters, dotted and lowercase (Micrometer's
 * conventions). The Prometheus registry turns the dots into underscores and adds {@code _total} to
 * counters and the base unit to timers ({@code _seconds}) and byte gauges ({@code _bytes}); the
 * README's "Live metrics" table lists the names as Prometheus shows them.
 */
public final class MeterNames {
  /** Per model: generation. */
  public static final String MODEL_GENERATION = "ouroboros.model.generation";

  /** Per model: population risk. */
  public static final String MODEL_RISK = "ouroboros.model.risk";

  /** Per model: definition 1's risk ratio. */
  public static final String MODEL_RISK_RATIO = "ouroboros.model.risk.ratio";

  /** Per model: diversity (variance or entropy) ratio. */
  public static final String MODEL_DIVERSITY_RATIO = "ouroboros.model.diversity.ratio";

  /** Per model: tail mass ratio. */
  public static final String MODEL_TAIL_MASS_RATIO = "ouroboros.model.tail.mass.ratio";

  /** Per model: human share of the latest training set. */
  public static final String MODEL_TRAIN_HUMAN_SHARE = "ouroboros.model.train.human.share";

  /** Per model: synthetic depth of its output. */
  public static final String MODEL_OUTPUT_DEPTH = "ouroboros.model.output.depth";

  /** Per model: fit failures (a counter). */
  public static final String MODEL_FIT_FAILURES = "ouroboros.model.fit.failures";

  /** Per model: human ancestry a_i in the interaction graph of the latest window. */
  public static final String MODEL_HUMAN_ANCESTRY = "ouroboros.model.human.ancestry";

  /** Per model: mean synthetic depth of its training data in the graph's window. */
  public static final String MODEL_TRAINING_DEPTH = "ouroboros.model.training.depth";

  /** Per model: the graph's predicted verdict, 1 collapses, 0 bounded, NaN unknown. */
  public static final String MODEL_PREDICTED_COLLAPSE = "ouroboros.model.predicted.collapse";

  /** Per model and definition: the verdict, 1, 0 or NaN. */
  public static final String MODEL_VERDICT = "ouroboros.model.verdict";

  /** Per population: its models. */
  public static final String POPULATION_MODELS = "ouroboros.population.models";

  /** Per population: mean population risk over its models. */
  public static final String POPULATION_RISK = "ouroboros.population.risk";

  /** Per population: mean generation over its models. */
  public static final String POPULATION_GENERATION = "ouroboros.population.generation";

  /** Per population and definition: share of its models the definition fires for. */
  public static final String POPULATION_VERDICT = "ouroboros.population.verdict";

  /** Per pipeline stage: items by outcome (in, kept, dropped, added; a counter). */
  public static final String PIPELINE_ITEMS = "ouroboros.pipeline.items";

  /** Per pipeline stage: false positives and false negatives (tag type; a counter). */
  public static final String PIPELINE_ERRORS = "ouroboros.pipeline.errors";

  /** Engine: the last tick whose observe phase finished. */
  public static final String ENGINE_TICK = "ouroboros.engine.tick";

  /** Engine: ticks completed (a counter). */
  public static final String ENGINE_TICKS = "ouroboros.engine.ticks";

  /** Engine: ticks the run will have. */
  public static final String ENGINE_TICKS_PLANNED = "ouroboros.engine.ticks.planned";

  /** Engine: ticks per second over the last ten seconds. */
  public static final String ENGINE_TICKS_PER_SECOND = "ouroboros.engine.ticks.per.second";

  /** Engine: 1 while the run goes on, 0 once it has ended. */
  public static final String ENGINE_RUNNING = "ouroboros.engine.running";

  /** Engine: phase durations (a timer, tag phase). */
  public static final String ENGINE_PHASE = "ouroboros.engine.phase";

  /** Engine: retrains (a counter). */
  public static final String ENGINE_RETRAINS = "ouroboros.engine.retrains";

  /** Engine: fit failures over all models (a counter). */
  public static final String ENGINE_FIT_FAILURES = "ouroboros.engine.fit.failures";

  /** Web: visible items (tag kind). */
  public static final String WEB_ITEMS = "ouroboros.web.items";

  /** Web: visible items, all kinds. */
  public static final String WEB_SIZE = "ouroboros.web.size";

  /** Web: synthetic share of the visible web. */
  public static final String WEB_SYNTHETIC_SHARE = "ouroboros.web.synthetic.share";

  /** Web: synthetic share of the items published at the latest tick. */
  public static final String WEB_NEW_SYNTHETIC_SHARE = "ouroboros.web.new.synthetic.share";

  /** Web: items published (a counter). */
  public static final String WEB_PUBLISHED = "ouroboros.web.published";

  /** Web: memory held by the visible web (tag part), in bytes. */
  public static final String WEB_MEMORY = "ouroboros.web.memory";

  private MeterNames() {}
}
