package ouroboros.sim.checkpoint;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32C;
import ouroboros.sim.output.AtomicFiles;

/**
 * Writes and reads checkpoint files (docs/checkpoints.md). The layout, big-endian, as {@link
 * DataOutputStream} writes it:
 *
 * <pre>
 *   magic        8 bytes  "OUROCKPT"
 *   format       int      {@value #FORMAT}
 *   build        UTF      version and commit of the writing build
 *   scenario     32 bytes SHA-256 of the run's scenario.yaml
 *   tick         int      the last tick completed
 *   sections     int      count, then per section: name (UTF), length (int), bytes
 *   checksum     int      CRC-32C of every byte before it
 * </pre>
 *
 * <p>A file is written to a temporary file beside its target, forced to the disk, renamed over the
 * target, and then the directory is forced, so that a kill or a power cut leaves either the old
 * checkpoint or the new one, whole. Reading checks, in order: the magic, the format, the checksum,
 * then the build; a file that fails any of them is refused with a {@link CheckpointException} that
 * names the file and what was wrong. No Java serialization is involved: every section is written
 * field by field by its owner.
 */
public final class CheckpointFile {
  /** The file's first eight bytes. */
  static final byte[] MAGIC = "OUROCKPT".getBytes(StandardCharsets.US_ASCII);

  /** The version of this layout; a file of another is refused. */
  public static final int FORMAT = 2;

  /**
   * Test-only: milliseconds to pause half-way through writing the temporary file, so that a test
   * can kill the JVM during a checkpoint write. Unset in any real run.
   */
  static final String PAUSE_PROPERTY = "ouroboros.test.checkpoint-pause-ms";

  private CheckpointFile() {}

  /** The bytes of a checkpoint, checksum included. */
  static byte[] encode(Checkpoint c) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.write(MAGIC);
    out.writeInt(FORMAT);
    out.writeUTF(c.build());
    if (c.scenarioDigest().length != 32) {
      throw new IllegalArgumentException("scenario digest is not 32 bytes");
    }
    out.write(c.scenarioDigest());
    out.writeInt(c.tick());
    out.writeInt(c.sections().size());
    for (Map.Entry<String, byte[]> e : c.sections().entrySet()) {
      out.writeUTF(e.getKey());
      out.writeInt(e.getValue().length);
      out.write(e.getValue());
    }
    out.flush();
    CRC32C crc = new CRC32C();
    crc.update(bytes.toByteArray());
    out.writeInt((int) crc.getValue());
    out.flush();
    return bytes.toByteArray();
  }

  /**
   * Writes a checkpoint to {@code target} atomically and durably: temporary file, force, rename,
   * force of the directory. Returns the number of bytes written.
   */
  public static long write(Path target, Checkpoint c) throws IOException {
    byte[] bytes = encode(c);
    Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
    try (FileChannel ch =
        FileChannel.open(
            tmp,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      int half = bytes.length / 2;
      writeAll(ch, ByteBuffer.wrap(bytes, 0, half));
      pauseForTests();
      writeAll(ch, ByteBuffer.wrap(bytes, half, bytes.length - half));
      ch.force(true);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    AtomicFiles.forceDirectory(target.toAbsolutePath().getParent());
    return bytes.length;
  }

  /** Reads and checks a checkpoint written by this build. */
  public static Checkpoint read(Path file) throws CheckpointException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new CheckpointException(
          file
              + ": no checkpoint there (the run was started without --checkpoint-every, or"
              + " stopped before its first checkpoint): run it again");
    } catch (IOException e) {
      throw new CheckpointException(file + ": cannot read the checkpoint: " + e.getMessage());
    }
    return decode(file.toString(), bytes, ouroboros.sim.output.BuildInfo.current().line());
  }

  /** Checks and parses the bytes of a checkpoint; {@code build} is the build that may read it. */
  static Checkpoint decode(String name, byte[] bytes, String build) throws CheckpointException {
    if (bytes.length < MAGIC.length + 4
        || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
      throw new CheckpointException(
          name + ": not an Ouroboros checkpoint (its first bytes differ)");
    }
    int format = ByteBuffer.wrap(bytes, MAGIC.length, 4).getInt();
    if (format != FORMAT) {
      throw new CheckpointException(
          name
              + ": checkpoint format "
              + format
              + ", but this build reads format "
              + FORMAT
              + "; resume it with the version that wrote it");
    }
    if (bytes.length < MAGIC.length + 8) {
      throw new CheckpointException(name + ": the checkpoint is truncated");
    }
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, bytes.length - 4);
    int stored = ByteBuffer.wrap(bytes, bytes.length - 4, 4).getInt();
    if ((int) crc.getValue() != stored) {
      throw new CheckpointException(
          name + ": the checkpoint is corrupt or truncated (its checksum does not match)");
    }
    try (DataInputStream in =
        new DataInputStream(new java.io.ByteArrayInputStream(bytes, 0, bytes.length - 4))) {
      in.skipNBytes(MAGIC.length + 4);
      String writtenBy = in.readUTF();
      if (!writtenBy.equals(build)) {
        throw new CheckpointException(
            name
                + ": the checkpoint was written by "
                + writtenBy
                + ", this is "
                + build
                + "; resume it with the version that wrote it");
      }
      byte[] digest = in.readNBytes(32);
      int tick = in.readInt();
      int count = in.readInt();
      if (count < 0 || count > 1_000_000) {
        throw new CheckpointException(
            name + ": the checkpoint is corrupt (" + count + " sections)");
      }
      Map<String, byte[]> sections = new LinkedHashMap<>();
      for (int k = 0; k < count; k++) {
        String section = in.readUTF();
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
          throw new CheckpointException(
              name + ": the checkpoint is corrupt (section " + section + " runs past the end)");
        }
        sections.put(section, in.readNBytes(length));
      }
      if (in.available() != 0 || digest.length != 32 || tick < 0) {
        throw new CheckpointException(name + ": the checkpoint is corrupt (trailing bytes)");
      }
      return new Checkpoint(writtenBy, digest, tick, sections);
    } catch (EOFException | UTFDataFormatException e) {
      throw new CheckpointException(name + ": the checkpoint is corrupt or truncated");
    } catch (IOException e) {
      throw new CheckpointException(name + ": cannot read the checkpoint: " + e.getMessage());
    }
  }

  /** Writes a whole buffer. */
  private static void writeAll(FileChannel ch, ByteBuffer buf) throws IOException {
    while (buf.hasRemaining()) {
      ch.write(buf);
    }
  }

  /** Test-only: pauses half-way through a write when {@link #PAUSE_PROPERTY} is set. */
  private static void pauseForTests() {
    String ms = System.getProperty(PAUSE_PROPERTY);
    if (ms == null) {
      return;
    }
    try {
      Thread.sleep(Long.parseLong(ms));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (NumberFormatException e) {
      // A malformed test property: no pause.
    }
  }
}
