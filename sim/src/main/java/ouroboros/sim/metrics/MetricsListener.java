package ouroboros.sim.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import ouroboros.agents.model.RetrainReport;
import ouroboros.sim.engine.Barrier;
import ouroboros.sim.engine.Resumption;
import ouroboros.sim.engine.RunOutcome;
import ouroboros.sim.engine.TickListener;
import ouroboros.sim.engine.TickResult;
import ouroboros.sim.engine.World;
import ouroboros.sim.graph.GraphAnalysis;
import ouroboros.sim.graph.GraphListener;
import ouroboros.sim.output.Checkpointing;
import ouroboros.sim.output.RunWriter;

/**
 * Feeds a run's live meters: binds an {@link EngineMeters}, a {@link WebMeters}, a {@link
 * ModelMeters}, the pipeline counters and the node's meters ({@link NodeMetrics}, node {@value
 * NodeMetrics#LOCAL}) to a registry, and updates them in each observe phase, on the clock's thread.
 * The topology gauges (human ancestry, training depth, predicted collapse) take the run's {@link
 * GraphListener}'s analysis of the same tick. It only reads the tick's results and writes nothing
 * to the run files, so a run with meters gives the same files as a run without.
 */
public final class MetricsListener implements TickListener {
  private final EngineMeters engine;
  private final WebMeters web;
  private final ModelMeters models;
  private final PopulationMeters populations;
  private final PipelineMeters pipeline;
  private final NodeMetrics node;
  private java.util.function.LongSupplier[] traffic;
  private final GraphListener graph;

  /** The lock a scrape of the registry holds while it collects. */
  private final ReentrantLock scrapes;

  /** The world's human sources, which come before its models among the agents. */
  private final int humans;

  /**
   * Binds the meters of a world to a registry.
   *
   * @param registry where the meters go
   * @param world the world that will run
   * @param maxModels how many models get their own {@code model} label (see {@link ModelMeters})
   * @param graph the run's interaction graph, which the topology gauges show
   */
  public MetricsListener(MeterRegistry registry, World world, int maxModels, GraphListener graph) {
    this(registry, world, maxModels, graph, NodeMetrics.LOCAL);
  }

  /**
   * Meters as above, whose node meters carry {@code node} (a cluster node's {@code HOST:PORT}); a
   * cluster run hands them its traffic with {@link #traffic}.
   */
  public MetricsListener(
      MeterRegistry registry, World world, int maxModels, GraphListener graph, String node) {
    Objects.requireNonNull(registry, "registry");
    this.graph = Objects.requireNonNull(graph, "graph");
    this.scrapes = TickConsistentRegistry.lockOf(registry);
    this.engine = new EngineMeters(world.ticks());
    this.web = new WebMeters();
    this.models = ModelMeters.of(world, maxModels);
    this.humans = world.humans().size();
    engine.bindTo(registry);
    web.bindTo(registry);
    models.bindTo(registry);
    this.populations = PopulationMeters.of(world);
    populations.bindTo(registry);
    this.pipeline =
        new PipelineMeters(
            registry,
            world.humans().size(),
            world.models().stream().map(m -> m.id()).toList(),
            maxModels,
            models.otherLabel());
    this.node = new NodeMetrics(node, world.agentCount());
    this.node.bindTo(registry);
  }

  /**
   * {@code checkpointing} with its barrier timed: the time the clock waits for every agent's state
   * adds to the node's barrier wait (see {@link NodeMetrics#timed}).
   */
  public Checkpointing timed(Checkpointing checkpointing) {
    Objects.requireNonNull(checkpointing, "checkpointing");
    return new Checkpointing() {
      @Override
      public boolean resuming() {
        return checkpointing.resuming();
      }

      @Override
      public Resumption resume(RunWriter writer) throws IOException {
        return checkpointing.resume(writer);
      }

      @Override
      public Barrier barrier(RunWriter writer) {
        return node.timed(checkpointing.barrier(writer));
      }
    };
  }

  /**
   * The node's traffic, read at every tick: agents hosted, bytes sent and received so far (a
   * cluster run's; one JVM has none and never calls this).
   */
  public void traffic(
      java.util.function.LongSupplier agents,
      java.util.function.LongSupplier sent,
      java.util.function.LongSupplier received) {
    this.traffic = new java.util.function.LongSupplier[] {agents, sent, received};
  }

  /**
   * Updates the meters to {@code result}'s tick holding the registry's scrape lock ({@link
   * TickConsistentRegistry}), so that a scrape shows one tick, never some meters of this tick and
   * some of the one before.
   */
  @Override
  public void onTick(TickResult result) {
    scrapes.lock();
    try {
      update(result);
    } finally {
      scrapes.unlock();
    }
  }

  private void update(TickResult result) {
    if (traffic != null) {
      node.catchUp(traffic[0].getAsLong(), traffic[1].getAsLong(), traffic[2].getAsLong());
    }
    web.onTick(result);
    models.update(result.reports());
    populations.update(result.reports());
    pipeline.update(result.reports());
    if (!result.reports().isEmpty()) {
      topology(graph.analysisAt(result), result.reports());
    }
    node.waitedAt(result);
    engine.onTick(result);
  }

  /**
   * Hands the graph's values of the models that retrained this tick to the model meters, as
   * metrics.csv gets them (a row per retrain): the others keep the values of their latest retrain
   * (a retired model's gauges changed at every tick, to values no file has).
   */
  private void topology(GraphAnalysis a, List<RetrainReport> reports) {
    int[] models = new int[reports.size()];
    double[] ancestry = new double[models.length];
    double[] depth = new double[models.length];
    double[] predicted = new double[models.length];
    for (int k = 0; k < models.length; k++) {
      int i = reports.get(k).agent() - humans;
      models[k] = i;
      ancestry[k] = a.ancestry(i);
      depth[k] = a.depth(i);
      predicted[k] = a.prediction(i).value();
    }
    this.models.updateTopology(models, ancestry, depth, predicted);
  }

  /**
   * For a run resumed after {@code tick}, before its first tick: the ticks-completed counter goes
   * on from the checkpoint's count ({@link EngineMeters#resumedAfter}).
   */
  public void resumedAfter(int tick) {
    engine.resumedAfter(tick);
  }

  @Override
  public void onFinish(RunOutcome outcome) {
    scrapes.lock();
    try {
      engine.onFinish();
    } finally {
      scrapes.unlock();
    }
  }
}
