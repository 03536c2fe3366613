package ouroboros.sim.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import ouroboros.sim.cli.Main;

/**
 * The command line ({@link Main}) in a child JVM, for the fault tests that kill, stop or starve a
 * run from outside: the same {@code java} binary and class path as the test's own JVM, the JVM
 * options the test gives (a small heap, say), stdout and stderr together in a log file. Closing it
 * kills the child if it is still alive, so that a failing test leaves no JVM behind.
 */
public final class ChildJvm implements AutoCloseable {
  /** Something a test waits for; it may read files and so throw. */
  @FunctionalInterface
  public interface Condition {
    /** Whether the awaited state has been reached. */
    boolean holds() throws Exception;
  }

  private final Process process;
  private final Path log;

  private ChildJvm(Process process, Path log) {
    this.process = Objects.requireNonNull(process);
    this.log = Objects.requireNonNull(log);
  }

  /**
   * Starts {@code ouroboros ARGS} in a child JVM with {@code jvmOptions} (for example {@code
   * -Xmx48m}), writing its stdout and stderr to {@code log}.
   */
  public static ChildJvm start(Path log, List<String> jvmOptions, String... args)
      throws IOException {
    return start(log, jvmOptions, Main.class, args);
  }

  /** The same, with another main class that takes {@code args} (such as {@link SlowShutdown}). */
  public static ChildJvm start(Path log, List<String> jvmOptions, Class<?> main, String... args)
      throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(java());
    cmd.addAll(jvmOptions);
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
    cmd.addAll(List.of(args));
    Process p =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    return new ChildJvm(p, log);
  }

  /** The {@code java} executable of the running JVM. */
  public static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** The child process. */
  public Process process() {
    return process;
  }

  /** What the child has printed so far (stdout and stderr), or "" before it printed anything. */
  public String log() throws IOException {
    return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
  }

  /**
   * Polls {@code condition} every {@code poll} until it holds; fails with {@code what} if the child
   * ends first (quoting its log) or {@code timeout} passes.
   */
  public void await(Condition condition, Duration timeout, Duration poll, String what)
      throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    while (!condition.holds()) {
      if (!process.isAlive()) {
        throw new AssertionError(
            "the child JVM ended before " + what + " (exit " + process.exitValue() + "): " + log());
      }
      assertTrue(
          Instant.now().isBefore(deadline), "no " + what + " in " + timeout.toSeconds() + " s");
      Thread.sleep(poll.toMillis());
    }
  }

  /** Waits up to {@code timeout} for the child to end; whether it did. */
  public boolean waitFor(Duration timeout) throws InterruptedException {
    return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Sends SIGTERM (the child's shutdown hooks run). */
  public void terminate() {
    process.destroy();
  }

  /** Sends SIGKILL and waits until the child is gone. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  /** Kills the child if it is still alive. */
  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
