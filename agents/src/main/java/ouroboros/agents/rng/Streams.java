package ouroboros.agents.rng;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.RandomProviderDefaultState;
import ouroboros.agents.state.StateIo;

/**
 * One agent's random streams, by purpose, kept so that a checkpoint can save each stream's position
 * and a resumed run restore it (Commons RNG's {@link RestorableUniformRandomProvider}). The streams
 * themselves are {@link RngStreams}'s: this class only remembers the ones it handed out, in the
 * order it handed them out.
 */
public final class Streams {
  private final RngStreams streams;
  private final String agentId;
  private final Map<String, RestorableUniformRandomProvider> made = new LinkedHashMap<>();

  /** The streams of one agent. */
  public Streams(RngStreams streams, String agentId) {
    this.streams = Objects.requireNonNull(streams, "streams");
    this.agentId = Objects.requireNonNull(agentId, "agentId");
  }

  /** The stream for a purpose; asking twice for one purpose is a programming error. */
  public UniformRandomProvider stream(String purpose) {
    UniformRandomProvider rng = streams.stream(agentId, purpose);
    if (!(rng instanceof RestorableUniformRandomProvider r)) {
      throw new IllegalStateException("stream " + purpose + " cannot be saved: " + rng);
    }
    if (made.putIfAbsent(purpose, r) != null) {
      throw new IllegalStateException("stream " + purpose + " of " + agentId + " made twice");
    }
    return r;
  }

  /** Writes every stream's purpose and state, in the order they were made. */
  public void save(DataOutput out) throws IOException {
    out.writeInt(made.size());
    for (Map.Entry<String, RestorableUniformRandomProvider> e : made.entrySet()) {
      out.writeUTF(e.getKey());
      StateIo.bytes(out, ((RandomProviderDefaultState) e.getValue().saveState()).getState());
    }
  }

  /**
   * Restores what {@link #save} wrote; the streams must be the same ones, made in the same order.
   */
  public void restore(DataInput in) throws IOException {
    StateIo.expect(in, agentId + "'s number of random streams", made.size());
    for (Map.Entry<String, RestorableUniformRandomProvider> e : made.entrySet()) {
      String purpose = in.readUTF();
      if (!purpose.equals(e.getKey())) {
        throw new IOException(
            "checkpoint does not match this run: "
                + agentId
                + " has stream "
                + purpose
                + ", expected "
                + e.getKey());
      }
      byte[] state = StateIo.bytes(in);
      try {
        e.getValue().restoreState(new RandomProviderDefaultState(state));
      } catch (IllegalArgumentException | NullPointerException bad) {
        throw new IOException(
            "corrupt checkpoint: stream " + purpose + " of " + agentId + ": " + bad.getMessage());
      }
    }
  }
}
