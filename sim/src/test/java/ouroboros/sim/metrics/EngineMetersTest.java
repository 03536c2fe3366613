package ouroboros.sim.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import ouroboros.agents.data.Items;
import ouroboros.agents.model.RetrainReport;
import ouroboros.sim.engine.TickResult;
import ouroboros.sim.web.Snapshot;
import ouroboros.sim.web.WebStore;

/** {@link EngineMeters} against a {@link SimpleMeterRegistry} on a mock clock. */
class EngineMetersTest {
  private final MockClock clock = new MockClock();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
  private final EngineMeters meters = new EngineMeters(100);
  private final WebStore web = new WebStore(1, 1, WebStore.KEEP_ALL);

  /** Tick t, with the given phase times in milliseconds and reports. */
  private TickResult tick(
      int t, long eventsMs, long publishMs, long retrainMs, List<RetrainReport> reports) {
    Snapshot s = web.appendAndSeal(t, new Items[] {Items.empty(1)});
    long ms = 1_000_000;
    return new TickResult(
        t, s, reports, 0, new long[] {eventsMs * ms, publishMs * ms, retrainMs * ms, 0});
  }

  /** The value of an engine gauge. */
  private double gauge(String name) {
    return registry.get(name).gauge().value();
  }

  @Test
  void onTick_phaseTimersTickAndCounters() {
    meters.bindTo(registry);
    assertTrue(Double.isNaN(gauge(MeterNames.ENGINE_TICK)));
    assertEquals(100, gauge(MeterNames.ENGINE_TICKS_PLANNED));
    RetrainReport failed = Reports.report(1, "m", 2);
    failed =
        new RetrainReport(
            failed.agent(),
            failed.id(),
            1,
            2,
            true,
            "diverged",
            3,
            failed.scraped(),
            failed.composition(),
            failed.outputDepth(),
            failed.evaluation(),
            failed.verdicts(),
            new double[0]);
    meters.onTick(tick(0, 1, 20, 300, List.of(Reports.report(1, "m", 1))));
    meters.onTick(tick(1, 3, 40, 500, List.of(failed)));
    assertEquals(1, gauge(MeterNames.ENGINE_TICK));
    assertEquals(2, registry.get(MeterNames.ENGINE_TICKS).counter().count());
    assertEquals(2, registry.get(MeterNames.ENGINE_RETRAINS).counter().count());
    assertEquals(1, registry.get(MeterNames.ENGINE_FIT_FAILURES).counter().count());
    var publish = registry.get(MeterNames.ENGINE_PHASE).tag("phase", "publish").timer();
    assertEquals(2, publish.count());
    assertEquals(60, publish.totalTime(TimeUnit.MILLISECONDS), 1e-9);
    assertEquals(
        800,
        registry
            .get(MeterNames.ENGINE_PHASE)
            .tag("phase", "retrain")
            .timer()
            .totalTime(TimeUnit.MILLISECONDS),
        1e-9);
    assertNull(
        registry.find(MeterNames.ENGINE_PHASE).tag("phase", "observe").timer(),
        "the observe phase is not timed");
    assertEquals(1, gauge(MeterNames.ENGINE_RUNNING));
    meters.onFinish();
    assertEquals(0, gauge(MeterNames.ENGINE_RUNNING));
  }

  @Test
  void ticksPerSecond_countsTheLastTenSeconds() {
    meters.bindTo(registry);
    assertEquals(0, gauge(MeterNames.ENGINE_TICKS_PER_SECOND));
    clock.add(Duration.ofMillis(500));
    meters.onTick(tick(0, 0, 0, 0, List.of()));
    clock.add(Duration.ofMillis(500));
    meters.onTick(tick(1, 0, 0, 0, List.of()));
    assertEquals(2, gauge(MeterNames.ENGINE_TICKS_PER_SECOND), 1e-9, "2 ticks in 1 s");
    for (int t = 2; t < 50; t++) {
      clock.add(Duration.ofMillis(250));
      meters.onTick(tick(t, 0, 0, 0, List.of()));
    }
    assertEquals(
        4,
        gauge(MeterNames.ENGINE_TICKS_PER_SECOND),
        0.1 + 1e-9,
        "4 per second once the window is full");
    clock.add(Duration.ofSeconds(11));
    assertEquals(0, gauge(MeterNames.ENGINE_TICKS_PER_SECOND), "a held run's rate falls to 0");
  }

  @Test
  void ticksPerSecond_zeroOnceTheRunHasEnded() {
    // QA, stop 32: a finished run held for scraping showed its last window's rate (6.0, 2.7).
    meters.bindTo(registry);
    for (int t = 0; t < 8; t++) {
      clock.add(Duration.ofMillis(250));
      meters.onTick(tick(t, 0, 0, 0, List.of()));
    }
    assertEquals(4, gauge(MeterNames.ENGINE_TICKS_PER_SECOND), 1e-9);
    meters.onFinish();
    assertEquals(0, gauge(MeterNames.ENGINE_TICKS_PER_SECOND), "0 while a finished run is held");
  }
}
