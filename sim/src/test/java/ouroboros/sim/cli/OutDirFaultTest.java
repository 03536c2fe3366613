package ouroboros.sim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ouroboros.sim.output.RunLayout;
import ouroboros.sim.output.RunLock;

/**
 * Fault injection on {@code run --out} (issue 14, "a reused --out"): each case is named after what
 * it breaks. Every refusal comes before tick 0, with exit code 2 and one {@code error: --out:}
 * line, and leaves what was in the directory as it was.
 */
class OutDirFaultTest {
  private static final String SCENARIO =
      """
      name: outdir
      seed: 3
      ticks: 12
      domain: {type: gaussian, dimensions: 1}
      humans:
        - {id: people, publish-rate: 5}
      models:
        - {id: lab, regime: replace, scrape: 10, publish-rate: 10}
      """;

  @TempDir Path tmp;

  private record Result(int code, String out, String err) {}

  private Result run(Path out, String... extra) throws IOException {
    Path file = tmp.resolve("s.yaml");
    Files.writeString(file, SCENARIO);
    List<String> args =
        new ArrayList<>(
            List.of("run", file.toString(), "--quiet", "--no-report", "--threads", "1"));
    args.add("--out");
    args.add(out.toString());
    args.addAll(List.of(extra));
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code = Main.run(args.toArray(String[]::new), new PrintWriter(o), new PrintWriter(e));
    return new Result(code, o.toString(), e.toString());
  }

  @Test
  void reusedOut_refusedWithExit2_filesUntouched() throws IOException {
    Path dir = tmp.resolve("run");
    assertEquals(0, run(dir).code());
    byte[] before = Files.readAllBytes(dir.resolve(RunLayout.METRICS));
    Result again = run(dir, "--seed", "9");
    assertEquals(2, again.code(), again.err());
    assertTrue(again.err().startsWith("error: --out: the directory "), again.err());
    assertTrue(again.err().contains("not empty") && again.err().contains("--overwrite"));
    assertTrue(
        java.util.Arrays.equals(before, Files.readAllBytes(dir.resolve(RunLayout.METRICS))),
        "the refused run left the old metrics.csv as it was");
    assertFalse(Files.exists(dir.resolve(RunLock.NAME)), "no lock file is left behind");
  }

  @Test
  void reusedOut_withOverwrite_oldGraphFilesGone() throws IOException {
    Path dir = tmp.resolve("run");
    assertEquals(0, run(dir).code());
    assertTrue(Files.exists(dir.resolve("graph/w10-11.json")));
    Result shorter = run(dir, "--overwrite", "--set", "ticks=5");
    assertEquals(0, shorter.code(), shorter.err());
    assertFalse(Files.exists(dir.resolve("graph/w10-11.json")), "the old run's window is gone");
    assertTrue(Files.readString(dir.resolve(RunLayout.SUMMARY)).contains("\"ticks\" : 5"));
  }

  @Test
  void overwrite_directoryThatIsNoRunDir_refusedAndKept() throws IOException {
    Path dir = tmp.resolve("photos");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("holiday.jpg"), "not a run");
    Result r = run(dir, "--overwrite");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("does not look like a run or sweep directory"), r.err());
    assertTrue(Files.exists(dir.resolve("holiday.jpg")));
  }

  @Test
  void overwrite_workingDirectoryOrAbove_refused() throws IOException {
    Result r = run(Path.of("").toAbsolutePath(), "--overwrite");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("refuses to empty"), r.err());
  }

  @Test
  void overwrite_symlinkInside_targetOutsideSurvives() throws IOException {
    Path dir = tmp.resolve("run");
    assertEquals(0, run(dir).code());
    Path outside = Files.createDirectories(tmp.resolve("keep"));
    Files.writeString(outside.resolve("precious.txt"), "keep me");
    Files.createSymbolicLink(dir.resolve("link"), outside);
    assertEquals(0, run(dir, "--overwrite").code());
    assertFalse(Files.exists(dir.resolve("link"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
    assertEquals("keep me", Files.readString(outside.resolve("precious.txt")));
  }

  @Test
  void concurrentOut_secondWriterRefusedWhileLocked() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("busy"));
    try (RunLock held = RunLock.acquire(dir)) {
      Result r = run(dir, "--overwrite");
      assertEquals(2, r.code());
      assertTrue(r.err().contains("is in use by another run or sweep"), r.err());
      assertTrue(Files.exists(held.file()), "the holder's lock file stays");
    }
    assertEquals(0, run(dir).code(), "free again once the holder is done");
  }

  @Test
  void concurrentOut_secondSweepRefusedWhileLocked() throws IOException {
    Path base = tmp.resolve("base.yaml");
    Files.writeString(
        base,
        """
        name: s
        seed: 1
        ticks: 3
        domain: {type: gaussian}
        humans: [{id: people, publish-rate: 5}]
        models: [{id: m, regime: replace, scrape: 5, publish-rate: 5}]
        """);
    Path sweep = tmp.resolve("sweep.yaml");
    Files.writeString(sweep, "base: base.yaml\ngrid:\n  seed: [1, 2]\n");
    // A sweep that runs in "held" (its sweep.yaml is there, it holds the lock); a second one
    // started with --resume on the same directory is kept out.
    Path dir = Files.createDirectories(tmp.resolve("held"));
    Files.copy(sweep, dir.resolve("sweep.yaml"));
    try (RunLock held = RunLock.acquire(dir)) {
      StringWriter err = new StringWriter();
      int code =
          Main.run(
              new String[] {
                "sweep", sweep.toString(), "--out", dir.toString(), "--resume", "--quiet"
              },
              new PrintWriter(new StringWriter()),
              new PrintWriter(err));
      assertEquals(2, code, err.toString());
      assertTrue(err.toString().contains("is in use by another run or sweep"), err.toString());
      assertTrue(Files.exists(held.file()), "the holder's lock file stays");
    }
  }

  @Test
  void staleLock_fromDeadProcess_reportedAndTakenOver() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("stale"));
    Files.writeString(
        dir.resolve(RunLock.NAME), "pid 999999 on elsewhere, started 2026-01-01T00:00:00Z\n");
    Result r = run(dir);
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("had a stale lock (pid 999999 on elsewhere"), r.err());
    assertTrue(r.err().contains("taking it over"), r.err());
    assertFalse(Files.exists(dir.resolve(RunLock.NAME)));
  }

  @Test
  void staleLock_inAKilledRunsDirectory_reportedByOverwrite() throws IOException {
    // QA reported no warning for run --out D --overwrite over a killed run's directory.
    Path dir = tmp.resolve("killed");
    assertEquals(0, run(dir).code());
    Files.writeString(
        dir.resolve(RunLock.NAME), "pid 999999 on elsewhere, started 2026-01-01T00:00:00Z\n");
    Result r = run(dir, "--overwrite");
    assertEquals(0, r.code(), r.err());
    assertTrue(
        r.err().startsWith("warning: --out: " + dir + " had a stale lock (pid 999999 on elsewhere"),
        r.err());
    assertFalse(Files.exists(dir.resolve(RunLock.NAME)));
  }

  @Test
  void staleLock_inAKilledRunsDirectory_reportedThenRefused() throws IOException {
    // QA: after kill -9, run --out D (no --overwrite) removed the stale lock with only the
    // "not empty" error; the warning now comes first, and says the lock was removed.
    Path dir = tmp.resolve("killed-new");
    assertEquals(0, run(dir).code());
    Files.writeString(
        dir.resolve(RunLock.NAME), "pid 999999 on elsewhere, started 2026-01-01T00:00:00Z\n");
    Result r = run(dir);
    assertEquals(2, r.code(), r.err());
    List<String> lines = r.err().lines().toList();
    assertEquals(2, lines.size(), r.err());
    assertTrue(
        lines.get(0).startsWith("warning: --out: " + dir + " had a stale lock (pid 999999 on"),
        r.err());
    assertTrue(lines.get(0).endsWith("; removed it"), r.err());
    assertTrue(lines.get(1).startsWith("error: --out: the directory " + dir), r.err());
    assertTrue(lines.get(1).contains("not empty"), r.err());
    assertFalse(Files.exists(dir.resolve(RunLock.NAME)), "the warning says it was removed");
  }

  @Test
  void outIsAFile_refusedWithExit2() throws IOException {
    Path file = Files.writeString(tmp.resolve("a-file"), "x", StandardCharsets.UTF_8);
    Result r = run(file);
    assertEquals(2, r.code());
    assertEquals(
        "error: --out: found the file " + file + ", expected a directory", r.err().strip());
  }

  @Test
  void outUnwritable_refusedWithExit2() throws IOException {
    // /proc refuses new directories even to root.
    Result r = run(Path.of("/proc/ouroboros-test-run"));
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("error: --out: cannot write in the directory /proc/"), r.err());
    assertFalse(r.err().contains("Exception"), r.err());
  }

  @Test
  void outReadOnly_refusedWithExit2() throws IOException {
    assumeFalse("root".equals(System.getProperty("user.name")), "root writes read-only dirs");
    Path dir = Files.createDirectories(tmp.resolve("ro"));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      Result r = run(dir);
      assertEquals(2, r.code());
      assertTrue(r.err().contains("cannot write in the directory"), r.err());
      assertTrue(r.err().contains("permission denied"), r.err());
    } finally {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }
}
