package ouroboros.sim.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ouroboros.sim.cli.Main;

/**
 * Bad values of the live-metrics options are refused before tick 0 with exit code 2, one {@code
 * error:} line naming the option, and no run directory.
 */
class MetricsOptionsTest {

  /** Runs {@code run SCENARIO --quiet --out DIR} plus {@code extra}; asserts the refusal. */
  private static void assertRefused(Path tmp, String expected, String... extra) throws Exception {
    Path file = tmp.resolve("s.yaml");
    Files.writeString(file, Reports.scenario(3));
    Path dir = tmp.resolve("run");
    String[] args = new String[4 + extra.length];
    args[0] = "run";
    args[1] = file.toString();
    args[2] = "--quiet";
    args[3] = "--out=" + dir;
    System.arraycopy(extra, 0, args, 4, extra.length);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    assertEquals(Main.BAD_INPUT, code, err.toString());
    assertTrue(err.toString().startsWith("error: "), err.toString());
    assertTrue(err.toString().contains(expected), err.toString());
    assertEquals(1, err.toString().lines().count(), err.toString());
    assertFalse(Files.exists(dir), "no run directory");
  }

  @ParameterizedTest
  @CsvSource({
    "--pace, 0, --pace: found 0.0",
    "--pace, -2, --pace: found -2.0",
    "--pace, Infinity, '--pace: found Infinity, expected a finite number'",
    "--metrics-port, 70000, --metrics-port: found 70000",
    "--metrics-port, -1, --metrics-port: found -1",
    "--metrics-max-models, -1, --metrics-max-models: found -1",
    "--metrics-host, no-such-host.invalid, --metrics-host: found 'no-such-host.invalid'"
  })
  void badValue_refused(String option, String value, String expected, @TempDir Path tmp)
      throws Exception {
    assertRefused(tmp, expected, option, value);
  }

  @Test
  void hostNotOfThisMachine_refusedUnderTheHostOption(@TempDir Path tmp) throws Exception {
    // QA, stop 33: it was reported under --metrics-port ("Cannot assign requested address").
    assertRefused(
        tmp,
        "--metrics-host: found '10.255.255.1' (10.255.255.1), expected a host name or an address"
            + " of this machine",
        "--metrics-host",
        "10.255.255.1");
  }

  @Test
  void portInUse_refused(@TempDir Path tmp) throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      assertRefused(
          tmp,
          "--metrics-port: cannot serve metrics on 127.0.0.1:" + taken.getLocalPort(),
          "--metrics-port",
          String.valueOf(taken.getLocalPort()));
    }
  }
}
