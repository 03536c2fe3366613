package ouroboros.sim.cluster;

import akka.actor.ActorRef;
import akka.actor.ExtendedActorSystem;
import akka.actor.typed.javadsl.Adapter;
import akka.remote.artery.RemoteInstrument;
import java.nio.ByteBuffer;

/**
 * Counts the bytes of every message that crosses Artery to or from this node (an Artery remote
 * instrument, {@code akka.remote.artery.advanced.instruments}): items and reports, the control
 * messages of the tick, and Akka's own cluster traffic (gossip, heartbeats), each as the size of
 * its serialized envelope. The node's meters ({@code ouroboros_node_bytes_sent_total} and {@code
 * ouroboros_node_bytes_received_total}) read these counts from {@link NodeTraffic}; it writes no
 * metadata into the messages.
 */
public final class TransportCount extends RemoteInstrument {
  /** This instrument's id among Artery's instruments (1 to 31, unique per system). */
  static final byte ID = 23;

  private final ExtendedActorSystem system;
  private volatile NodeTraffic traffic;

  /** Artery builds it when the transport starts, with the node's actor system. */
  public TransportCount(ExtendedActorSystem system) {
    this.system = system;
  }

  private NodeTraffic traffic() {
    NodeTraffic t = traffic;
    if (t == null) {
      t = NodeTraffic.get(Adapter.toTyped(system));
      traffic = t;
    }
    return t;
  }

  @Override
  public byte identifier() {
    return ID;
  }

  /** Artery reports sizes to instruments only when one of them asks for timings. */
  @Override
  public boolean serializationTimingEnabled() {
    return true;
  }

  @Override
  public void remoteWriteMetadata(
      ActorRef recipient, Object message, ActorRef sender, ByteBuffer buffer) {}

  @Override
  public void remoteMessageSent(
      ActorRef recipient, Object message, ActorRef sender, int size, long time) {
    traffic().transported(size);
  }

  @Override
  public void remoteReadMetadata(
      ActorRef recipient, Object message, ActorRef sender, ByteBuffer buffer) {}

  @Override
  public void remoteMessageReceived(
      ActorRef recipient, Object message, ActorRef sender, int size, long time) {
    traffic().arrived(size);
  }
}
