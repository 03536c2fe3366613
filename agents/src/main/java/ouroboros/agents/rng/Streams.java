package ouroboros.agents.rng;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
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

  /**
   * The purposes handed out and their streams, in that order, in two arrays rather than a linked
   * map: an agent has about eight streams for the whole run, and a map's entries and table cost
   * some 450 bytes per agent where the arrays cost about 100.
   */
  private String[] purposes = new String[0];

  private RestorableUniformRandomProvider[] made = new RestorableUniformRandomProvider[0];

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
    for (String p : purposes) {
      if (p.equals(purpose)) {
        throw new IllegalStateException("stream " + purpose + " of " + agentId + " made twice");
      }
    }
    int n = purposes.length;
    purposes = Arrays.copyOf(purposes, n + 1);
    made = Arrays.copyOf(made, n + 1);
    purposes[n] = purpose;
    made[n] = r;
    return r;
  }

  /** Writes every stream's purpose and state, in the order they were made. */
  public void save(DataOutput out) throws IOException {
    out.writeInt(made.length);
    for (int k = 0; k < made.length; k++) {
      out.writeUTF(purposes[k]);
      StateIo.bytes(out, ((RandomProviderDefaultState) made[k].saveState()).getState());
    }
  }

  /**
   * Restores what {@link #save} wrote; the streams must be the same ones, made in the same order.
   */
  public void restore(DataInput in) throws IOException {
    StateIo.expect(in, agentId + "'s number of random streams", made.length);
    for (int k = 0; k < made.length; k++) {
      String purpose = in.readUTF();
      if (!purpose.equals(purposes[k])) {
        throw new IOException(
            "checkpoint does not match this run: "
                + agentId
                + " has stream "
                + purpose
                + ", expected "
                + purposes[k]);
      }
      byte[] state = StateIo.bytes(in);
      try {
        made[k].restoreState(new RandomProviderDefaultState(state));
      } catch (IllegalArgumentException | NullPointerException bad) {
        throw new IOException(
            "corrupt checkpoint: stream " + purpose + " of " + agentId + ": " + bad.getMessage());
      }
    }
  }
}
