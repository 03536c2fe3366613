package ouroboros.sim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ouroboros.sim.output.RunDirectory;
import ouroboros.sim.testing.ChildJvm;

/**
 * A sweep killed with SIGKILL part-way, then resumed with {@code --resume}, gives the same tables
 * as a sweep never interrupted; the runs that had completed are kept, not run again, and the run
 * that was in flight is redone from scratch. The sweep runs in a second JVM, as KilledRunTest runs
 * a scenario, and is killed once two runs are complete and a third is under way.
 */
class SweepResumeTest {
  /** Six runs of a few hundred ticks each, one at a time: long enough to be caught mid-sweep. */
  private static final String SWEEP =
      """
      base: base.yaml
      name: killed
      replicates: 2
      engine-threads: 1
      grid:
        models[*].fresh-human-fraction: [0.0, 0.2, 0.5]
      """;

  @TempDir Path tmp;

  @Test
  @Tag("slow")
  void sweep_killedThenResumed_sameTablesAsUninterrupted() throws Exception {
    Sweeps.write(tmp, "base.yaml", Sweeps.BASE.replace("ticks: 40", "ticks: 300"));
    Path sweep = Sweeps.write(tmp, "sweep.yaml", SWEEP);
    Path killed = tmp.resolve("killed");
    try (ChildJvm p =
        ChildJvm.start(
            tmp.resolve("log.txt"),
            List.of(),
            "sweep",
            sweep.toString(),
            "--out",
            killed.toString(),
            "--parallel",
            "1",
            "--quiet")) {
      p.await(
          () -> complete(killed).size() >= 2 && !partial(killed).isEmpty(),
          Duration.ofSeconds(120),
          Duration.ofMillis(10),
          "two runs complete and a third under way");
      p.kill();
    }

    List<Path> done = complete(killed);
    List<Path> inFlight = partial(killed);
    assertTrue(done.size() < 6, "the sweep was killed before its end");
    assertFalse(inFlight.isEmpty(), "a run was in flight");
    assertFalse(Files.exists(killed.resolve("sweep.csv")), "no tables before every run is done");
    Map<Path, FileTime> kept = new HashMap<>();
    for (Path d : done) {
      kept.put(d, Files.getLastModifiedTime(d.resolve("summary.json")));
    }

    Sweeps.Result resumed =
        Sweeps.run(
            "sweep", sweep.toString(), "--out", killed.toString(), "--resume", "--parallel", "2");
    assertEquals(0, resumed.code(), resumed.stderr());
    assertTrue(
        resumed
            .stdout()
            .contains(
                "resume: " + done.size() + " of 6 runs complete, " + (6 - done.size()) + " to run"),
        resumed.stdout());
    for (Map.Entry<Path, FileTime> e : kept.entrySet()) {
      assertEquals(
          e.getValue(),
          Files.getLastModifiedTime(e.getKey().resolve("summary.json")),
          e.getKey() + " was run again");
    }
    for (Path d : inFlight) {
      assertTrue(RunDirectory.isComplete(d), d + " was redone");
    }

    Path whole = tmp.resolve("whole");
    Sweeps.Result uninterrupted =
        Sweeps.run(
            "sweep", sweep.toString(), "--out", whole.toString(), "--parallel", "2", "--quiet");
    assertEquals(0, uninterrupted.code(), uninterrupted.stderr());
    for (String table : List.of("sweep.csv", "summary.csv", "cells.csv")) {
      assertEquals(
          Files.readString(whole.resolve(table)), Files.readString(killed.resolve(table)), table);
    }
  }

  @Test
  void resume_otherSweepFile_refused() throws Exception {
    Sweeps.write(tmp, "base.yaml", Sweeps.BASE);
    Path sweep = Sweeps.write(tmp, "sweep.yaml", "base: base.yaml\ngrid:\n  seed: [1]\n");
    Path out = tmp.resolve("out");
    assertEquals(
        0, Sweeps.run("sweep", sweep.toString(), "--out", out.toString(), "--quiet").code());
    Sweeps.Result again = Sweeps.run("sweep", sweep.toString(), "--out", out.toString(), "--quiet");
    assertEquals(2, again.code());
    assertEquals(
        "error: --out: found the directory "
            + out
            + ", which is not empty, expected a"
            + " new directory, or --resume to continue the sweep in it\n",
        again.stderr());
    Path other = Sweeps.write(tmp, "other.yaml", "base: base.yaml\ngrid:\n  seed: [2]\n");
    Sweeps.Result wrong =
        Sweeps.run("sweep", other.toString(), "--out", out.toString(), "--resume", "--quiet");
    assertEquals(2, wrong.code());
    assertEquals(
        "error: --out: found "
            + out.resolve("sweep.yaml")
            + ", which differs from "
            + other
            + ", expected the sweep file the directory was started with\n",
        wrong.stderr());
  }

  /** The run directories whose summary.json says complete. */
  private static List<Path> complete(Path sweepDir) throws IOException {
    return runs(sweepDir).stream().filter(RunDirectory::isComplete).toList();
  }

  /** The run directories that exist but are not complete. */
  private static List<Path> partial(Path sweepDir) throws IOException {
    return runs(sweepDir).stream().filter(d -> !RunDirectory.isComplete(d)).toList();
  }

  /** The run directories so far. */
  private static List<Path> runs(Path sweepDir) throws IOException {
    Path runs = sweepDir.resolve("runs");
    if (!Files.isDirectory(runs)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(runs)) {
      return new ArrayList<>(list.sorted().toList());
    }
  }
}
