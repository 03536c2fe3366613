package ouroboros.sim.metrics;

/**
 * The Micrometer names of the simulator's own meters, written out, so that the meter tests pin the
 * names dashboards and users rely on: the catalogue ({@code ouroboros.sim.output.MetricCatalogue}
 * and {@code MeterCatalogue}) declares them, and a rename there fails these tests.
 */
final class MeterNames {
  /** Per model: generation. */
  static final String MODEL_GENERATION = "ouroboros.model.generation";

  /** Per model: population risk. */
  static final String MODEL_RISK = "ouroboros.model.risk";

  /** Per model: definition 1's risk ratio. */
  static final String MODEL_RISK_RATIO = "ouroboros.model.risk.ratio";

  /** Per model: diversity (variance or entropy) ratio. */
  static final String MODEL_DIVERSITY_RATIO = "ouroboros.model.diversity.ratio";

  /** Per model: tail mass ratio. */
  static final String MODEL_TAIL_MASS_RATIO = "ouroboros.model.tail.mass.ratio";

  /** Per model: human share of the latest training set. */
  static final String MODEL_TRAIN_HUMAN_SHARE = "ouroboros.model.train.human.share";

  /** Per model: synthetic depth of its output. */
  static final String MODEL_OUTPUT_DEPTH = "ouroboros.model.output.depth";

  /** Per model: fit failures (a counter). */
  static final String MODEL_FIT_FAILURES = "ouroboros.model.fit.failures";

  /** Per model: human ancestry a_i in the interaction graph of the latest window. */
  static final String MODEL_HUMAN_ANCESTRY = "ouroboros.model.human.ancestry";

  /** Per model: mean synthetic depth of its training data in the graph's window. */
  static final String MODEL_TRAINING_DEPTH = "ouroboros.model.training.depth";

  /** Per model: the graph's predicted verdict, 1 collapses, 0 bounded, NaN unknown. */
  static final String MODEL_PREDICTED_COLLAPSE = "ouroboros.model.predicted.collapse";

  /** Per model and definition: the verdict, 1, 0 or NaN. */
  static final String MODEL_VERDICT = "ouroboros.model.verdict";

  /** Per population: its models. */
  static final String POPULATION_MODELS = "ouroboros.population.models";

  /** Per population: mean population risk over its models. */
  static final String POPULATION_RISK = "ouroboros.population.risk";

  /** Per population: mean generation over its models. */
  static final String POPULATION_GENERATION = "ouroboros.population.generation";

  /** Per population and definition: share of its models the definition fires for. */
  static final String POPULATION_VERDICT = "ouroboros.population.verdict";

  /** Per pipeline stage: items by outcome (in, kept, dropped, added; a counter). */
  static final String PIPELINE_ITEMS = "ouroboros.pipeline.items";

  /** Per pipeline stage: false positives and false negatives (tag type; a counter). */
  static final String PIPELINE_ERRORS = "ouroboros.pipeline.errors";

  /** Engine: the last tick whose observe phase finished. */
  static final String ENGINE_TICK = "ouroboros.engine.tick";

  /** Engine: ticks completed (a counter). */
  static final String ENGINE_TICKS = "ouroboros.engine.ticks";

  /** Engine: ticks the run will have. */
  static final String ENGINE_TICKS_PLANNED = "ouroboros.engine.ticks.planned";

  /** Engine: ticks per second over the last ten seconds. */
  static final String ENGINE_TICKS_PER_SECOND = "ouroboros.engine.ticks.per.second";

  /** Engine: 1 while the run goes on, 0 once it has ended. */
  static final String ENGINE_RUNNING = "ouroboros.engine.running";

  /** Engine: phase durations (a timer, tag phase). */
  static final String ENGINE_PHASE = "ouroboros.engine.phase";

  /** Engine: retrains (a counter). */
  static final String ENGINE_RETRAINS = "ouroboros.engine.retrains";

  /** Engine: fit failures over all models (a counter). */
  static final String ENGINE_FIT_FAILURES = "ouroboros.engine.fit.failures";

  /** Web: visible items (tag kind). */
  static final String WEB_ITEMS = "ouroboros.web.items";

  /** Web: visible items, all kinds. */
  static final String WEB_SIZE = "ouroboros.web.size";

  /** Web: synthetic share of the visible web. */
  static final String WEB_SYNTHETIC_SHARE = "ouroboros.web.synthetic.share";

  /** Web: synthetic share of the items published at the latest tick. */
  static final String WEB_NEW_SYNTHETIC_SHARE = "ouroboros.web.new.synthetic.share";

  /** Web: items published (a counter). */
  static final String WEB_PUBLISHED = "ouroboros.web.published";

  /** Web: memory held by the visible web (tag part), in bytes. */
  static final String WEB_MEMORY = "ouroboros.web.memory";

  private MeterNames() {}
}
