package ouroboros.sim.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import ouroboros.sim.scenario.compile.WorldCompiler;
import ouroboros.sim.scenario.load.ScenarioLoader;
import ouroboros.sim.scenario.spec.Scenario;

/**
 * How far apart the summary's checkpoints are: the configured interval, stretched to 20 times a
 * costly summary's least build time, leaving out the first (cold) build, never beyond ten
 * intervals.
 */
class SummaryCheckpointsTest {
  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
  private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
  private static final int KB = 1000;

  private static SummaryCheckpoints checkpoints(long interval) throws Exception {
    Scenario scenario =
        new ScenarioLoader()
            .parse(
                "ck.yaml",
                """
        name: ck
        ticks: 2
        domain: {type: gaussian, dimensions: 1}
        humans:
          - {id: people, publish-rate: 2}
        """);
    // The summary is never built here: only the interval's rule is under test.
    RunSummary summary = new RunSummary(WorldCompiler.compile(scenario, 1));
    return new SummaryCheckpoints(Path.of("summary.json"), summary, interval);
  }

  /** QA, stop 35: a cold first build of 0.4 s kept summary.json 8 s behind metrics.csv. */
  @Test
  void firstBuild_doesNotStretch() throws Exception {
    SummaryCheckpoints c = checkpoints(SECOND);
    c.built(400 * MS, KB);
    assertEquals(SECOND, c.interval());
  }

  @Test
  void laterBuilds_stretchTwentyTimesTheLeast_upToTenIntervals() throws Exception {
    SummaryCheckpoints c = checkpoints(SECOND);
    c.built(400 * MS, KB);
    c.built(150 * MS, KB);
    assertEquals(3 * SECOND, c.interval(), "20 times a 0.15 s build");
    c.built(300 * MS, KB);
    assertEquals(3 * SECOND, c.interval(), "a slower build after a faster one: a busy machine");
    c.built(30 * MS, KB);
    assertEquals(SECOND, c.interval(), "a cheap summary keeps the interval");
    c.built(150 * MS, 5 * KB);
    assertEquals(3 * SECOND, c.interval(), "the same rate, a summary five times larger (0.15 s)");
    SummaryCheckpoints large = checkpoints(SECOND);
    large.built(4 * SECOND, KB);
    large.built(2 * SECOND, KB);
    assertEquals(10 * SECOND, large.interval(), "at most ten intervals");
  }

  @Test
  void zeroInterval_staysZero() throws Exception {
    SummaryCheckpoints c = checkpoints(0);
    c.built(MS, KB);
    c.built(SECOND, KB);
    assertEquals(0, c.interval());
  }
}
