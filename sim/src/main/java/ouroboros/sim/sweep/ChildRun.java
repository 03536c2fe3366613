package ouroboros.sim.sweep;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import ouroboros.sim.engine.RunOutcome;
import ouroboros.sim.scenario.load.ScenarioLoader;

/**
 * One run of a sweep in its own JVM ({@code --run-heap SIZE}): {@code java <this JVM's JIT and GC
 * options> -Xmx<SIZE> -XX:+ExitOnOutOfMemoryError -cp <this class path>
 * ouroboros.sim.sweep.ChildMain ...} ({@link ChildMain}), on the run's resolved scenario (seed
 * included) written to a temporary file. The child writes the same run directory as a run in this
 * JVM, and reports on its standard output: {@value #TICK} per tick, then, when the run did not
 * complete, {@value #FAILED} followed by a tab, the ticks completed, a tab and the reason. The
 * child stops when its standard input closes, so that it never outlives the sweep. Its heap is the
 * run's hard bound: running out of it ends the child only, with exit code {@value #OUT_OF_MEMORY}
 * ({@code -XX:+ExitOnOutOfMemoryError}), and the run is recorded as out of memory.
 */
final class ChildRun {
  /** The line a child prints per tick. */
  static final String TICK = "t";

  /** The start of the line a child prints when its run did not complete. */
  static final String FAILED = "failed";

  /** The JVM's exit code under -XX:+ExitOnOutOfMemoryError. */
  static final int OUT_OF_MEMORY = 3;

  /** Lines of the child's standard error kept for the reason. */
  private static final int KEPT_LINES = 20;

  private ChildRun() {}

  /** Runs {@code job} in a JVM of maximum heap {@code heap} and returns how it ended. */
  static RunOutcome run(
      SweepRunner.Job job, String heap, int engineThreads, SweepRunner.Ticks ticks) {
    Path scenario = null;
    try {
      scenario = Files.createTempFile("ouroboros-run-", ".yaml");
      Files.writeString(
          scenario,
          new ScenarioLoader().write(job.scenario().withSeed(job.seed())),
          StandardCharsets.UTF_8);
      return start(command(scenario, job, heap, engineThreads), heap, ticks);
    } catch (IOException e) {
      return new RunOutcome(ticks.count(), "the run's JVM could not start: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new RunOutcome(ticks.count(), "interrupted");
    } finally {
      if (scenario != null) {
        try {
          Files.deleteIfExists(scenario);
        } catch (IOException e) {
          // A temporary file; the system cleans its temporary directory.
        }
      }
    }
  }

  private static List<String> command(
      Path scenario, SweepRunner.Job job, String heap, int engineThreads) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(tuningOptions(ManagementFactory.getRuntimeMXBean().getInputArguments()));
    command.addAll(
        List.of(
            "-Xmx" + heap,
            "-XX:+ExitOnOutOfMemoryError",
            "-cp",
            System.getProperty("java.class.path"),
            ChildMain.class.getName(),
            scenario.toString(),
            job.dir().toString(),
            Integer.toString(engineThreads)));
    return command;
  }

  /**
   * Of this JVM's options, those that set the JIT's tiers ({@code -XX:Tier...}, {@code
   * -XX:TieredStopAtLevel}, {@code -XX:[+-]TieredCompilation}) and the collector ({@code
   * -XX:+Use...GC}), in their order: a child run is a run of its own, so it takes the thresholds
   * and the collector the launcher chose (sim/jvm.sh) or a user did in OUROBOROS_JAVA_OPTS.
   */
  static List<String> tuningOptions(List<String> jvmOptions) {
    return jvmOptions.stream()
        .filter(
            o ->
                o.startsWith("-XX:Tier")
                    || o.equals("-XX:+TieredCompilation")
                    || o.equals("-XX:-TieredCompilation")
                    || o.matches("-XX:\\+Use[A-Za-z0-9]*GC"))
        .toList();
  }

  private static RunOutcome start(List<String> command, String heap, SweepRunner.Ticks ticks)
      throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).start();
    Deque<String> err = new ArrayDeque<>();
    Thread drain = new Thread(() -> keepLast(p.getErrorStream(), err), "sweep-run-stderr");
    drain.setDaemon(true);
    drain.start();
    String failure = null;
    int failedAt = -1;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.equals(TICK)) {
          ticks.tick();
        } else if (line.contains("OutOfMemoryError")) {
          // HotSpot prints -XX:+ExitOnOutOfMemoryError's line on standard output.
          synchronized (err) {
            err.addLast(line);
          }
        } else if (line.startsWith(FAILED + "\t")) {
          String[] f = line.split("\t", 3);
          failedAt = Integer.parseInt(f[1]);
          failure = f.length > 2 ? f[2] : "";
        }
      }
    } catch (IOException | NumberFormatException e) {
      p.destroyForcibly();
    }
    int code = p.waitFor();
    p.getOutputStream().close();
    drain.join(5_000);
    if (code == 0 && failure == null) {
      return new RunOutcome(ticks.count(), "");
    }
    if (failure != null) {
      return new RunOutcome(failedAt, failure);
    }
    String last;
    synchronized (err) {
      last = err.stream().filter(l -> l.contains("OutOfMemoryError")).findFirst().orElse(null);
      if (last == null) {
        last = err.isEmpty() ? "" : err.peekLast();
      }
    }
    if (code == OUT_OF_MEMORY && last.contains("OutOfMemoryError")) {
      String what = last.substring(last.indexOf("OutOfMemoryError") + "OutOfMemoryError".length());
      what = what.startsWith(":") ? what.substring(1).strip() : "heap";
      return new RunOutcome(
          ticks.count(),
          "out of memory: the run's JVM (-Xmx"
              + heap
              + ") ran out of "
              + (what.startsWith("GC overhead") ? "heap (" + what + ")" : what)
              + "; give it more with --run-heap SIZE");
    }
    return new RunOutcome(
        ticks.count(),
        "the run's JVM exited with code " + code + (last.isEmpty() ? "" : ": " + last.strip()));
  }

  /** Reads a stream to its end, keeping its last lines. */
  private static void keepLast(InputStream in, Deque<String> lines) {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        synchronized (lines) {
          lines.addLast(line);
          if (lines.size() > KEPT_LINES) {
            lines.removeFirst();
          }
        }
      }
    } catch (IOException e) {
      // The child is gone.
    }
  }
}
