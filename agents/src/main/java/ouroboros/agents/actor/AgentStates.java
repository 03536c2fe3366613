package ouroboros.agents.actor;

import java.io.ByteArrayOutputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;

/** Turns a core's state into the plain {@link AgentProtocol.StateSaved} reply. */
final class AgentStates {
  private AgentStates() {}

  /** What writes a core's state. */
  interface Writer {
    /** Writes the state. */
    void write(DataOutput out) throws IOException;
  }

  /** The reply for tick {@code tick}: the bytes, or the failure to write them. */
  static AgentProtocol.StateSaved save(int tick, int index, Writer writer) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      writer.write(out);
    } catch (IOException | RuntimeException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return new AgentProtocol.StateSaved(tick, index, new byte[0], why);
    }
    return new AgentProtocol.StateSaved(tick, index, bytes.toByteArray(), "");
  }
}
