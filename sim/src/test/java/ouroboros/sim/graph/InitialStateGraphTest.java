package ouroboros.sim.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ouroboros.sim.cli.Main;

/**
 * A model that starts as the truth ({@code initial: truth}) or as a fit on truth samples ({@code
 * initial: fit-truth}) counts in the interaction graph, until its first retrain, as trained on
 * human data only (the archive): it was "unknown", ancestry and depth NA, and so was every model
 * that trained on its output. A model that starts with nothing ({@code initial: none}) stays
 * unknown until it trains. A resumed run, which hears no fits before tick 0, gives the same rows.
 */
class InitialStateGraphTest {
  @TempDir Path tmp;

  /**
   * a, b and r never retrain in the run; c trains on people, a, b, r (released at tick 5) and
   * itself; w, {@code initial: none}, never trains and publishes nothing.
   */
  private static final String SCENARIO =
      """
      name: initial-graph
      seed: 1
      ticks: 14
      domain: {type: gaussian, mean: [0.0], variance: [1.0]}
      humans:
        - {id: people, publish-rate: 50}
      models:
        - {id: a, regime: replace, initial: fit-truth, first-retrain: 100, scrape: 20, publish-rate: 20}
        - {id: b, regime: replace, initial: truth, first-retrain: 100, scrape: 20, publish-rate: 20}
        - {id: c, regime: replace, initial: truth, scrape: 20, publish-rate: 20}
        - {id: w, regime: replace, initial: none, first-retrain: 100, scrape: 20, publish-rate: 20}
      timeline:
        - {tick: 5, release: {id: r, like: b, initial: truth, first-retrain: 100}}
      """;

  private static final Pattern NODE = Pattern.compile("^\\s*\"([^\"]+)\" \\[.*label=\"([^\"]*)\"");

  @Test
  void run_modelsTrainingOnInitialTruthModels_haveAncestryAndVerdicts() throws Exception {
    Path run = run("plain");
    List<String[]> rows = rows(run, "c");
    assertEquals(3 * 14, rows.size(), "c's three rows at each of its 14 retrains");
    for (String[] f : rows) {
      assertFalse(f[4].equals("NA"), "c at tick " + f[0] + ": " + String.join(",", f));
      if (f[3].equals(GraphListener.HUMAN_ANCESTRY)) {
        assertEquals(1.0, Double.parseDouble(f[4]), 1e-9, "every ancestor is human data");
      } else if (f[3].equals(GraphListener.PREDICTED_COLLAPSE)) {
        assertEquals("0", f[4], "bounded at tick " + f[0]);
      }
    }
    String dot = Files.readString(run.resolve("graph").resolve(GraphListener.FINAL_DOT));
    for (String id : List.of("a", "b", "r")) {
      String label = label(dot, id);
      assertTrue(label.contains("bounded") && label.contains("ancestry 1.000"), id + ": " + label);
      assertTrue(label.contains("depth 0.00"), id + ": " + label);
      assertTrue(
          dot.contains("\"" + InteractionGraph.ARCHIVE_ID + "\" -> \"" + id + "\""),
          id + " is drawn as trained on the archive:\n" + dot);
    }
    assertTrue(label(dot, "w").contains("unknown"), "initial: none stays unknown until it trains");
  }

  @Test
  void resume_afterTheWindowPassedTickZero_sameRowsAndGraphFiles() throws Exception {
    Path plain = run("plain");
    Path resumed = run("resumed", "--checkpoint-every", "12", "--keep-checkpoint");
    // Mark it stopped, as a kill leaves it: resume goes on from the checkpoint after tick 11.
    Path summary = resumed.resolve("summary.json");
    Files.writeString(
        summary, Files.readString(summary).replace("\"complete\" : true", "\"complete\" : false"));
    cli("resume", resumed.toString(), "--quiet", "--no-report");
    assertArrayEquals(
        Files.readAllBytes(plain.resolve("metrics.csv")),
        Files.readAllBytes(resumed.resolve("metrics.csv")),
        "metrics.csv");
    for (String f : List.of("w10-13.json", "w10-13.dot", GraphListener.FINAL_DOT)) {
      assertEquals(
          Files.readString(plain.resolve("graph").resolve(f)),
          Files.readString(resumed.resolve("graph").resolve(f)),
          f);
    }
  }

  /** Runs the scenario into {@code tmp/name}. */
  private Path run(String name, String... extra) throws IOException {
    Path scenario = tmp.resolve("s.yaml");
    Files.writeString(scenario, SCENARIO);
    Path out = tmp.resolve(name);
    cli(
        Stream.concat(
                Stream.of(
                    "run", scenario.toString(), "--out", out.toString(), "--quiet", "--no-report"),
                Stream.of(extra))
            .toArray(String[]::new));
    return out;
  }

  private static void cli(String... args) {
    StringWriter err = new StringWriter();
    assertEquals(
        0,
        Main.run(args, new PrintWriter(new StringWriter()), new PrintWriter(err)),
        err::toString);
  }

  /** Model {@code id}'s topology rows of metrics.csv, split. */
  private static List<String[]> rows(Path run, String id) throws IOException {
    List<String> names =
        List.of(
            GraphListener.HUMAN_ANCESTRY,
            GraphListener.TRAINING_DEPTH,
            GraphListener.PREDICTED_COLLAPSE);
    List<String[]> rows = new ArrayList<>();
    for (String line : Files.readAllLines(run.resolve("metrics.csv"))) {
      String[] f = line.split(",");
      if (f.length == 5 && f[1].equals(id) && names.contains(f[3])) {
        rows.add(f);
      }
    }
    return rows;
  }

  /** The label of node {@code id} in a DOT text. */
  private static String label(String dot, String id) {
    for (String line : dot.split("\n")) {
      Matcher m = NODE.matcher(line);
      if (m.find() && m.group(1).equals(id)) {
        return m.group(2);
      }
    }
    throw new AssertionError("no node " + id + " in\n" + dot);
  }
}
