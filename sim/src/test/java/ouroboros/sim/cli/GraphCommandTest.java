package ouroboros.sim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ouroboros.sim.testing.Graphviz;
import ouroboros.sim.testing.Repo;

/**
 * {@code ouroboros graph} on a real quickstart run, made in-process once for the class: the run's
 * {@code graph/} files and metrics rows, the printed table, the SVG when Graphviz is installed (and
 * the message when it is not), and bad input.
 */
class GraphCommandTest {
  @TempDir static Path tmp;
  private static Path run;

  @BeforeAll
  static void runQuickstart() {
    run = tmp.resolve("quickstart");
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new String[] {
              "run",
              Repo.scenario("quickstart.yaml").toString(),
              "--out",
              run.toString(),
              "--quiet",
              "--threads",
              "2"
            },
            new PrintWriter(new StringWriter()),
            new PrintWriter(err));
    assertEquals(0, code, err.toString());
  }

  /** Runs the command line; the exit code, standard output and standard error. */
  private static String[] cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new String[] {Integer.toString(code), out.toString(), err.toString()};
  }

  @Test
  void run_quickstart_writesOneGraphPerTenTicksAndTheFinalDot() throws Exception {
    Path dir = run.resolve("graph");
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(20, files.filter(f -> f.toString().endsWith(".json")).count());
    }
    assertTrue(Files.exists(dir.resolve("w0-9.dot")));
    assertArrayEquals(
        Files.readAllBytes(dir.resolve("w190-199.dot")),
        Files.readAllBytes(dir.resolve("final.dot")));
  }

  @Test
  void run_quickstart_metricsHaveAncestryDepthAndPrediction() throws Exception {
    List<String> lines = Files.readAllLines(run.resolve("metrics.csv"));
    assertTrue(lines.contains("199,lab-replace,200,predicted-collapse,1"));
    assertTrue(lines.contains("199,lab-replace,200,human-ancestry,0"));
    assertTrue(lines.contains("199,lab-fresh,200,predicted-collapse,0"));
    assertTrue(lines.contains("199,lab-fresh,200,human-ancestry,1"));
    assertTrue(
        lines.contains("0,lab-replace,1,training-depth,1"),
        "trained on the truth model's output, depth 1");
  }

  @Test
  void graph_lastWindow_printsTableAndRendersOrSaysGraphvizIsMissing() {
    String[] r = cli("graph", run.toString());
    assertEquals("0", r[0], r[2]);
    String out = r[1];
    assertTrue(out.startsWith("graph of ticks 190 to 199 ("), out);
    assertTrue(out.contains("lab-replace     model      0.0000  195.5000  collapses"), out);
    assertTrue(out.matches("(?s).*lab-fresh +model +1\\.0000 +4\\.0000  bounded.*"), out);
    assertTrue(
        out.contains("closed classes with no human data: {lab-replace} {lab-accumulate}"), out);
    assertTrue(out.contains("  ~archive -> lab-fresh  0.2000"), out);
    Path svg = run.resolve("graph/final.svg");
    if (Graphviz.dot() != null) {
      assertTrue(out.contains("svg: " + svg), out);
      assertTrue(Files.exists(svg));
    } else {
      assertTrue(
          out.contains(
              "Graphviz (dot) is not installed; DOT file: " + run.resolve("graph/final.dot")),
          out);
    }
  }

  @Test
  void graph_tick_choosesItsWindow() {
    String[] r = cli("graph", run.toString(), "--tick", "5");
    assertEquals("0", r[0], r[2]);
    assertTrue(r[1].startsWith("graph of ticks 0 to 9 ("), r[1]);
    assertTrue(r[1].contains(Graphviz.dot() != null ? "w0-9.svg" : "w0-9.dot"), r[1]);
  }

  @Test
  void render_withoutGraphviz_saysSoAndSucceeds() {
    StringWriter out = new StringWriter();
    Path dot = run.resolve("graph/final.dot");
    int code = GraphCommand.render(dot, "", new PrintWriter(out), new PrintWriter(out));
    assertEquals(0, code);
    assertEquals("Graphviz (dot) is not installed; DOT file: " + dot, out.toString().strip());
  }

  @Test
  void graph_runWithOnlyTheFinalDot_saysWhyAndRendersIt() throws Exception {
    // QA, stop 32: a sampled run's graph/ holds only final.dot, and this refused it as a run
    // "with no tick".
    Path sampled = tmp.resolve("sampled");
    Files.createDirectories(sampled.resolve("graph"));
    Files.copy(run.resolve("graph/final.dot"), sampled.resolve("graph/final.dot"));
    String[] r = cli("graph", sampled.toString());
    assertEquals("0", r[0], r[2]);
    assertTrue(r[1].contains("this run keeps no window files, only "), r[1]);
    assertTrue(r[1].contains(Graphviz.dot() != null ? "final.svg" : "final.dot"), r[1]);
    String[] withTick = cli("graph", sampled.toString(), "--tick", "5");
    assertEquals("2", withTick[0]);
    assertTrue(
        withTick[2].startsWith("error: --tick: found 5, expected no --tick: this run keeps no"),
        withTick[2]);
  }

  @Test
  void graph_badInput_exitCodeTwoWithOneLine() throws Exception {
    String[] missing = cli("graph", tmp.resolve("nope").toString());
    assertEquals("2", missing[0]);
    assertTrue(missing[2].startsWith("error: RUN_DIR: found '"), missing[2]);
    assertTrue(missing[2].contains("(it does not exist)"), missing[2]);
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    String[] noGraph = cli("graph", empty.toString());
    assertEquals("2", noGraph[0]);
    assertTrue(
        noGraph[2].contains("expected a run directory written by 'ouroboros run'"), noGraph[2]);
    String[] badTick = cli("graph", run.toString(), "--tick", "500");
    assertEquals("2", badTick[0]);
    assertEquals("error: --tick: found 500, expected a tick from 0 to 199", badTick[2].strip());
  }
}
