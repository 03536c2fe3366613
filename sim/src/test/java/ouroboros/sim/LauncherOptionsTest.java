package ouroboros.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import ouroboros.sim.testing.Repo;

/**
 * The JVM options the {@code ouroboros} launcher puts before a user's (sim/jvm.sh): this JVM
 * accepts them (a misspelt or retired {@code -XX} option stops every start with "Unrecognized VM
 * option"), and they set C2's thresholds the launcher documents. Without the class-data archive
 * ({@code OUROBOROS_CDS=0}), which would run the quickstart to make one.
 */
class LauncherOptionsTest {
  private final Path root = Repo.root();

  /** Runs {@code script} in bash from the repository root with the test's java; its output. */
  private String bash(String script) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb =
        new ProcessBuilder("bash", "-c", script, "launcher", java)
            .directory(root.toFile())
            .redirectErrorStream(true);
    pb.environment().put("OUROBOROS_CDS", "0");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "bash ended");
    assertEquals(0, p.exitValue(), "exit code; output:\n" + out);
    return out;
  }

  @Test
  void theJvmAcceptsTheLaunchersOptionsAndTheyRaiseTheThresholds() throws Exception {
    String out =
        bash(
            "source sim/jvm.sh sim/target/ouroboros-sim.jar"
                + " && \"$1\" \"${OUROBOROS_JVM[@]}\" -XX:+PrintFlagsFinal -version");
    for (String flag :
        List.of(
            "Tier4InvocationThreshold = 500000",
            "Tier4MinInvocationThreshold = 60000",
            "Tier4CompileThreshold = 1500000",
            "Tier4BackEdgeThreshold = 4000000")) {
      assertTrue(
          out.replaceAll(" +", " ").contains(flag.replaceAll(" +", " ")), flag + " in\n" + out);
    }
  }

  @Test
  void aUsersOptionComesAfterTheLaunchersAndWins() throws Exception {
    String launcher = java.nio.file.Files.readString(root.resolve("ouroboros"));
    assertTrue(
        launcher.contains("exec java \"${OUROBOROS_JVM[@]}\" ${OUROBOROS_JAVA_OPTS:-} -jar"),
        "the launcher puts OUROBOROS_JAVA_OPTS after sim/jvm.sh's options");
    String out =
        bash(
            "source sim/jvm.sh sim/target/ouroboros-sim.jar && \"$1\" \"${OUROBOROS_JVM[@]}\""
                + " -XX:Tier4InvocationThreshold=5000 -XX:+PrintFlagsFinal -version");
    assertTrue(
        out.replaceAll(" +", " ").contains("Tier4InvocationThreshold = 5000 "),
        "the later option wins:\n" + out);
  }
}
