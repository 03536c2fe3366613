package ouroboros.sim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ouroboros.sim.testing.Repo;

/**
 * Issue 12: {@code ouroboros graph} marks a "collapses" that the regime contradicts. The closed
 * pair of scenarios/topology/closed-pair.yaml (linear regression) trains only on itself; under
 * replace it is predicted to collapse, bare; when both members accumulate from a start with no data
 * of their own (initial: truth), it is still closed and predicted to collapse, but the error stays
 * bounded (SCIENCE.md: accumulate, sum of c/i^2), so the verdict is marked, with the measured
 * definition 3 beside it.
 */
class GraphCaveatsTest {
  private static final Path PAIR = Repo.root().resolve("scenarios/topology/closed-pair.yaml");

  @TempDir Path tmp;

  private List<String> graph(String name, String... sets) {
    Path out = tmp.resolve(name);
    String[] args = new String[5 + 2 * sets.length];
    args[0] = "run";
    args[1] = PAIR.toString();
    args[2] = "--quiet";
    args[3] = "--out=" + out;
    args[4] = "--no-report";
    for (int i = 0; i < sets.length; i++) {
      args[5 + 2 * i] = "--set";
      args[6 + 2 * i] = sets[i];
    }
    CliHelpTest.Result r = CliHelpTest.run(args);
    assertEquals(0, r.code(), r.err());
    CliHelpTest.Result g = CliHelpTest.run("graph", out.toString());
    assertEquals(0, g.code(), g.err());
    return g.out().lines().toList();
  }

  @Test
  void graph_closedPairReplace_bareCollapses() {
    List<String> lines = graph("replace", "ticks=30");
    assertTrue(lines.get(2).matches("a +model .* collapses"), lines.get(2));
    assertFalse(String.join("\n", lines).contains("*"), String.join("\n", lines));
  }

  @Test
  void graph_closedPairAccumulating_collapsesMarkedWithMeasuredD3() {
    List<String> lines =
        graph(
            "accumulate",
            "ticks=30",
            "collapse.trend-window=10",
            "models[a].regime=accumulate",
            "models[b].regime=accumulate",
            "models[a].initial=truth",
            "models[b].initial=truth");
    for (int i = 2; i <= 4; i++) {
      assertTrue(lines.get(i).endsWith(" collapses*"), lines.get(i));
    }
    String note =
        lines.stream().filter(l -> l.startsWith("* ")).findFirst().orElseThrow(AssertionError::new);
    assertTrue(note.contains("({a, b}) accumulates its data"), note);
    assertTrue(
        note.matches(".*Measured d3 \\(diverging risk\\): a (yes|no), b (yes|no), c (yes|no)"),
        note);
  }
}
