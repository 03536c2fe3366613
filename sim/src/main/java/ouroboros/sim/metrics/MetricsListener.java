package ouroboros.sim.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;
import ouroboros.sim.engine.RunOutcome;
import ouroboros.sim.engine.TickListener;
import ouroboros.sim.engine.TickResult;
import ouroboros.sim.engine.World;
import ouroboros.sim.graph.GraphAnalysis;
import ouroboros.sim.graph.GraphListener;

/**
 * Feeds a run's live meters: binds an {@link EngineMeters}, a {@link WebMeters}, a {@link
 * ModelMeters} and the pipeline counters to a registry, and updates them in each observe phase, on
 * the clock's thread. The topology gauges (human ancestry, training depth, predicted collapse) take
 * the run's {@link GraphListener}'s analysis of the same tick. It only reads the tick's results and
 * writes nothing to the run files, so a run with meters gives the same files as a run without.
 */
public final class MetricsListener implements TickListener {
  private final EngineMeters engine;
  private final WebMeters web;
  private final ModelMeters models;
  private final PopulationMeters populations;
  private final PipelineMeters pipeline;
  private final GraphListener graph;

  /**
   * Binds the meters of a world to a registry.
   *
   * @param registry where the meters go
   * @param world the world that will run
   * @param maxModels how many models get their own {@code model} label (see {@link ModelMeters})
   * @param graph the run's interaction graph, which the topology gauges show
   */
  public MetricsListener(MeterRegistry registry, World world, int maxModels, GraphListener graph) {
    Objects.requireNonNull(registry, "registry");
    this.graph = Objects.requireNonNull(graph, "graph");
    this.engine = new EngineMeters(world.ticks());
    this.web = new WebMeters();
    this.models = ModelMeters.of(world, maxModels);
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
  }

  @Override
  public void onTick(TickResult result) {
    web.onTick(result);
    models.update(result.reports());
    populations.update(result.reports());
    pipeline.update(result.reports());
    topology(graph.analysisAt(result));
    engine.onTick(result);
  }

  /** Hands the graph's per-model values to the model meters. */
  private void topology(GraphAnalysis a) {
    int n = a.graph().models().size();
    double[] ancestry = new double[n];
    double[] depth = new double[n];
    double[] predicted = new double[n];
    for (int i = 0; i < n; i++) {
      ancestry[i] = a.ancestry(i);
      depth[i] = a.depth(i);
      predicted[i] = a.prediction(i).value();
    }
    models.updateTopology(ancestry, depth, predicted);
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
    engine.onFinish();
  }
}
