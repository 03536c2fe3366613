package ouroboros.sim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A sweep's child JVM ({@code --run-heap}) takes the JIT's tier options and the collector of the
 * JVM that started it (the launcher's, sim/jvm.sh, or a user's own), in their order, and no other:
 * its heap is the run's own, and the class-data archive belongs to the launcher's command line.
 */
class ChildRunOptionsTest {
  @Test
  void theJitsTierOptionsAndNoOthers() {
    List<String> jvm =
        List.of(
            "-XX:Tier4InvocationThreshold=500000",
            "-Xlog:cds=off",
            "-XX:SharedArchiveFile=/x/ouroboros-sim.jsa",
            "-XX:Tier4BackEdgeThreshold=4000000",
            "-Xmx8g",
            "-XX:+UseParallelGC",
            "-XX:-UseAdaptiveSizePolicy",
            "-XX:TieredStopAtLevel=1",
            "-XX:-TieredCompilation",
            "-Dtier=x");
    assertEquals(
        List.of(
            "-XX:Tier4InvocationThreshold=500000",
            "-XX:Tier4BackEdgeThreshold=4000000",
            "-XX:+UseParallelGC",
            "-XX:TieredStopAtLevel=1",
            "-XX:-TieredCompilation"),
        ChildRun.tuningOptions(jvm));
    assertEquals(List.of(), ChildRun.tuningOptions(List.of("-Xmx1g", "-ea")));
  }
}
