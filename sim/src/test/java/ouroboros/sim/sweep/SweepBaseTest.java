package ouroboros.sim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault injection on a sweep file: a {@code base} that is not a regular file, a {@code base}
 * outside the sweep's directory that is not a scenario (its content is never printed), and counts
 * too large to run. Each is refused with exit 2 and one located line, within 20 seconds (a hang
 * would never end; the margin is for a loaded machine), before any directory is made.
 */
class SweepBaseTest {
  private static final String SECRET = "hunter2-do-not-print";

  @TempDir Path tmp;

  @Test
  void base_fifo_namedAsFifoWithoutOpeningIt() throws Exception {
    Path fifo = tmp.resolve("base.yaml");
    Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assumeTrue(mk.waitFor() == 0 && Files.exists(fifo), "mkfifo is not available here");
    Path sweep = Sweeps.write(tmp, "s.yaml", "base: base.yaml\ngrid:\n  seed: [1]\n");
    assertEquals(
        "error: "
            + sweep
            + ":1:7: base: found 'base.yaml', but "
            + fifo
            + " is a FIFO (named pipe), expected the path of the base scenario, relative to this"
            + " file\n",
        refused(sweep));
  }

  @Test
  void base_device_namedAsDevice() throws Exception {
    assumeTrue(Files.exists(Path.of("/dev/null")), "no /dev/null here");
    Path sweep = Sweeps.write(tmp, "s.yaml", "base: /dev/null\ngrid:\n  seed: [1]\n");
    assertEquals(
        "error: "
            + sweep
            + ":1:7: base: found '/dev/null', but /dev/null is a character device, expected the"
            + " path of the base scenario, relative to this file\n",
        refused(sweep));
  }

  @Test
  void base_passwdLikeFileOutsideItsDirectory_contentNeverEchoed() throws Exception {
    Sweeps.write(tmp, "etc/passwd", "root:x:0:0:" + SECRET + ":/root:/bin/bash\n");
    Path sweep =
        Sweeps.write(tmp, "a/b/c/s.yaml", "base: ../../../etc/passwd\ngrid:\n  seed: [1]\n");
    String err = refused(sweep);
    assertFalse(err.contains(SECRET), err);
    assertFalse(err.contains("root:x"), err);
    assertEquals(
        "error: "
            + tmp.resolve("etc/passwd")
            + ":1:1: found a single text value (not shown: the file is not a YAML mapping),"
            + " expected a YAML mapping of scenario keys such as 'name', 'ticks' and 'domain'\n",
        err);
  }

  @Test
  void base_systemPasswd_contentNeverEchoed() throws Exception {
    Path passwd = Path.of("/etc/passwd");
    assumeTrue(Files.isReadable(passwd), "no readable /etc/passwd here");
    String first = Files.readAllLines(passwd).get(0);
    Path sweep =
        Sweeps.write(
            tmp, "s.yaml", "base: ../../../../../../../../../etc/passwd\ngrid:\n  seed: [1]\n");
    String err = refused(sweep);
    assertFalse(err.contains(first), err);
    assertFalse(err.contains(":/bin/"), err);
  }

  @Test
  void base_dotEnv_secretNeverEchoed() throws Exception {
    Sweeps.write(tmp, ".env", "API_TOKEN=" + SECRET + "\nDB=postgres://u:p@h/db\n");
    Path sweep = Sweeps.write(tmp, "s.yaml", "base: .env\ngrid:\n  seed: [1]\n");
    String err = refused(sweep);
    assertFalse(err.contains(SECRET), err);
    assertFalse(err.contains("postgres"), err);
  }

  @Test
  void sweepName_longerThanAFileName_refused() throws Exception {
    Sweeps.write(tmp, "base.yaml", Sweeps.BASE);
    Path sweep =
        Sweeps.write(
            tmp, "s.yaml", "base: base.yaml\nname: " + "s".repeat(201) + "\ngrid:\n  seed: [1]\n");
    assertEquals(
        "error: "
            + sweep
            + ":2:7: name: found a name of 201 characters, expected a name of at most 200"
            + " characters, so that the sweep directory's name fits in the 255 bytes a file name"
            + " may have\n",
        refused(sweep));
  }

  @Test
  void replicates_twoBillion_refusedBeforeAnyRun() throws Exception {
    Sweeps.write(tmp, "base.yaml", Sweeps.BASE);
    Path sweep =
        Sweeps.write(
            tmp, "s.yaml", "base: base.yaml\nreplicates: 2000000000\ngrid:\n  seed: [1, 2]\n");
    assertEquals(
        "error: "
            + sweep
            + ":2:13: replicates: found the number 2000000000, expected a whole number from 1 to"
            + " 10000\n",
        refused(sweep));
  }

  @Test
  void runs_cellsTimesReplicatesAboveAMillion_refused() throws Exception {
    Sweeps.write(tmp, "base.yaml", Sweeps.BASE);
    StringBuilder seeds = new StringBuilder();
    for (int i = 0; i < 101; i++) {
      seeds.append(i == 0 ? "" : ", ").append(i);
    }
    Path sweep =
        Sweeps.write(
            tmp, "s.yaml", "base: base.yaml\nreplicates: 10000\ngrid:\n  seed: [" + seeds + "]\n");
    assertEquals(
        "error: "
            + sweep
            + ":2:13: replicates: found 101 cells x 10000 replicates = 1010000 runs, expected at"
            + " most 1000000 runs in one sweep\n",
        refused(sweep));
  }

  @Test
  void engineThreads_100000_refused() throws Exception {
    Sweeps.write(tmp, "base.yaml", Sweeps.BASE);
    Path sweep =
        Sweeps.write(
            tmp, "s.yaml", "base: base.yaml\nengine-threads: 100000\ngrid:\n  seed: [1]\n");
    assertEquals(
        "error: "
            + sweep
            + ":2:17: engine-threads: found the number 100000, expected a whole number from 1 to"
            + " 1024\n",
        refused(sweep));
  }

  @Test
  void gridValue_yamlNan_refusedInTheSweepFile() throws Exception {
    Sweeps.write(tmp, "base.yaml", Sweeps.BASE);
    Path sweep =
        Sweeps.write(tmp, "s.yaml", "base: base.yaml\ngrid:\n  domain.mean[0]: [0.0, .nan]\n");
    assertEquals(
        "error: "
            + sweep
            + ":3:25: grid.domain.mean[0][1]: found the YAML value .nan, expected a finite number"
            + " (NaN and infinities are not numbers a scenario takes)\n",
        refused(sweep));
  }

  /** Runs {@code sweep FILE} and {@code validate FILE}; both refuse alike; returns stderr. */
  private String refused(Path sweep) {
    Path out = tmp.resolve("out");
    Sweeps.Result r =
        assertTimeoutPreemptively(
            Duration.ofSeconds(20),
            () -> Sweeps.run("sweep", sweep.toString(), "--quiet", "--out", out.toString()));
    assertEquals(2, r.code(), r.stderr());
    assertEquals("", r.stdout());
    assertFalse(Files.exists(out), "the sweep made its directory");
    Sweeps.Result v =
        assertTimeoutPreemptively(
            Duration.ofSeconds(20), () -> Sweeps.run("validate", sweep.toString()));
    assertEquals(2, v.code(), v.stderr());
    assertEquals(r.stderr(), v.stderr(), "validate and sweep refuse alike");
    return r.stderr();
  }
}
