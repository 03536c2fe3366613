package ouroboros.sim.engine;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import ouroboros.agents.state.StateIo;

/**
 * The state a run resumes from (see {@code ouroboros.sim.checkpoint}): the last tick completed, the
 * web's bytes as {@link ouroboros.sim.web.WebStore#save} wrote them, and each agent's bytes as its
 * core wrote them, in canonical order.
 *
 * @param tick the last tick completed; the run goes on at tick + 1
 * @param web the web within retention
 * @param agents one block per agent
 */
public record Resumption(int tick, byte[] web, List<byte[]> agents) {
  /** Checks the values. */
  public Resumption {
    if (tick < 0) {
      throw new IllegalArgumentException("tick is negative: " + tick);
    }
    Objects.requireNonNull(web, "web");
    agents = List.copyOf(agents);
  }

  /**
   * Writes agents' states as a checkpoint holds them (docs/checkpoints.md, section {@code agents};
   * a checkpoint's parts on the wire too): their count, then each one's length and bytes.
   */
  public static void writeAgents(DataOutput out, List<byte[]> agents) throws IOException {
    out.writeInt(agents.size());
    for (byte[] a : agents) {
      StateIo.bytes(out, Objects.requireNonNull(a, "an agent's state"));
    }
  }

  /** Reads what {@link #writeAgents} wrote; a corrupt length fails with an {@link IOException}. */
  public static List<byte[]> readAgents(DataInput in) throws IOException {
    int n = StateIo.length(in);
    if (n < 0) {
      throw new IOException("corrupt checkpoint: an agent count of " + n);
    }
    List<byte[]> agents = new ArrayList<>(Math.min(n, 1024));
    for (int i = 0; i < n; i++) {
      byte[] a = StateIo.bytes(in);
      if (a == null) {
        throw new IOException("corrupt checkpoint: no state for agent " + i);
      }
      agents.add(a);
    }
    return agents;
  }
}
