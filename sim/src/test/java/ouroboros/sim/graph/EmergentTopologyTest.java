package ouroboros.sim.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ouroboros.sim.cli.Main;
import ouroboros.sim.testing.Repo;

/**
 * The emergent scenario ({@code scenarios/topology/emergent.yaml}) through the real engine and
 * command line: sites, crawls and a timeline make an interaction graph that changes over time, and
 * the verdict the graph predicts tracks the verdict the metrics measure.
 *
 * <p>The rule, per model and window of 10 ticks (0-9, 10-19, ...), for each model that retrained in
 * the window: the <b>predicted</b> verdict is the graph's for that window ({@code
 * graph/w<start>-<end>.json}, the node's subtitle: its retrains in the window pooled); the
 * <b>measured</b> verdict is definition 3 (asymptotically diverging risk) at the model's last
 * retrain in the window. Every model retrains every tick, so definition 3's trend window (the last
 * 10 generations) covers the same ticks as the graph's window, and both judge the same stretch of
 * the run; a model-window counts when both are known (definition 3 is n/a for a model's first 9
 * generations). Collapse is "collapses" against 1, bounded against 0.
 *
 * <p>The scenario keeps to replace and window regimes: the prediction is the paper's, made for
 * replace-like training, and an accumulating model in a closed class stays bounded (see
 * docs/topology.md, "Topology"), a systematic disagreement the rule does not cover. So is a model
 * that reads a closed class and people both: it is predicted to collapse, but in the Gaussian the
 * closed class's mean freezes as its variance vanishes, and the mixed model's risk levels off (in a
 * variant where lab-d also reads the forum, definition 3 fires in none of its five closed windows).
 * The example's lab-d therefore reads only the closed class.
 *
 * <p>What disagrees, and why: the window in which lab-b and lab-c close (ticks 40-49) is predicted
 * to collapse at once, while their risk needs a few generations to rise above its noise, so
 * definition 3 can miss it there; a bounded model's risk wanders now and then enough for definition
 * 3's one-sided 1% test to fire; and deep in a collapse the risk is so noisy that one window's
 * slope may not be significant. With the scenario's seed 5, 64 of the 66 model-windows agree (97%).
 * Over seeds 1 to 40 (run by hand with {@code --seed}, 66 model-windows each), agreement ranged
 * from 59/66 (89%) to 66/66 (mean 95%), and was below 90% for 2 of the 40 seeds: the fixed seed is
 * a typical one, not a lucky one, and the bound has room for a change that shifts the run without
 * breaking the topology condition.
 */
@Tag("slow")
class EmergentTopologyTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path tmp;

  private static Path run;

  /** Each graph window's document, by its start tick. */
  private static final Map<Integer, JsonNode> windows = new HashMap<>();

  /** d3-verdict by "tick,model". */
  private static final Map<String, String> d3 = new HashMap<>();

  @BeforeAll
  static void runScenario() throws IOException {
    run = tmp.resolve("emergent");
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new String[] {
              "run",
              Repo.scenario("topology/emergent.yaml").toString(),
              "--quiet",
              "--no-report",
              "--out",
              run.toString()
            },
            new PrintWriter(new StringWriter()),
            new PrintWriter(err));
    assertEquals(0, code, err.toString());
    try (var files = Files.list(run.resolve("graph"))) {
      for (Path f :
          files.filter(p -> p.getFileName().toString().matches("w\\d+-\\d+\\.json")).toList()) {
        JsonNode doc = JSON.readTree(f.toFile());
        windows.put(doc.get("window").get("start").asInt(), doc);
      }
    }
    for (String line : Files.readAllLines(run.resolve("metrics.csv"))) {
      String[] f = line.split(",");
      if (f[3].equals("d3-verdict")) {
        d3.put(f[0] + "," + f[1], f[4]);
      }
    }
  }

  /** The model nodes of a window, by id. */
  private static Map<String, JsonNode> models(int start) {
    Map<String, JsonNode> out = new HashMap<>();
    for (JsonNode n : windows.get(start).get("nodes")) {
      if (n.get("detail__kind").asText().equals("model")) {
        out.put(n.get("id").asText(), n);
      }
    }
    return out;
  }

  /** The closed classes with no human data of a window, each as its sorted members. */
  private static Set<String> closed(int start) {
    Set<String> out = new TreeSet<>();
    for (JsonNode c : windows.get(start).get("classes")) {
      if (c.get("closed-without-human").asBoolean()) {
        List<String> members = new ArrayList<>();
        c.get("members").forEach(m -> members.add(m.asText()));
        out.add(String.join("+", members));
      }
    }
    return out;
  }

  @Test
  void graph_changesWithTheTimeline() {
    assertEquals(15, windows.size(), "150 ticks in windows of 10");
    assertEquals(Set.of(), closed(30), "before the crawl change everyone reaches people");
    assertEquals(Set.of("lab-b+lab-c"), closed(40), "lab-b and lab-c read only each other");
    assertEquals(
        "collapses",
        models(40).get("lab-d").get("subtitle").asText(),
        "lab-d reads only the closed pair: downstream of it");
    assertEquals("bounded", models(40).get("lab-a").get("subtitle").asText());
    assertFalse(models(50).containsKey("lab-e"), "not released yet");
    assertTrue(models(60).containsKey("lab-e"), "released at tick 60");
    assertEquals("bounded", models(60).get("lab-e").get("subtitle").asText());
    assertEquals(Set.of(), closed(90), "the pair reads people again");
    assertTrue(models(110).containsKey("lab-a"));
    assertFalse(models(120).containsKey("lab-a"), "retired at tick 120, its output gone");
    for (int start = 90; start < 150; start += 10) {
      for (JsonNode n : models(start).values()) {
        assertEquals("bounded", n.get("subtitle").asText(), n.get("id") + " at " + start);
      }
    }
  }

  @Test
  void predictedVerdicts_trackMeasuredDefinition3_onAtLeast90PercentOfModelWindows() {
    int known = 0;
    int agree = 0;
    List<String> disagreements = new ArrayList<>();
    for (int start = 0; start < 150; start += 10) {
      int end = start + 9;
      for (Map.Entry<String, JsonNode> e : models(start).entrySet()) {
        JsonNode last = e.getValue().get("detail__last_retrain");
        if (last.isNull() || last.asInt() < start) {
          continue; // no retrain in this window: retired, its input carried from before
        }
        String predicted = e.getValue().get("subtitle").asText();
        String measured = d3.get(last.asInt() + "," + e.getKey());
        if (predicted.equals("unknown") || measured == null || measured.equals("NA")) {
          continue;
        }
        known++;
        if (predicted.equals("collapses") == measured.equals("1")) {
          agree++;
        } else {
          disagreements.add(
              e.getKey()
                  + " in "
                  + start
                  + "-"
                  + end
                  + ": predicted "
                  + predicted
                  + ", definition 3 "
                  + measured);
        }
      }
    }
    assertTrue(known >= 60, "model-windows with both verdicts known: " + known);
    double share = (double) agree / known;
    System.out.println(
        "emergent: prediction and definition 3 agree on "
            + agree
            + " of "
            + known
            + " model-windows");
    assertTrue(share >= 0.9, agree + " of " + known + " agree; " + disagreements);
  }
}
