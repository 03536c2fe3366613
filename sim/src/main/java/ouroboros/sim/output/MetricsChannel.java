package ouroboros.sim.output;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * metrics.csv as {@link RunWriter} appends to it: whole writes that a failure (a full disk) cuts
 * back, so that the file ends on a tick boundary (but after SIGKILL during a write, which Linux
 * stops between two pages); forcing to the disk; and cutting back to a checkpoint's offset on
 * resume.
 */
final class MetricsChannel implements AutoCloseable {
  private final Path path;
  private final FileChannel channel;

  private MetricsChannel(Path path, FileChannel channel) {
    this.path = path;
    this.channel = channel;
  }

  /** A new, empty metrics.csv (an old one is emptied). */
  static MetricsChannel create(Path path) throws IOException {
    return new MetricsChannel(
        path,
        FileChannel.open(
            path,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE));
  }

  /** An existing metrics.csv, for a resumed run; see {@link #resumeAt}. */
  static MetricsChannel existing(Path path) throws IOException {
    return new MetricsChannel(path, FileChannel.open(path, StandardOpenOption.WRITE));
  }

  /**
   * Appends text in one write call where the OS allows, looping until all is written. A write that
   * fails part-way (a full disk) is cut back, so that metrics.csv still ends on a tick boundary.
   */
  void append(String text) throws IOException {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    append(b, 0, b.length);
  }

  /**
   * Appends {@code length} bytes of {@code bytes} from {@code offset}, as {@link #append(String)}.
   */
  void append(byte[] bytes, int offset, int length) throws IOException {
    ByteBuffer buf = ByteBuffer.wrap(bytes, offset, length);
    long before = channel.position();
    try {
      while (buf.hasRemaining()) {
        channel.write(buf);
      }
    } catch (IOException e) {
      try {
        channel.truncate(before);
      } catch (IOException again) {
        e.addSuppressed(again);
      }
      throw e;
    }
  }

  /** Forces the file's content and metadata to the disk. */
  void force() throws IOException {
    channel.force(true);
  }

  /** The file's length in bytes. */
  long size() throws IOException {
    return channel.size();
  }

  /**
   * For a resumed run, before its first tick: cuts metrics.csv back to {@code offset} (the rows a
   * killed run wrote after its checkpoint go) and appends from there.
   */
  void resumeAt(long offset) throws IOException {
    if (channel.size() < offset) {
      throw new IOException(
          path
              + " is shorter ("
              + channel.size()
              + " bytes) than at the checkpoint ("
              + offset
              + " bytes): it was changed after the run stopped");
    }
    channel.truncate(offset);
    channel.position(offset);
  }

  @Override
  public void close() throws IOException {
    if (channel.isOpen()) {
      channel.close();
    }
  }
}
