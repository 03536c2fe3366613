package ouroboros.sim.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the servers some integration tests start as child processes (Debian's {@code prometheus}
 * and {@code chromium}). When one is missing, the test skips with a JUnit assumption that says how
 * to install it; with the environment variable {@value #REQUIRE} set to {@code 1}, as {@code
 * .ci/run} sets it, the test fails instead, so that CI never passes by skipping.
 */
public final class Servers {
  /** The environment variable that turns a missing server from a skip into a failure. */
  public static final String REQUIRE = "OUROBOROS_REQUIRE_SERVERS";

  private Servers() {}

  /**
   * The executable {@code command} on the PATH; when there is none, skips the calling test (or
   * fails it, under {@value #REQUIRE}=1), naming the Debian {@code debianPackage} that has it.
   */
  public static Path require(String command, String debianPackage) {
    Path found = onPath(command);
    if (found == null) {
      skipOrFail(missing(command, debianPackage));
    }
    return found;
  }

  /**
   * Null when {@code command} is on the PATH; else why not and how to install it. Under {@value
   * #REQUIRE}=1 a missing command fails at once. For a {@code @BeforeAll}, which should not skip
   * (surefire does not report a class skipped there): it keeps the message and passes it to {@link
   * #skipOrFail} in each test.
   */
  public static String missing(String command, String debianPackage) {
    if (onPath(command) != null) {
      return null;
    }
    String message =
        "'"
            + command
            + "' is not on the PATH; install Debian's "
            + debianPackage
            + " package (as root: apt-get install --no-install-recommends "
            + debianPackage
            + ", or bash .ci/install-servers.sh)";
    if ("1".equals(System.getenv(REQUIRE))) {
      throw new AssertionError(message + " [" + REQUIRE + "=1: required, not skipped]");
    }
    return message;
  }

  /** Skips the calling test with {@code missing}, a message from {@link #missing}, if any. */
  public static void skipOrFail(String missing) {
    Assumptions.assumeTrue(missing == null, missing);
  }

  /** The first executable file named {@code command} in a directory of the PATH, or null. */
  static Path onPath(String command) {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, command);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }
}
