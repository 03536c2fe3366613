package ouroboros.sim.cluster;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import ouroboros.agents.data.Items;
import ouroboros.agents.human.HumanCore;
import ouroboros.agents.human.HumanSettings;
import ouroboros.agents.model.ModelCore;
import ouroboros.agents.model.ModelSettings;
import ouroboros.agents.rng.RngStreams;
import ouroboros.sim.engine.Resumed;
import ouroboros.sim.engine.Resumption;
import ouroboros.sim.engine.Simulation;
import ouroboros.sim.engine.World;
import ouroboros.sim.engine.Worlds;
import ouroboros.sim.web.WebStore;

/**
 * After a node loss the clock restores the checkpoint once, on its own node: the clock's node's
 * host takes the agents and the snapshot the clock restored (the same {@link Resumed}) and is sent
 * no part of the checkpoint, rather than putting the parts back together and rebuilding every agent
 * a second time. A cluster of one node, the clock's, in this JVM (its start and shutdown take a few
 * seconds).
 */
@Tag("slow")
class ClockNodeResumeTest {
  private static final String SCENARIO =
      """
      name: one-node
      ticks: 4
      domain: {type: gaussian, mean: [0.0], variance: [1.0]}
      sites: [{id: s}]
      humans: [{id: h, publish-rate: 2, site: s}]
      models: [{id: m, regime: replace, initial: truth, scrape: 4, publish-rate: 4, site: s}]
      """;

  @Test
  void prepare_fromCheckpoint_clocksNodeHostsTheClocksRestoredAgents() throws Exception {
    World world = Worlds.of(SCENARIO, 7);
    Resumed clocks = Resumed.of(world, store(world), checkpointAfterTick0(world));
    ClusterNode.HostPort self = ClusterNode.hostPort("--cluster", "127.0.0.1:" + freePort());
    StringWriter log = new StringWriter();
    try (Simulation sim = new Simulation(1, ClusterNode.config(self, self, self))) {
      ClusterNode.start(sim.system());
      ClusterPlacement placement =
          new ClusterPlacement(
              sim.system(), SCENARIO, Map.of(), 7, 1, Duration.ofSeconds(60), new PrintWriter(log));
      placement.prepare(world, clocks);
      try {
        assertSame(
            clocks, NodeRuns.get(sim.system()).get(placement.runId()).resumed, log::toString);
        assertFalse(log.toString().contains("sending the checkpoint"), log::toString);
      } finally {
        placement.finish();
      }
    }
  }

  /** A checkpoint of {@code world} after tick 0: a web of empty contributions, agents as built. */
  private static Resumption checkpointAfterTick0(World world) throws IOException {
    RngStreams streams = new RngStreams(world.seed());
    List<byte[]> agents = new ArrayList<>();
    int index = 0;
    for (HumanSettings h : world.humans()) {
      HumanCore core = new HumanCore(index, h, world.domainOf(index), streams);
      agents.add(state(out -> core.saveState(out)));
      index++;
    }
    for (ModelSettings m : world.models()) {
      ModelCore core = new ModelCore(index, m, world.domainOf(index), streams);
      agents.add(state(out -> core.saveState(out)));
      index++;
    }
    WebStore web = store(world);
    Items[] none = new Items[world.agentCount()];
    java.util.Arrays.fill(none, Items.empty(world.domain().width()));
    web.appendAndSeal(0, none);
    return new Resumption(0, state(web::save), agents);
  }

  /** What {@code save} writes. */
  private static byte[] state(Save save) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(b)) {
      save.to(out);
    }
    return b.toByteArray();
  }

  /** Something that writes its state. */
  private interface Save {
    void to(DataOutputStream out) throws IOException;
  }

  private static WebStore store(World world) {
    return new WebStore(
        world.domain().width(),
        world.sites().size(),
        world.retention(),
        world.siteWeights(),
        world.siteAttachments());
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
