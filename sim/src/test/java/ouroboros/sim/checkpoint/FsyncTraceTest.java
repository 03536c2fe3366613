package ouroboros.sim.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ouroboros.sim.cli.Main;
import ouroboros.sim.testing.ChildJvm;

/**
 * A power cut must not leave a renamed but empty file (issue 14): a run with checkpoints, traced by
 * strace, fsyncs every file it writes before renaming it into place (summary.json, checkpoint.bin,
 * the graph files, timing.json), and fsyncs the directory after the rename of each checkpoint.
 * strace comes from .ci/install-servers.sh.
 */
@Tag("slow")
class FsyncTraceTest {
  @TempDir Path tmp;

  /** {@code fsync(12</path>) = 0}, with strace's -y, after the pid strace -f prints. */
  private static final Pattern FSYNC =
      Pattern.compile("^\\d+\\s+f(?:data)?sync\\(\\d+<([^>]*)>\\)\\s+=\\s+0");

  /**
   * A call strace had to leave when another thread's call came ({@code 123 fsync(12</p> <unfinished
   * ...>}): its pid and the line up to the mark.
   */
  private static final Pattern UNFINISHED =
      Pattern.compile("^(\\d+)\\s+(.*?)\\s*<unfinished \\.\\.\\.>$");

  /** The end of such a call ({@code 123 <... fsync resumed>) = 0}): its pid and the rest. */
  private static final Pattern RESUMED =
      Pattern.compile("^(\\d+)\\s+<\\.\\.\\. \\w+ resumed>(.*)$");

  /** {@code rename("a", "b") = 0}. */
  private static final Pattern RENAME =
      Pattern.compile("^\\d+\\s+rename(?:at2?)?\\(.*?\"([^\"]+)\".*?\"([^\"]+)\".*\\)\\s+=\\s+0");

  @Test
  void run_withCheckpoints_fsyncsEveryFileBeforeItsRename_andTheDirectoryAfterACheckpoint()
      throws Exception {
    assumeTrue(
        new ProcessBuilder("strace", "-V").start().waitFor(30, TimeUnit.SECONDS),
        "strace is installed by .ci/install-servers.sh");
    Path scenario = tmp.resolve("s.yaml");
    Files.writeString(
        scenario,
        """
        name: traced
        seed: 3
        ticks: 12
        domain: {type: gaussian, dimensions: 1}
        humans:
          - {id: people, publish-rate: 40}
        models:
          - {id: a, regime: accumulate, scrape: 40, publish-rate: 40, retrain-every: 2}
        """);
    Path out = tmp.resolve("run");
    Path trace = tmp.resolve("trace.txt");
    List<String> cmd =
        new ArrayList<>(
            List.of(
                "strace",
                "-f",
                "--seccomp-bpf",
                "-qq",
                "-y",
                "-e",
                "trace=fsync,fdatasync,rename,renameat,renameat2",
                "-o",
                trace.toString(),
                ChildJvm.java(),
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "run",
                scenario.toString(),
                "--checkpoint-every",
                "4",
                "--keep-checkpoint",
                "--quiet",
                "--no-report",
                "--out",
                out.toString()));
    Process p =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("log.txt").toFile())
            .start();
    assertTrue(p.waitFor(180, TimeUnit.SECONDS), "the traced run did not end");
    String log = Files.readString(tmp.resolve("log.txt"));
    assumeTrue(
        !log.contains("Operation not permitted"), "this machine does not allow ptrace: " + log);
    assertEquals(0, p.exitValue(), log);

    Set<String> synced = new HashSet<>();
    List<String> renamed = new ArrayList<>();
    boolean directoryAfterCheckpoint = false;
    boolean checkpointRenamed = false;
    String dir = out.toRealPath().toString();
    // A call interrupted by another thread's is logged in two lines; it is joined into one line
    // where it ended, which is when it counts (the graph's JSON and DOT writers sync at once).
    Map<String, String> unfinished = new HashMap<>();
    for (String logged : Files.readAllLines(trace)) {
      Matcher u = UNFINISHED.matcher(logged);
      if (u.find()) {
        unfinished.put(u.group(1), u.group(1) + " " + u.group(2));
        continue;
      }
      String line = logged;
      Matcher resumed = RESUMED.matcher(logged);
      if (resumed.find()) {
        String start = unfinished.remove(resumed.group(1));
        assertTrue(start != null, "a resumed call without its start: " + logged);
        line = start + resumed.group(2);
      }
      Matcher f = FSYNC.matcher(line);
      if (f.find()) {
        synced.add(f.group(1));
        if (checkpointRenamed && f.group(1).equals(dir)) {
          directoryAfterCheckpoint = true;
        }
        continue;
      }
      Matcher r = RENAME.matcher(line);
      if (r.find()) {
        Path tmpFile = Path.of(r.group(1)).toAbsolutePath();
        String from = tmpFile.getParent().toRealPath().resolve(tmpFile.getFileName()).toString();
        assertTrue(
            synced.contains(from),
            "renamed without an fsync first: " + line + "\nfsynced: " + synced);
        renamed.add(Path.of(r.group(2)).getFileName().toString());
        if (r.group(2).endsWith("checkpoint.bin")) {
          checkpointRenamed = true;
        }
      }
    }
    for (String name : List.of("summary.json", "checkpoint.bin", "timing.json", "final.dot")) {
      assertTrue(renamed.contains(name), name + " was never renamed into place: " + renamed);
    }
    assertTrue(directoryAfterCheckpoint, "the run directory was not fsynced after a checkpoint");
  }
}
