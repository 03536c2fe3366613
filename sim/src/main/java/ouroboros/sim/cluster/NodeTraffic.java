package ouroboros.sim.cluster;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.Extension;
import akka.actor.typed.ExtensionId;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a node sent and received (an Akka extension, one per actor system): every message over
 * Artery ({@link TransportCount}), which the node's meters read ({@code
 * ouroboros_node_bytes_sent_total} and the others), and, within that, the run's bulk traffic (the
 * {@link Wire} messages: items and reports), which the run's closing line and the cluster benchmark
 * print; and the agents it hosts.
 */
public final class NodeTraffic implements Extension {
  static final ExtensionId<NodeTraffic> ID =
      new ExtensionId<>() {
        @Override
        public NodeTraffic createExtension(ActorSystem<?> system) {
          return new NodeTraffic();
        }
      };

  private final LongAdder transported = new LongAdder();
  private final LongAdder arrived = new LongAdder();
  private final LongAdder sent = new LongAdder();
  private final LongAdder received = new LongAdder();
  private final LongAdder calls = new LongAdder();
  private final LongAdder agents = new LongAdder();
  private volatile Map<String, String> labels;

  private NodeTraffic() {}

  /** The traffic of {@code system}'s node. */
  public static NodeTraffic get(ActorSystem<?> system) {
    return ID.apply(system);
  }

  void transported(long bytes) {
    transported.add(bytes);
  }

  void arrived(long bytes) {
    arrived.add(bytes);
  }

  void sent(long bytes) {
    sent.add(bytes);
  }

  void received(long bytes) {
    received.add(bytes);
  }

  void called(long n) {
    calls.add(n);
  }

  void labelled(Map<String, String> runLabels) {
    labels = Map.copyOf(runLabels);
  }

  /**
   * The labels of the run this node last prepared (its scenario and run id, as the clock's node
   * tags its series), or null before the first run.
   */
  public Map<String, String> labels() {
    return labels;
  }

  void hosting(int delta) {
    agents.add(delta);
  }

  /** The agents this node hosts now (in the blocks Cluster Sharding placed here). */
  public long agents() {
    return agents.sum();
  }

  /**
   * Bytes of every message this node sent over Artery so far (items and reports, control messages,
   * Akka's cluster traffic), as {@link TransportCount} counts them: what the node meters show.
   */
  public long transportSent() {
    return transported.sum();
  }

  /** Bytes of every message this node received over Artery so far ({@link #transportSent}). */
  public long transportReceived() {
    return arrived.sum();
  }

  /** Bytes of items and reports ({@link Wire} messages) serialized for other nodes so far. */
  public long bytesSent() {
    return sent.sum();
  }

  /** Bytes of items and reports deserialized from other nodes so far. */
  public long bytesReceived() {
    return received.sum();
  }

  /** Block calls the clock has sent so far. */
  public long calls() {
    return calls.sum();
  }
}
