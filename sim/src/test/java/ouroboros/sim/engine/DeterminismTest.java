package ouroboros.sim.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ouroboros.sim.cli.Main;
import ouroboros.sim.testing.Repo;

/**
 * ARCHITECTURE.md invariant 1: the same scenario and seed give byte-identical metrics.csv,
 * summary.json and graph files, across runs and across thread counts; another seed gives other
 * output. Runs the real command line in-process on the quickstart scenario, and on the topology
 * examples with a timeline and with AI-share curves.
 */
@Tag("slow")
class DeterminismTest {
  @TempDir Path tmp;

  /** Runs the quickstart and returns its run directory. */
  private Path run(String name, long seed, int threads) {
    return run("quickstart.yaml", name, seed, threads);
  }

  /** Runs a scenario under scenarios/ and returns its run directory. */
  private Path run(String scenario, String name, long seed, int threads) {
    Path out = tmp.resolve(name);
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new String[] {
              "run",
              Repo.scenario(scenario).toString(),
              "--seed",
              Long.toString(seed),
              "--threads",
              Integer.toString(threads),
              "--quiet",
              "--out",
              out.toString()
            },
            new PrintWriter(new StringWriter()),
            new PrintWriter(err));
    assertEquals(0, code, err.toString());
    return out;
  }

  private static byte[] read(Path dir, String file) throws Exception {
    return Files.readAllBytes(dir.resolve(file));
  }

  /**
   * A population scenario: 12 models in two regime groups with drawn fresh-data shares, one blog
   * per model, a timeline event on the whole population: the same files on one thread or four.
   */
  @Test
  void run_populationScenario_oneThreadOrFour_byteIdenticalOutputs() throws Exception {
    Path file = tmp.resolve("population.yaml");
    Files.writeString(
        file,
        """
        name: population
        ticks: 30
        domain: {type: gaussian, dimensions: 1}
        web: {retention: 2}
        sites:
          - id: forum
        populations:
          - id: blogs
            kind: site
            count: 12
            id-pattern: "blog-{i:02}"
          - id: people
            kind: human
            count: 3
            id-pattern: "people-{i}"
            template: {publish-rate: {draw: {int-uniform: [5, 15]}}, site: forum}
          - id: labs
            kind: model
            count: 12
            id-pattern: "lab-{i:02}"
            template:
              regime: {cycle: [replace, accumulate]}
              fresh-human-fraction: {draw: {uniform: [0, 0.2]}}
              initial: truth
              retrain-every: 3
              scrape: 30
              publish-rate: 20
              site: "blog-{i:02}"
              crawl: {sites: [forum, "blog-{i:02}"]}
        timeline:
          - tick: 15
            set: {agent: labs, publish-rate: 10}
        """);
    Path one = runFile(file, "p1", 17, 1);
    Path four = runFile(file, "p4", 17, 4);
    assertArrayEquals(read(one, "metrics.csv"), read(four, "metrics.csv"));
    assertArrayEquals(read(one, "summary.json"), read(four, "summary.json"));
    assertArrayEquals(read(one, "scenario.yaml"), read(four, "scenario.yaml"));
    assertArrayEquals(read(one, "graph/final.dot"), read(four, "graph/final.dot"));
    // The run's own scenario.yaml, populations block and all, replays to the same files.
    Path again = runFile(one.resolve("scenario.yaml"), "p-again", 17, 2);
    assertArrayEquals(read(one, "metrics.csv"), read(again, "metrics.csv"));
    assertArrayEquals(read(one, "summary.json"), read(again, "summary.json"));
  }

  /** Runs a scenario file and returns its run directory. */
  private Path runFile(Path file, String name, long seed, int threads) {
    Path out = tmp.resolve(name);
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new String[] {
              "run",
              file.toString(),
              "--seed",
              Long.toString(seed),
              "--threads",
              Integer.toString(threads),
              "--quiet",
              "--no-report",
              "--out",
              out.toString()
            },
            new PrintWriter(new StringWriter()),
            new PrintWriter(err));
    assertEquals(0, code, err.toString());
    return out;
  }

  @Test
  void run_sameSeed_byteIdenticalOutputs() throws Exception {
    Path a = run("a", 7, 2);
    Path b = run("b", 7, 2);
    assertArrayEquals(read(a, "metrics.csv"), read(b, "metrics.csv"));
    assertArrayEquals(read(a, "summary.json"), read(b, "summary.json"));
    assertArrayEquals(read(a, "scenario.yaml"), read(b, "scenario.yaml"));
  }

  @Test
  void run_oneThreadOrFour_byteIdenticalOutputs() throws Exception {
    Path one = run("one", 11, 1);
    Path four = run("four", 11, 4);
    assertArrayEquals(read(one, "metrics.csv"), read(four, "metrics.csv"));
    assertArrayEquals(read(one, "summary.json"), read(four, "summary.json"));
    assertArrayEquals(read(one, "graph/w100-109.json"), read(four, "graph/w100-109.json"));
    assertArrayEquals(read(one, "graph/final.dot"), read(four, "graph/final.dot"));
  }

  /**
   * A timeline (a release, a retirement, crawl, rate and population changes), site mixes and
   * weights: what the clock does at each tick depends on the schedule alone, never on which thread
   * answered first.
   */
  @Test
  void run_timelineScenario_oneThreadOrFour_byteIdenticalOutputs() throws Exception {
    Path one = run("topology/emergent.yaml", "t1", 13, 1);
    Path four = run("topology/emergent.yaml", "t4", 13, 4);
    assertArrayEquals(read(one, "metrics.csv"), read(four, "metrics.csv"));
    assertArrayEquals(read(one, "summary.json"), read(four, "summary.json"));
    assertArrayEquals(read(one, "scenario.yaml"), read(four, "scenario.yaml"));
    assertArrayEquals(read(one, "graph/w40-49.json"), read(four, "graph/w40-49.json"));
    assertArrayEquals(read(one, "graph/final.dot"), read(four, "graph/final.dot"));
  }

  /** AI-share curves carry their rounding from tick to tick: the same on every run. */
  @Test
  void run_aiShareScenario_oneThreadOrFour_byteIdenticalOutputs() throws Exception {
    Path one = run("topology/medium-quora.yaml", "c1", 17, 1);
    Path four = run("topology/medium-quora.yaml", "c4", 17, 4);
    assertArrayEquals(read(one, "metrics.csv"), read(four, "metrics.csv"));
    assertArrayEquals(read(one, "summary.json"), read(four, "summary.json"));
  }

  @Test
  void run_differentSeed_differentOutputs() throws Exception {
    Path a = run("s1", 1, 2);
    Path b = run("s2", 2, 2);
    assertFalse(Arrays.equals(read(a, "metrics.csv"), read(b, "metrics.csv")));
    assertFalse(Arrays.equals(read(a, "summary.json"), read(b, "summary.json")));
  }

  @Test
  void run_resolvedScenarioReplayed_sameOutputs() throws Exception {
    Path first = run("first", 5, 2);
    Path again = tmp.resolve("again");
    int code =
        Main.run(
            new String[] {
              "run", first.resolve("scenario.yaml").toString(), "--quiet", "--out", again.toString()
            },
            new PrintWriter(new StringWriter()),
            new PrintWriter(new StringWriter()));
    assertEquals(0, code);
    assertArrayEquals(read(first, "metrics.csv"), read(again, "metrics.csv"));
  }

  @Test
  void run_crawlPoliciesAndStaticGraph_sameAcrossThreadsAndReplayed() throws Exception {
    for (String scenario :
        new String[] {"topology/crawl-policies.yaml", "topology/fed-by-pair-and-humans.yaml"}) {
      String dir = scenario.replace('/', '-');
      Path one = run(scenario, dir + "-one", 3, 1);
      Path four = run(scenario, dir + "-four", 3, 4);
      assertArrayEquals(read(one, "metrics.csv"), read(four, "metrics.csv"), scenario);
      assertArrayEquals(read(one, "graph/final.dot"), read(four, "graph/final.dot"), scenario);
      Path again = tmp.resolve(dir + "-again");
      int code =
          Main.run(
              new String[] {
                "run", one.resolve("scenario.yaml").toString(), "--quiet", "--out", again.toString()
              },
              new PrintWriter(new StringWriter()),
              new PrintWriter(new StringWriter()));
      assertEquals(0, code, scenario + ": the resolved scenario is valid");
      assertArrayEquals(read(one, "metrics.csv"), read(again, "metrics.csv"), scenario);
    }
  }
}
