package ouroboros.sim.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import ouroboros.agents.actor.AgentProtocol;
import ouroboros.agents.data.Items;
import ouroboros.sim.engine.Barrier;
import ouroboros.sim.engine.TickResult;
import ouroboros.sim.web.WebStore;

/** {@link NodeMetrics} against a {@link SimpleMeterRegistry}, and the names Prometheus shows. */
class NodeMetricsTest {
  private static final double NANOS = 1e9;
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final WebStore web = new WebStore(1, 1, WebStore.KEEP_ALL);

  /** A meter's value, by its dotted name and node tag. */
  private double value(String name, String node) {
    var m = registry.get(name).tag("node", node);
    return name.equals("ouroboros.node.agents") ? m.gauge().value() : m.counter().count();
  }

  @Test
  void local_hostsEveryAgent_sendsNothing_andWaitsThePublishAndRetrainPhases() {
    NodeMetrics node = new NodeMetrics(NodeMetrics.LOCAL, 7);
    node.bindTo(registry);
    assertEquals(7, value("ouroboros.node.agents", "local"));
    assertEquals(0, value("ouroboros.node.bytes.sent", "local"));
    assertEquals(0, value("ouroboros.node.bytes.received", "local"));
    assertEquals(0, value("ouroboros.node.barrier.wait", "local"));
    // events 5 ms, publish 20 ms, retrain 300 ms: the wait is publish + retrain.
    node.waitedAt(tick(0, 5_000_000L, 20_000_000L, 300_000_000L));
    node.waitedAt(tick(1, 5_000_000L, 30_000_000L, 0));
    assertEquals(0.35, value("ouroboros.node.barrier.wait", "local"), 1e-12);
    assertEquals(
        "seconds", registry.get("ouroboros.node.barrier.wait").counter().getId().getBaseUnit());
  }

  @Test
  void clusterNode_countsItsTraffic_andItsAgentsChange() {
    NodeMetrics node = new NodeMetrics("10.0.0.3:2552", 3);
    node.bindTo(registry);
    node.sent(1_000);
    node.sent(24);
    node.received(512);
    node.barrierWait(1_500_000_000L);
    node.agents(5);
    assertEquals(5, value("ouroboros.node.agents", "10.0.0.3:2552"));
    assertEquals(1_024, value("ouroboros.node.bytes.sent", "10.0.0.3:2552"));
    assertEquals(512, value("ouroboros.node.bytes.received", "10.0.0.3:2552"));
    assertEquals(1.5, value("ouroboros.node.barrier.wait", "10.0.0.3:2552"), 1e-12);
  }

  @Test
  void catchUp_addsOnlyWhatTheTotalsGrewBy_andRefusesATotalThatShrinks() {
    NodeMetrics node = new NodeMetrics("127.0.0.1:2552", 0);
    node.bindTo(registry);
    node.catchUp(4, 1_000, 300);
    node.catchUp(3, 1_500, 300);
    assertEquals(3, value("ouroboros.node.agents", "127.0.0.1:2552"));
    assertEquals(1_500, value("ouroboros.node.bytes.sent", "127.0.0.1:2552"));
    assertEquals(300, value("ouroboros.node.bytes.received", "127.0.0.1:2552"));
    assertThrows(IllegalArgumentException.class, () -> node.catchUp(3, 1_400, 300));
  }

  @Test
  void badValues_areRefused_namingThem() {
    NodeMetrics node = new NodeMetrics("n", 0);
    node.bindTo(registry);
    assertEquals(
        "bytes sent is negative: -1",
        assertThrows(IllegalArgumentException.class, () -> node.sent(-1)).getMessage());
    assertEquals(
        "agents is negative: -2",
        assertThrows(IllegalArgumentException.class, () -> node.agents(-2)).getMessage());
    assertEquals(
        "barrier wait is negative: -3",
        assertThrows(IllegalArgumentException.class, () -> node.barrierWait(-3)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> new NodeMetrics(" ", 1));
  }

  @Test
  void timedBarrier_addsTheWaitFromAskingToWrite_onlyWhenACheckpointIsDue() throws Exception {
    NodeMetrics node = new NodeMetrics(NodeMetrics.LOCAL, 2);
    node.bindTo(registry);
    List<Integer> written = new ArrayList<>();
    Barrier every2 =
        new Barrier() {
          @Override
          public boolean due(int tick) {
            return tick % 2 == 1;
          }

          @Override
          public void write(int tick, WebStore w, List<AgentProtocol.StateSaved> states) {
            written.add(tick);
          }
        };
    Barrier timed = node.timed(every2);
    assertFalse(timed.due(0));
    assertEquals(0, value("ouroboros.node.barrier.wait", "local"));
    assertTrue(timed.due(1));
    // The clock answers due() when the tick's retrain phase starts; the wait starts at asking().
    Thread.sleep(30);
    long before = System.nanoTime();
    timed.asking(1);
    Thread.sleep(20);
    timed.write(1, web, List.of());
    long most = System.nanoTime() - before;
    double waited = value("ouroboros.node.barrier.wait", "local");
    assertTrue(waited >= 0.020 && waited <= most / NANOS, "waited " + waited + " s");
    assertEquals(List.of(1), written);
    // a second write without an asking() in between adds nothing
    timed.write(1, web, List.of());
    assertEquals(waited, value("ouroboros.node.barrier.wait", "local"));
  }

  @Test
  void prometheus_showsTheNamesTheDashboardsAndTheClusterUse() {
    PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new NodeMetrics(NodeMetrics.LOCAL, 4).bindTo(prometheus);
    Set<String> series = new TreeSet<>();
    Matcher m =
        Pattern.compile("^(ouroboros_node_[a-z_]+)\\{node=\"local\"\\}", Pattern.MULTILINE)
            .matcher(prometheus.scrape());
    while (m.find()) {
      series.add(m.group(1));
    }
    assertEquals(
        new TreeSet<>(
            List.of(
                "ouroboros_node_agents",
                "ouroboros_node_bytes_sent_total",
                "ouroboros_node_bytes_received_total",
                "ouroboros_node_barrier_wait_seconds_total")),
        series);
  }

  /** Tick t with the given events, publish and retrain phase times. */
  private TickResult tick(int t, long events, long publish, long retrain) {
    return new TickResult(
        t,
        web.appendAndSeal(t, new Items[] {Items.empty(1)}),
        List.of(),
        0,
        new long[] {events, publish, retrain, 0});
  }
}
