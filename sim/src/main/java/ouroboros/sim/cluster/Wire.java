package ouroboros.sim.cluster;

/**
 * Marker for the cluster messages that carry columnar payloads (a tick's items, a block's replies):
 * Akka binds it to {@link WireSerializer}, which writes them with the same codecs as checkpoints.
 * Every other cross-node message is {@link ouroboros.agents.actor.CborSerializable} (Jackson CBOR).
 */
public interface Wire {}
