package ouroboros.sim.metrics;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import ouroboros.agents.model.RetrainReport;
import ouroboros.sim.engine.Phase;
import ouroboros.sim.engine.TickResult;
import ouroboros.sim.output.MeterCatalogue;

/**
 * Engine meters: the tick, ticks completed and their rate, whether the run is still going, the
 * duration of each timed phase ({@code events}, {@code publish}, {@code retrain}; the observe phase
 * is where the meters are fed, so it is not timed), retrains and fit failures. The rate gauge
 * counts the ticks completed in the last {@value #WINDOW_SECONDS} seconds (or since the meters were
 * bound, if that is shorter) over that time, read from the registry's clock, so it falls to 0 while
 * a finished run is held. Bind before feeding.
 */
public final class EngineMeters implements MeterBinder {
  /** Seconds over which ticks per second is measured. */
  public static final int WINDOW_SECONDS = 10;

  private static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(WINDOW_SECONDS);

  private final int plannedTicks;
  private final Deque<Long> completions = new ArrayDeque<>();
  private volatile double tick = Double.NaN;
  private volatile double running = 1;
  private Clock clock;
  private long boundAt;
  private Counter ticks;
  private Counter retrains;
  private Counter fitFailures;
  private final Timer[] phases = new Timer[Phase.values().length];

  /** Meters for a run of {@code plannedTicks} ticks. */
  public EngineMeters(int plannedTicks) {
    if (plannedTicks < 0) {
      throw new IllegalArgumentException("plannedTicks is negative: " + plannedTicks);
    }
    this.plannedTicks = plannedTicks;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    clock = registry.config().clock();
    boundAt = clock.monotonicTime();
    Registrar.function(registry, MeterCatalogue.ENGINE_TICK, Tags.empty(), this, m -> m.tick);
    Registrar.function(
        registry, MeterCatalogue.ENGINE_TICKS_PLANNED, Tags.empty(), this, m -> m.plannedTicks);
    Registrar.function(registry, MeterCatalogue.ENGINE_RUNNING, Tags.empty(), this, m -> m.running);
    Registrar.function(
        registry,
        MeterCatalogue.ENGINE_TICKS_PER_SECOND,
        Tags.empty(),
        this,
        EngineMeters::ticksPerSecond);
    ticks = Registrar.counter(registry, MeterCatalogue.ENGINE_TICKS, Tags.empty());
    retrains = Registrar.counter(registry, MeterCatalogue.ENGINE_RETRAINS, Tags.empty());
    fitFailures = Registrar.counter(registry, MeterCatalogue.ENGINE_FIT_FAILURES, Tags.empty());
    for (Phase p : Phase.values()) {
      if (p != Phase.OBSERVE) {
        phases[p.ordinal()] =
            Registrar.timer(registry, MeterCatalogue.ENGINE_PHASE, Tags.of("phase", p.key()));
      }
    }
  }

  /** Takes a finished tick. */
  public void onTick(TickResult r) {
    for (Phase p : Phase.values()) {
      if (phases[p.ordinal()] != null) {
        phases[p.ordinal()].record(r.phaseNanos()[p.ordinal()], TimeUnit.NANOSECONDS);
      }
    }
    for (RetrainReport rep : r.reports()) {
      retrains.increment();
      if (rep.fitFailed()) {
        fitFailures.increment();
      }
    }
    long now = clock.monotonicTime();
    synchronized (completions) {
      completions.addLast(now);
      prune(now);
    }
    tick = r.tick();
    ticks.increment();
  }

  /**
   * For a run resumed after {@code tick}: the tick gauge shows it and the ticks-completed counter
   * starts at tick + 1, the ticks the checkpoint holds, so that it counts the run's ticks, not this
   * process's. The retrain, fit-failure and pipeline counters and the phase timers start at 0 in
   * the resumed process (docs/checkpoints.md); Prometheus reads that as a counter reset. The tick
   * rate counts this process's ticks only.
   */
  public void resumedAfter(int tick) {
    if (tick < 0) {
      throw new IllegalArgumentException("tick is negative: " + tick);
    }
    this.tick = tick;
    ticks.increment(tick + 1.0);
  }

  /** Marks the run ended. */
  public void onFinish() {
    running = 0;
  }

  /**
   * Ticks completed in the trailing window over the window's length; 0 once the run has ended (a
   * finished run held for scraping showed its last window's rate for up to the window's length).
   */
  private double ticksPerSecond() {
    if (running == 0) {
      return 0;
    }
    long now = clock.monotonicTime();
    synchronized (completions) {
      prune(now);
      long span = Math.min(WINDOW_NANOS, now - boundAt);
      return span <= 0 ? 0 : completions.size() * 1e9 / span;
    }
  }

  /** Drops completions older than the window; call holding the lock. */
  private void prune(long now) {
    while (!completions.isEmpty() && now - completions.peekFirst() > WINDOW_NANOS) {
      completions.removeFirst();
    }
  }
}
