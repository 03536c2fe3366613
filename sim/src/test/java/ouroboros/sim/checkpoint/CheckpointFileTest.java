package ouroboros.sim.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ouroboros.sim.output.BuildInfo;

/**
 * The checkpoint file: what is written is read back; a file of another format or build, a corrupt
 * or a truncated one is refused with a message that names the file and the fault.
 */
class CheckpointFileTest {
  @TempDir Path dir;

  private static Checkpoint sample(String build) {
    Map<String, byte[]> sections = new LinkedHashMap<>();
    sections.put("web", new byte[] {1, 2, 3});
    sections.put("agents", new byte[1000]);
    sections.put("empty", new byte[0]);
    byte[] digest = new byte[32];
    Arrays.fill(digest, (byte) 7);
    return new Checkpoint(build, digest, 41, sections);
  }

  @Test
  void write_thenRead_givesTheSameCheckpoint() throws Exception {
    Path f = dir.resolve("checkpoint.bin");
    long size = CheckpointFile.write(f, sample(BuildInfo.current().line()));
    assertEquals(Files.size(f), size);
    Checkpoint c = CheckpointFile.read(f);
    assertEquals(41, c.tick());
    assertEquals(java.util.List.of("web", "agents", "empty"), c.names());
    assertArrayEquals(new byte[] {1, 2, 3}, c.section("web"));
    assertEquals(0, c.section("empty").length);
    assertFalse(Files.exists(dir.resolve(".checkpoint.bin.tmp")), "no temporary file left");
    assertThrows(CheckpointException.class, () -> c.section("observers"));
  }

  @Test
  void otherBuild_isRefusedNamingBoth() throws Exception {
    Path f = dir.resolve("checkpoint.bin");
    CheckpointFile.write(f, sample("ouroboros 0.0.1 (commit abc)"));
    CheckpointException e = assertThrows(CheckpointException.class, () -> CheckpointFile.read(f));
    assertTrue(e.getMessage().contains("ouroboros 0.0.1 (commit abc)"), e.getMessage());
    assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
  }

  @Test
  void otherFormat_isRefused() throws Exception {
    byte[] b = CheckpointFile.encode(sample("x"));
    b[11] = 99; // the format's last byte
    CheckpointException e =
        assertThrows(CheckpointException.class, () -> CheckpointFile.decode("f", b, "x"));
    assertTrue(e.getMessage().contains("format 99"), e.getMessage());
  }

  @Test
  void flippedByte_isRefusedAsCorrupt() throws Exception {
    byte[] b = CheckpointFile.encode(sample("x"));
    for (int at : new int[] {20, b.length / 2, b.length - 5}) {
      byte[] bad = b.clone();
      bad[at] ^= 1;
      CheckpointException e =
          assertThrows(CheckpointException.class, () -> CheckpointFile.decode("f", bad, "x"));
      assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
    }
  }

  @Test
  void everyTruncation_isRefused() throws Exception {
    byte[] b = CheckpointFile.encode(sample("x"));
    for (int n = 0; n < b.length; n += 7) {
      byte[] cut = Arrays.copyOf(b, n);
      assertThrows(CheckpointException.class, () -> CheckpointFile.decode("f", cut, "x"), "" + n);
    }
  }

  @Test
  void notACheckpoint_andMissing_areRefused() throws IOException {
    Path f = dir.resolve("scenario.yaml");
    Files.writeString(f, "name: x\n");
    CheckpointException e = assertThrows(CheckpointException.class, () -> CheckpointFile.read(f));
    assertTrue(e.getMessage().contains("not an Ouroboros checkpoint"), e.getMessage());
    CheckpointException missing =
        assertThrows(CheckpointException.class, () -> CheckpointFile.read(dir.resolve("none.bin")));
    assertTrue(missing.getMessage().contains("no checkpoint"), missing.getMessage());
  }
}
