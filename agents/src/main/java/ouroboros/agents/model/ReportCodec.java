package ouroboros.agents.model;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import ouroboros.agents.collapse.VerdictCodec;
import ouroboros.agents.domain.Evaluation;
import ouroboros.agents.pipeline.StageReport;
import ouroboros.agents.state.StateIo;

/**
 * Writes a {@link RetrainReport} to a checkpoint and reads it back, field by field in the record's
 * order (docs/checkpoints.md). Observers keep reports (the summary's latest report of each model,
 * the topology window's compositions), so their state is made of these.
 */
public final class ReportCodec {
  private ReportCodec() {}

  /** Writes a report. */
  public static void write(DataOutput out, RetrainReport r) throws IOException {
    out.writeInt(r.agent());
    out.writeUTF(r.id());
    out.writeInt(r.tick());
    out.writeInt(r.generation());
    out.writeBoolean(r.fitFailed());
    out.writeUTF(r.failure());
    out.writeInt(r.fitFailures());
    out.writeInt(r.scraped());
    Composition c = r.composition();
    StateIo.ints(out, c.sources());
    StateIo.ints(out, c.counts());
    out.writeInt(c.human());
    out.writeInt(c.total());
    out.writeDouble(r.outputDepth());
    StateIo.measures(out, r.evaluation().values());
    VerdictCodec.write(out, r.verdicts());
    StateIo.doubles(out, r.communityShares());
    out.writeInt(r.stages().size());
    for (StageReport s : r.stages()) {
      out.writeInt(s.position());
      out.writeUTF(s.stage());
      out.writeInt(s.in());
      out.writeInt(s.kept());
      out.writeInt(s.dropped());
      out.writeInt(s.added());
      out.writeInt(s.falsePositives());
      out.writeInt(s.falseNegatives());
      out.writeInt(s.humanIn());
    }
  }

  /** Reads a report that {@link #write} wrote. */
  public static RetrainReport read(DataInput in) throws IOException {
    int agent = in.readInt();
    String id = in.readUTF();
    int tick = in.readInt();
    int generation = in.readInt();
    boolean fitFailed = in.readBoolean();
    String failure = in.readUTF();
    int fitFailures = in.readInt();
    int scraped = in.readInt();
    int[] sources = StateIo.ints(in);
    int[] counts = StateIo.ints(in);
    int human = in.readInt();
    int total = in.readInt();
    double outputDepth = in.readDouble();
    Evaluation evaluation = new Evaluation(StateIo.measures(in));
    var verdicts = VerdictCodec.read(in);
    double[] shares = StateIo.doubles(in);
    int n = StateIo.length(in);
    List<StageReport> stages = new ArrayList<>(Math.max(n, 0));
    try {
      for (int k = 0; k < n; k++) {
        stages.add(
            new StageReport(
                in.readInt(),
                in.readUTF(),
                in.readInt(),
                in.readInt(),
                in.readInt(),
                in.readInt(),
                in.readInt(),
                in.readInt(),
                in.readInt()));
      }
      if (sources == null || counts == null || shares == null) {
        throw new IOException("corrupt checkpoint: report of " + id + " lacks an array");
      }
      return new RetrainReport(
          agent,
          id,
          tick,
          generation,
          fitFailed,
          failure,
          fitFailures,
          scraped,
          new Composition(sources, counts, human, total),
          outputDepth,
          evaluation,
          verdicts,
          shares,
          stages);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IOException("corrupt checkpoint: report of " + id + ": " + e.getMessage());
    }
  }
}
