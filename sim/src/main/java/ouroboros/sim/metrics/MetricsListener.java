package ouroboros.sim.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;
import ouroboros.sim.engine.RunOutcome;
import ouroboros.sim.engine.TickListener;
import ouroboros.sim.engine.TickResult;
import ouroboros.sim.engine.World;

/**
 * Feeds a run's live meters: binds an {@link EngineMeters}, a {@link WebMeters} and a
 * {@link ModelMeters} to a registry, and updates them in each observe phase, on the clock's
 * thread. It only reads the tick's results and writes nothing to the run files, so a run with
 * meters gives the same files as a run without.
 */
public final class MetricsListener implements TickListener {
  private final EngineMeters engine;
  private final WebMeters web;
  private final ModelMeters models;
  private final PipelineMeters pipeline;

  /**
   * Binds the meters of a world to a registry.
   *
   * @param registry where the meters go
   * @param world the world that will run
   * @param maxModels how many models get their own {@code model} label (see {@link ModelMeters})
   */
  public MetricsListener(MeterRegistry registry, World world, int maxModels) {
    Objects.requireNonNull(registry, "registry");
    this.engine = new EngineMeters(world.ticks());
    this.web = new WebMeters();
    this.models = ModelMeters.of(world, maxModels);
    engine.bindTo(registry);
    web.bindTo(registry);
    models.bindTo(registry);
    this.pipeline = new PipelineMeters(registry, world.humans().size(),
        world.models().stream().map(m -> m.id()).toList(), maxModels, models.otherLabel());
  }

  @Override
  public void onTick(TickResult result) {
    web.onTick(result);
    models.update(result.reports());
    pipeline.update(result.reports());
    engine.onTick(result);
  }

  @Override
  public void onFinish(RunOutcome outcome) {
    engine.onFinish();
  }
}
