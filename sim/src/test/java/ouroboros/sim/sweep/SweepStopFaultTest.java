package ouroboros.sim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ouroboros.sim.output.RunLock;
import ouroboros.sim.scenario.load.Yaml;
import ouroboros.sim.testing.ChildJvm;

/**
 * A sweep stopped by SIGTERM (issue 14, "stale lock"): its runs, each in a child JVM of its own,
 * are stopped too, every lock file (the sweep's and each run's) is deleted, and {@code --resume}
 * then continues the sweep with no word of a stale lock. Slow: two child JVMs per run start.
 */
@Tag("slow")
class SweepStopFaultTest {
  @TempDir Path tmp;

  /** Starts {@code ouroboros sweep SWEEP --out OUT --quiet} with {@code options} in a child JVM. */
  private ChildJvm startSweep(Path sweep, Path out, String... options) throws IOException {
    List<String> args = new java.util.ArrayList<>(List.of("sweep", sweep.toString()));
    args.addAll(List.of("--out", out.toString(), "--quiet"));
    args.addAll(List.of(options));
    return ChildJvm.start(
        tmp.resolve(out.getFileName() + ".txt"), List.of(), args.toArray(String[]::new));
  }

  @Test
  void sigterm_sweepWithRunsInChildJvms_noLockLeft_resumeWithoutStaleLock() throws Exception {
    Path base = Sweeps.write(tmp, "base.yaml", Sweeps.BASE.replace("ticks: 40", "ticks: 1000000"));
    Path sweep =
        Sweeps.write(
            tmp,
            "sweep.yaml",
            "base: base.yaml\nname: stopped\nengine-threads: 1\n"
                + "grid:\n  models[*].fresh-human-fraction: [0.0, 0.5]\n");
    Path out = tmp.resolve("out");
    try (ChildJvm p = startSweep(sweep, out, "--parallel", "2", "--run-heap", "128m")) {
      p.await(
          () -> ticksWritten(out) > 2,
          Duration.ofSeconds(120),
          Duration.ofMillis(50),
          "a run's ticks written");
      p.terminate(); // SIGTERM
      assertTrue(p.waitFor(Duration.ofSeconds(60)), "the sweep did not stop");
      assertEquals(143, p.process().exitValue(), p.log());
    }
    try (Stream<Path> files = Files.walk(out)) {
      assertEquals(
          List.of(),
          files.filter(f -> f.getFileName().toString().equals(RunLock.NAME)).toList(),
          "no lock file left");
    }
    Files.writeString(base, Sweeps.BASE);
    Sweeps.Result resumed =
        Sweeps.run("sweep", sweep.toString(), "--out", out.toString(), "--resume", "--quiet");
    assertEquals(0, resumed.code(), resumed.stderr());
    assertFalse(resumed.stderr().contains("stale lock"), resumed.stderr());
    assertFalse(Files.exists(out.resolve(RunLock.NAME)));
  }

  @Test
  void sigterm_whileTheTablesAreWritten_noTemporaryFileLeft() throws Exception {
    // QA, stop 32: a signal while sweep.csv was written left .sweep.csv.tmp and .summary.csv.tmp.
    Sweeps.write(tmp, "base.yaml", Sweeps.BASE.replace("ticks: 40", "ticks: 20"));
    Path sweep =
        Sweeps.write(
            tmp,
            "sweep.yaml",
            "base: base.yaml\nname: tables\nreplicates: 5\ngrid:\n"
                + "  models[*].fresh-human-fraction: [0.0, 0.1, 0.2, 0.3]\n"
                + "  models[*].regime: [replace, accumulate]\n");
    Path out = tmp.resolve("tables");
    Path tmpCsv = out.resolve(".sweep.csv.tmp");
    try (ChildJvm p = startSweep(sweep, out, "--parallel", "1")) {
      // The signal comes while sweep.csv is being written (polled every millisecond).
      long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
      while (!Files.exists(tmpCsv) && p.process().isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(1);
      }
      boolean caught = Files.exists(tmpCsv);
      p.terminate(); // SIGTERM
      assertTrue(p.waitFor(Duration.ofSeconds(60)), "the sweep did not stop");
      org.junit.jupiter.api.Assumptions.assumeTrue(caught, "the tables were written too fast");
    }
    try (Stream<Path> files = Files.list(out)) {
      assertEquals(
          List.of(),
          files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList(),
          "no temporary file left");
    }
  }

  /**
   * The most ticks any run of the sweep in {@code out} has recorded in its summary. Only the run
   * directories are listed, not walked: a walk stats every entry, and a run's writers rename their
   * temporary files away under it (NoSuchFileException for {@code graph/.w50-59.dot.tmp}).
   */
  private static int ticksWritten(Path out) throws IOException {
    Path runs = out.resolve("runs");
    if (!Files.isDirectory(runs)) {
      return 0;
    }
    int most = 0;
    try (Stream<Path> dirs = Files.list(runs)) {
      for (Path run : dirs.toList()) {
        try {
          most =
              Math.max(
                  most,
                  Yaml.json()
                      .readTree(run.resolve("summary.json").toFile())
                      .path("ticks-completed")
                      .asInt());
        } catch (IOException e) {
          // not written yet, or being replaced: read it next time
        }
      }
    }
    return most;
  }
}
