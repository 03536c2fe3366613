package ouroboros.agents.collapse;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import ouroboros.agents.state.StateIo;

/**
 * Writes a list of {@link Verdict}s to a checkpoint and reads it back: the count, then for each its
 * definition's and state's names and its number.
 */
public final class VerdictCodec {
  private VerdictCodec() {}

  /** Writes verdicts. */
  public static void write(DataOutput out, List<Verdict> verdicts) throws IOException {
    out.writeInt(verdicts.size());
    for (Verdict v : verdicts) {
      out.writeUTF(v.definition().name());
      out.writeUTF(v.state().name());
      out.writeDouble(v.number());
    }
  }

  /** Reads verdicts that {@link #write} wrote. */
  public static List<Verdict> read(DataInput in) throws IOException {
    int n = StateIo.length(in);
    List<Verdict> out = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      String definition = in.readUTF();
      String state = in.readUTF();
      double number = in.readDouble();
      try {
        out.add(new Verdict(Definition.valueOf(definition), number, Verdict.State.valueOf(state)));
      } catch (IllegalArgumentException e) {
        throw new IOException("corrupt checkpoint: a verdict " + definition + "/" + state);
      }
    }
    return List.copyOf(out);
  }
}
