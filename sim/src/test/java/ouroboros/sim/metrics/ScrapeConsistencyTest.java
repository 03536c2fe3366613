package ouroboros.sim.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ouroboros.agents.data.Items;
import ouroboros.sim.engine.TickResult;
import ouroboros.sim.engine.World;
import ouroboros.sim.graph.GraphListener;
import ouroboros.sim.graph.GraphOptions;
import ouroboros.sim.scenario.compile.WorldCompiler;
import ouroboros.sim.scenario.load.ScenarioLoader;
import ouroboros.sim.web.WebStore;

/**
 * A scrape shows one tick: the observe phase's update of the meters and a scrape's collection
 * exclude each other ({@link TickConsistentRegistry}), so a scrape never mixes the meters of two
 * ticks.
 */
class ScrapeConsistencyTest {

  @Test
  void onTick_duringACollection_waitsForItAndTheScrapeShowsTheTickBefore(@TempDir Path tmp)
      throws Exception {
    Path file = tmp.resolve("s.yaml");
    Files.writeString(file, Reports.scenario(5));
    World world = WorldCompiler.compile(new ScenarioLoader().load(file), 1);
    WebStore web = new WebStore(world.agentCount(), 1, WebStore.KEEP_ALL);
    Items[] none = new Items[world.agentCount()];
    for (int i = 0; i < none.length; i++) {
      none[i] = Items.empty(1);
    }
    GraphListener graph = new GraphListener(tmp, world, GraphOptions.DEFAULTS);
    try (MetricsServer server = MetricsServer.create(Tags.empty())) {
      MetricsListener listener = new MetricsListener(server.registry(), world, 10, graph);
      listener.onTick(new TickResult(0, web.appendAndSeal(0, none), List.of(), 0, new long[4]));
      CountDownLatch collecting = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      Gauge.builder(
              "test.blocker",
              () -> {
                collecting.countDown();
                try {
                  release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                return 1.0;
              })
          .register(server.registry());
      var prometheus = ((PrometheusMeterRegistry) server.registry()).getPrometheusRegistry();
      AtomicReference<MetricSnapshots> scraped = new AtomicReference<>();
      Thread scrape = new Thread(() -> scraped.set(prometheus.scrape()));
      scrape.start();
      assertTrue(collecting.await(10, TimeUnit.SECONDS), "the scrape reached the blocking gauge");
      Thread tick =
          new Thread(
              () ->
                  listener.onTick(
                      new TickResult(1, web.appendAndSeal(1, none), List.of(), 0, new long[4])));
      tick.start();
      tick.join(300);
      assertTrue(tick.isAlive(), "the update of tick 1 waits for the collection under way");
      release.countDown();
      scrape.join(10_000);
      tick.join(10_000);
      assertFalse(tick.isAlive());
      assertEquals(0.0, tickGauge(scraped.get()), "the scrape shows tick 0 only");
      assertEquals(1.0, tickGauge(prometheus.scrape()), "the next scrape shows tick 1");
    }
  }

  /** The value of the engine's tick gauge in a scrape. */
  private static double tickGauge(MetricSnapshots snapshots) {
    String name = MeterNames.ENGINE_TICK.replace('.', '_');
    return snapshots.stream()
        .filter(s -> s.getMetadata().getPrometheusName().equals(name))
        .map(s -> ((GaugeSnapshot) s).getDataPoints().get(0).getValue())
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " in the scrape"));
  }
}
