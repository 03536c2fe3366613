package ouroboros.sim.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ouroboros.sim.cli.Main;

/**
 * {@code ouroboros resume} refuses what it cannot use, with one line and exit code 2, never a stack
 * trace: a corrupt checkpoint, a truncated one, one of another scenario, a directory without one, a
 * directory without a scenario.yaml, and a run that is complete.
 */
class ResumeRefusalTest {
  @TempDir Path tmp;

  private String err;

  private int cli(String... args) {
    StringWriter e = new StringWriter();
    int code = Main.run(args, new PrintWriter(new StringWriter()), new PrintWriter(e));
    err = e.toString();
    return code;
  }

  /** A complete run with a checkpoint after tick 4, marked incomplete as a killed run is. */
  private Path stoppedRun() throws Exception {
    Path scenario = tmp.resolve("s.yaml");
    Files.writeString(
        scenario,
        """
        name: refusal
        seed: 1
        ticks: 8
        domain: {type: gaussian}
        humans: [{id: people, publish-rate: 20}]
        models: [{id: m, regime: replace, scrape: 20, publish-rate: 20}]
        """);
    Path out = tmp.resolve("run");
    assertEquals(
        0,
        cli(
            "run",
            scenario.toString(),
            "--out",
            out.toString(),
            "--checkpoint-every",
            "5",
            "--keep-checkpoint",
            "--quiet",
            "--no-report",
            "--threads",
            "1"),
        () -> err);
    Path summary = out.resolve("summary.json");
    Files.writeString(
        summary, Files.readString(summary).replace("\"complete\" : true", "\"complete\" : false"));
    return out;
  }

  private void assertRefused(Path dir, String expected) {
    assertEquals(2, cli("resume", dir.toString(), "--quiet", "--no-report"), err);
    assertTrue(err.startsWith("error: ") && err.contains(expected), err);
    assertFalse(err.contains("\tat "), "no stack trace: " + err);
  }

  @Test
  void resume_corruptCheckpoint_refused() throws Exception {
    Path run = stoppedRun();
    Path f = run.resolve(RunCheckpoints.FILE);
    byte[] b = Files.readAllBytes(f);
    b[b.length / 2] ^= 0x40;
    Files.write(f, b);
    assertRefused(run, "corrupt");
  }

  @Test
  void resume_truncatedCheckpoint_refused() throws Exception {
    Path run = stoppedRun();
    Path f = run.resolve(RunCheckpoints.FILE);
    byte[] b = Files.readAllBytes(f);
    Files.write(f, Arrays.copyOf(b, b.length - 100));
    assertRefused(run, "truncated");
  }

  @Test
  void resume_otherScenario_refused() throws Exception {
    Path run = stoppedRun();
    Path s = run.resolve("scenario.yaml");
    Files.writeString(s, Files.readString(s).replace("publish-rate: 20", "publish-rate: 21"));
    assertRefused(run, "another scenario");
  }

  @Test
  void resume_noCheckpoint_andCompleteRun_refused() throws Exception {
    Path run = stoppedRun();
    Files.delete(run.resolve(RunCheckpoints.FILE));
    // QA, stop 34: a run stopped before its first checkpoint; the message now says what to do.
    assertRefused(
        run,
        "no checkpoint there (the run was started without --checkpoint-every, or stopped before"
            + " its first checkpoint): run it again");
    Path summary = run.resolve("summary.json");
    Files.writeString(
        summary, Files.readString(summary).replace("\"complete\" : false", "\"complete\" : true"));
    assertRefused(run, "the run is already finished (its summary.json says complete)");
  }

  @Test
  void resume_directoryWithOnlyALockFile_refusedAsNoRunDirectory() throws Exception {
    // QA: a run killed during start-up leaves only its lock; resume read as if DIR were wrong.
    Path dir = Files.createDirectories(tmp.resolve("started"));
    Files.writeString(
        dir.resolve(ouroboros.sim.output.RunLock.NAME),
        "pid 999999 on elsewhere, started 2026-01-01T00:00:00Z\n");
    assertRefused(
        dir,
        dir
            + ": found no scenario.yaml in the directory, expected a run directory: either it is"
            + " not one, or its run was stopped before it started; there is nothing to resume");
    assertTrue(err.lines().count() == 1, err);
  }

  @Test
  void resume_agentStateNotFittingWithValidChecksum_refusedNamingTheAgent() throws Exception {
    Path run = stoppedRun();
    Path f = run.resolve(RunCheckpoints.FILE);
    Checkpoint c = CheckpointFile.read(f);
    // The agents section: a count, then per agent a length and its state. Four bytes more at the
    // end of the last agent's (the model m's) state; the file is rewritten with a valid CRC.
    java.io.DataInputStream in =
        new java.io.DataInputStream(
            new java.io.ByteArrayInputStream(c.section(RunCheckpoints.AGENTS)));
    java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
    java.io.DataOutputStream out = new java.io.DataOutputStream(b);
    int n = in.readInt();
    out.writeInt(n);
    for (int i = 0; i < n; i++) {
      byte[] state = new byte[in.readInt()];
      in.readFully(state);
      out.writeInt(state.length + (i == n - 1 ? 4 : 0));
      out.write(state);
      if (i == n - 1) {
        out.writeInt(42);
      }
    }
    java.util.Map<String, byte[]> sections = new java.util.LinkedHashMap<>(c.sections());
    sections.put(RunCheckpoints.AGENTS, b.toByteArray());
    CheckpointFile.write(f, new Checkpoint(c.build(), c.scenarioDigest(), c.tick(), sections));
    CheckpointFile.read(f); // the checksum holds
    assertRefused(run, f + ": the checkpoint's state of agent m (after tick 4) does not fit");
    assertTrue(err.lines().count() == 1, err);
  }

  /** Rewrites the checkpoint with {@code section}'s first bytes replaced, and a valid CRC. */
  private static void edit(Path f, String section, byte[] first) throws Exception {
    Checkpoint c = CheckpointFile.read(f);
    byte[] bytes = c.section(section).clone();
    System.arraycopy(first, 0, bytes, 0, first.length);
    java.util.Map<String, byte[]> sections = new java.util.LinkedHashMap<>(c.sections());
    sections.put(section, bytes);
    CheckpointFile.write(f, new Checkpoint(c.build(), c.scenarioDigest(), c.tick(), sections));
  }

  @Test
  void resume_editedIntervalOrLengthWithValidChecksum_refusedNotAnInternalFailure()
      throws Exception {
    // QA, stop 32: an interval of -1 and a metrics.csv length of -5 were internal failures.
    Path run = stoppedRun();
    Path f = run.resolve(RunCheckpoints.FILE);
    byte[] original = Files.readAllBytes(f);
    edit(f, RunCheckpoints.RUN, java.nio.ByteBuffer.allocate(4).putInt(-1).array());
    assertRefused(run, f + ": the checkpoint is corrupt (section run: an interval of -1 ticks)");
    Files.write(f, original);
    edit(f, RunCheckpoints.WRITER, java.nio.ByteBuffer.allocate(8).putLong(-5).array());
    assertEquals(1, cli("resume", run.toString(), "--quiet", "--no-report"), err);
    assertTrue(
        err.contains(f + ": the checkpoint is corrupt (section writer: a metrics.csv of -5 bytes)"),
        err);
    assertFalse(err.contains("internal failure"), err);
  }

  @Test
  void run_completed_checkpointDeletedUnlessKeepCheckpoint() throws Exception {
    Path kept = stoppedRun();
    assertTrue(Files.exists(kept.resolve(RunCheckpoints.FILE)), "--keep-checkpoint keeps it");
    Path out = tmp.resolve("clean");
    assertEquals(
        0,
        cli(
            "run",
            tmp.resolve("s.yaml").toString(),
            "--out",
            out.toString(),
            "--checkpoint-every",
            "5",
            "--quiet",
            "--no-report"),
        () -> err);
    try (java.util.stream.Stream<Path> files = Files.list(out)) {
      assertEquals(
          java.util.List.of(),
          files
              .map(p -> p.getFileName().toString())
              .filter(name -> name.startsWith(".") || name.contains("checkpoint"))
              .toList(),
          "a finished run directory holds no checkpoint, temporary file or lock");
    }
    assertRefused(out, "the run is already finished");
  }
}
