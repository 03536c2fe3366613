package ouroboros.sim.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault injection for a full disk (issue 14): the temporary file of an atomic write is made a link
 * to {@code /dev/full}, where every write fails with ENOSPC, as on a full disk.
 */
class FullDiskFaultTest {
  @TempDir Path tmp;

  @Test
  void fullDisk_atomicWrite_tmpRemovedAndTargetKept() throws IOException {
    assumeTrue(Files.isWritable(Path.of("/dev/full")), "needs /dev/full (Linux)");
    Path target = tmp.resolve("summary.json");
    Files.writeString(target, "{\"old\": true}\n");
    Files.createSymbolicLink(AtomicFiles.tmp(target), Path.of("/dev/full"));
    IOException e =
        assertThrows(
            IOException.class,
            () -> AtomicFiles.write(target, "{\"new\": true}\n".getBytes(StandardCharsets.UTF_8)));
    assertEquals("the disk is full (No space left on device)", WriteFailure.describe(e));
    assertFalse(
        Files.exists(AtomicFiles.tmp(target), LinkOption.NOFOLLOW_LINKS),
        "the temporary file is removed");
    assertEquals("{\"old\": true}\n", Files.readString(target), "the target keeps its old text");
  }

  @Test
  void fullDisk_streamedAtomicWrite_tmpRemovedAndTargetKept() throws IOException {
    assumeTrue(Files.isWritable(Path.of("/dev/full")), "needs /dev/full (Linux)");
    Path target = tmp.resolve("w0-9.dot");
    Files.createSymbolicLink(AtomicFiles.tmp(target), Path.of("/dev/full"));
    IOException e =
        assertThrows(
            IOException.class, () -> AtomicFiles.write(target, w -> w.write("x".repeat(1 << 16))));
    assertEquals("the disk is full (No space left on device)", WriteFailure.describe(e));
    assertFalse(Files.exists(AtomicFiles.tmp(target), LinkOption.NOFOLLOW_LINKS));
    assertFalse(Files.exists(target));
  }
}
