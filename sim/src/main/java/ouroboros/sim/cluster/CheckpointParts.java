package ouroboros.sim.cluster;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import ouroboros.sim.engine.Resumption;

/**
 * A checkpoint ({@link Resumption}: the tick, the web, every agent's state) cut into parts that
 * each fit one Artery message, for the nodes of a run that goes on after a node loss; and put back
 * together on a node. A checkpoint is larger than one message from a few hundred models on (the web
 * within retention), so it travels as {@link NodeHost.CheckpointPart}s ahead of the {@link
 * NodeHost.Prepare} that uses it, in order (Artery keeps the order of one sender's messages to one
 * recipient).
 */
final class CheckpointParts {
  /**
   * Bytes per part: 4 MiB, a quarter of the maximum frame ({@link ClusterNode#MAX_FRAME}); the
   * system property {@value #PART_PROPERTY} sets another (tests use small parts).
   */
  static final int DEFAULT_PART = 4 << 20;

  /** The system property that sets the bytes per part. */
  static final String PART_PROPERTY = "ouroboros.cluster.checkpoint-part-bytes";

  private CheckpointParts() {}

  /** The bytes per part: {@value #PART_PROPERTY}, or {@link #DEFAULT_PART}. */
  static int partBytes() {
    String p = System.getProperty(PART_PROPERTY);
    int n = p == null ? DEFAULT_PART : Integer.parseInt(p.trim());
    if (n < 1 || n > ClusterNode.MAX_FRAME / 2) {
      throw new IllegalArgumentException(
          PART_PROPERTY + ": found " + n + ", expected 1 to " + ClusterNode.MAX_FRAME / 2);
    }
    return n;
  }

  /** {@code from} as parts of at most {@code partBytes} bytes, at least one. */
  static List<byte[]> split(Resumption from, int partBytes) {
    byte[] all = encode(from);
    List<byte[]> parts = new ArrayList<>();
    for (int at = 0; at < all.length; at += partBytes) {
      parts.add(Arrays.copyOfRange(all, at, Math.min(all.length, at + partBytes)));
    }
    return parts;
  }

  /** The checkpoint that {@code parts}, in order, hold. */
  static Resumption join(List<byte[]> parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] all = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, all, at, p.length);
      at += p.length;
    }
    return decode(all);
  }

  private static byte[] encode(Resumption r) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(b)) {
      out.writeInt(r.tick());
      out.writeInt(r.web().length);
      out.write(r.web());
      Resumption.writeAgents(out, r.agents());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return b.toByteArray();
  }

  private static Resumption decode(byte[] all) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(all))) {
      int tick = in.readInt();
      byte[] web = new byte[in.readInt()];
      in.readFully(web);
      List<byte[]> states = Resumption.readAgents(in);
      if (in.available() != 0) {
        throw new IllegalStateException("the checkpoint's parts hold more than one checkpoint");
      }
      return new Resumption(tick, web, states);
    } catch (IOException e) {
      throw new IllegalStateException("the checkpoint's parts are incomplete: " + e, e);
    }
  }
}
