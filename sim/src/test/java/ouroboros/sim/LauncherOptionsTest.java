package ouroboros.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import ouroboros.sim.testing.Repo;

/**
 * The JVM options the {@code ouroboros} launcher puts before a user's (sim/jvm.sh): this JVM
 * accepts them (a misspelt or retired {@code -XX} option stops every start with "Unrecognized VM
 * option"), they set C2's thresholds and the collector the launcher documents, and a user's own
 * option wins. Without the class-data archive ({@code OUROBOROS_CDS=0}), which would run the
 * quickstart to make one.
 */
class LauncherOptionsTest {
  private final Path root = Repo.root();

  /**
   * The JVM's final flags, one space between words, when the launcher's options (for the command
   * arguments {@code args}) and then {@code userOptions} (as OUROBOROS_JAVA_OPTS) start it.
   */
  private String flags(String args, String userOptions) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb =
        new ProcessBuilder(
                "bash",
                "-c",
                "source sim/jvm.sh sim/target/ouroboros-sim.jar "
                    + args
                    + " && \"$1\" \"${OUROBOROS_JVM[@]}\" ${OUROBOROS_JAVA_OPTS:-}"
                    + " -XX:+PrintFlagsFinal -version",
                "launcher",
                java)
            .directory(root.toFile())
            .redirectErrorStream(true);
    pb.environment().put("OUROBOROS_CDS", "0");
    pb.environment().put("OUROBOROS_JAVA_OPTS", userOptions);
    for (String v : List.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS", "BENCH_JAVA_OPTS")) {
      pb.environment().remove(v);
    }
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "bash ended");
    assertEquals(0, p.exitValue(), "exit code; output:\n" + out);
    return out.replaceAll(" +", " ");
  }

  /** Whether boolean flag {@code name} is true in {@code flags}. */
  private static boolean on(String flags, String name) {
    return flags.contains(" " + name + " = true ");
  }

  @Test
  void aRunGetsTheRaisedThresholdsAndTheParallelCollector() throws Exception {
    String out = flags("run x.yaml", "");
    for (String flag :
        List.of(
            "Tier4InvocationThreshold = 500000",
            "Tier4MinInvocationThreshold = 60000",
            "Tier4CompileThreshold = 1500000",
            "Tier4BackEdgeThreshold = 4000000")) {
      assertTrue(out.contains(flag), flag + " in\n" + out);
    }
    assertTrue(on(out, "UseParallelGC"), out);
    assertTrue(on(flags("sweep s.yaml --parallel 2", ""), "UseParallelGC"));
  }

  @Test
  void aClusterNodeOrClusterRunKeepsG1() throws Exception {
    for (String args :
        List.of(
            "node --join 127.0.0.1:2551",
            "run x.yaml --cluster 127.0.0.1:2551",
            "run --cluster=h:1 x")) {
      String out = flags(args, "");
      assertTrue(on(out, "UseG1GC"), args);
      assertFalse(on(out, "UseParallelGC"), args);
      assertTrue(out.contains("Tier4InvocationThreshold = 500000"), args);
    }
  }

  @Test
  void aUsersOptionsComeAfterTheLaunchersAndWin() throws Exception {
    String launcher = Files.readString(root.resolve("ouroboros"));
    assertTrue(
        launcher.contains("exec java \"${OUROBOROS_JVM[@]}\" ${OUROBOROS_JAVA_OPTS:-} -jar"),
        "the launcher puts OUROBOROS_JAVA_OPTS after sim/jvm.sh's options");
    String out = flags("run x.yaml", "-XX:Tier4InvocationThreshold=5000 -XX:+UseSerialGC");
    assertTrue(out.contains("Tier4InvocationThreshold = 5000 "), "the later option wins:\n" + out);
    // The JVM refuses two collectors: a user's choice replaces the launcher's.
    assertTrue(on(out, "UseSerialGC"), out);
    assertFalse(on(out, "UseParallelGC"), out);
  }

  @Test
  void aUsersG1ReplacesTheLaunchersCollector() throws Exception {
    // The collector docs/cli.md names; its name has a digit, which the launcher's match missed,
    // and the JVM then refused to start ("Multiple garbage collectors selected").
    String out = flags("run x.yaml", "-XX:+UseG1GC");
    assertTrue(on(out, "UseG1GC"), out);
    assertFalse(on(out, "UseParallelGC"), out);
  }
}
