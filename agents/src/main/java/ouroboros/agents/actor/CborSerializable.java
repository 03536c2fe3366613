package ouroboros.agents.actor;

/**
 * Marker for messages that may cross a node boundary. Every message is a record of primitive
 * arrays, strings and other such records; a cluster binds this marker to Akka's jackson-cbor
 * serializer. The one in-JVM shortcut is the {@link ouroboros.agents.web.WebView} reference in
 * {@link AgentProtocol.Retrain}, which a replicated web will replace behind the same interface.
 */
public interface CborSerializable {}
