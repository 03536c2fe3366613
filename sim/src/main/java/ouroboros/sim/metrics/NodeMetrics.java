package ouroboros.sim.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import ouroboros.agents.actor.AgentProtocol;
import ouroboros.sim.engine.Barrier;
import ouroboros.sim.engine.Phase;
import ouroboros.sim.engine.TickResult;
import ouroboros.sim.output.MeterCatalogue;
import ouroboros.sim.web.WebStore;

/**
 * One node's meters, tagged {@code node} with the node's address ({@value #LOCAL} for a run in one
 * JVM): the agents it hosts ({@code ouroboros_node_agents}), the bytes it sent to and received from
 * other nodes ({@code ouroboros_node_bytes_sent_total}, {@code
 * ouroboros_node_bytes_received_total}) and the time the clock waited at the phase barriers for the
 * slowest agent ({@code ouroboros_node_barrier_wait_seconds_total}). Updating costs a few atomic
 * additions and allocates nothing, so it may be called per tick or per message from any thread.
 * Bind before feeding.
 *
 * <p>In one JVM the node hosts every agent and sends nothing; the barrier wait of a tick is the
 * wall time of its publish and retrain phases, from the clock's first request to the last reply
 * ({@link #waitedAt(TickResult)}; the publish phase also holds the web's append and seal, which the
 * clock does on the same thread once the last batch is in; with folded steps a tick's retrain phase
 * holds the next tick's publish, so the sum over ticks is the same), plus, after a tick that is due
 * for a checkpoint, the time from asking every agent for its state to the last answer ({@link
 * #timed(Barrier)}).
 */
public final class NodeMetrics implements MeterBinder {
  /** The node tag of a run in one JVM. */
  public static final String LOCAL = "local";

  private final String node;
  private final Tags labels;
  private volatile int agents;
  private Counter sent;
  private Counter received;
  private Counter barrierWait;
  private long sentSoFar;
  private long receivedSoFar;

  /**
   * Meters of the node {@code node}, hosting {@code agents} agents.
   *
   * @param node the node's address ({@code host:port}), or {@value #LOCAL}
   * @param agents the agents it hosts
   */
  public NodeMetrics(String node, int agents) {
    this(node, agents, Tags.empty());
  }

  /**
   * Meters of the node {@code node}, hosting {@code agents} agents, that also carry {@code labels}
   * (a worker's meters carry the run's labels, which its registry's common tags cannot: the worker
   * learns them only when the clock's node prepares the run).
   */
  public NodeMetrics(String node, int agents, Tags labels) {
    Objects.requireNonNull(node, "node");
    this.labels = Objects.requireNonNull(labels, "labels");
    if (node.isBlank()) {
      throw new IllegalArgumentException("node is blank");
    }
    this.node = node;
    agents(agents);
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Tags tags = Tags.of("node", node).and(labels);
    Registrar.function(registry, MeterCatalogue.NODE_AGENTS, tags, this, m -> m.agents);
    sent = Registrar.counter(registry, MeterCatalogue.NODE_BYTES_SENT, tags);
    received = Registrar.counter(registry, MeterCatalogue.NODE_BYTES_RECEIVED, tags);
    barrierWait = Registrar.counter(registry, MeterCatalogue.NODE_BARRIER_WAIT, tags);
  }

  /** The node's tag value. */
  public String node() {
    return node;
  }

  /** Sets the agents the node hosts now. */
  public void agents(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("agents is negative: " + count);
    }
    agents = count;
  }

  /** Adds bytes sent to other nodes. */
  public void sent(long bytes) {
    sent.increment(nonNegative("bytes sent", bytes));
  }

  /** Adds bytes received from other nodes. */
  public void received(long bytes) {
    received.increment(nonNegative("bytes received", bytes));
  }

  /**
   * Brings the meters up to a node's running totals (a cluster node's traffic, which its transport
   * counts): sets the agents hosted and adds what was sent and received since the last call.
   */
  public synchronized void catchUp(long agentsNow, long sentTotal, long receivedTotal) {
    agents((int) Math.min(Integer.MAX_VALUE, agentsNow));
    sent(nonNegative("bytes sent", sentTotal - sentSoFar));
    received(nonNegative("bytes received", receivedTotal - receivedSoFar));
    sentSoFar = sentTotal;
    receivedSoFar = receivedTotal;
  }

  /** Adds time spent waiting at a barrier. */
  public void barrierWait(long nanos) {
    barrierWait.increment(
        nonNegative("barrier wait", nanos) / (double) TimeUnit.SECONDS.toNanos(1));
  }

  /** Adds a tick's wait in one JVM: the wall time of its publish and retrain phases. */
  public void waitedAt(TickResult r) {
    long[] phases = r.phaseNanos();
    barrierWait(phases[Phase.PUBLISH.ordinal()] + phases[Phase.RETRAIN.ordinal()]);
  }

  /**
   * The checkpoint barrier {@code barrier}, timed: the time from the clock's {@link Barrier#asking}
   * (it then asks every agent for its state) to {@link Barrier#write} (called when the last state
   * is in) is added to the barrier wait; writing is not.
   */
  public Barrier timed(Barrier barrier) {
    Objects.requireNonNull(barrier, "barrier");
    return new Barrier() {
      private boolean asking;
      private long asked;

      @Override
      public boolean due(int tick) {
        return barrier.due(tick);
      }

      @Override
      public void asking(int tick) {
        barrier.asking(tick);
        asking = true;
        asked = System.nanoTime();
      }

      @Override
      public void write(int tick, WebStore web, List<AgentProtocol.StateSaved> states)
          throws Exception {
        if (asking) {
          barrierWait(System.nanoTime() - asked);
          asking = false;
        }
        barrier.write(tick, web, states);
      }
    };
  }

  /** {@code value}, checked not negative. */
  private static long nonNegative(String what, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(what + " is negative: " + value);
    }
    return value;
  }
}
