package ouroboros.sim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import ouroboros.agents.collapse.Definition;
import ouroboros.agents.collapse.Verdict;
import ouroboros.agents.model.RetrainReport;
import ouroboros.sim.scenario.compile.WorldCompiler;
import ouroboros.sim.scenario.load.ScenarioLoader;
import ouroboros.sim.testing.EngineTest;
import ouroboros.sim.testing.Repo;

/**
 * Runs every scenario in {@code scenarios/definitions/} and checks the final verdicts its {@code #
 * expect:} lines state, such as {@code # expect: lab d1=yes d4=no d6=n/a}. Each scenario has a
 * fixed seed, so its verdicts are exact; the expectations listed are the ones with a wide margin
 * (docs/metrics.md gives the numbers). Then checks that, over all the scenarios, each of the eight
 * definitions fires in at least one and stays quiet in another.
 */
@Tag("slow")
class DefinitionScenariosTest extends EngineTest {
  /** One expectation: model, definition, state. */
  record Expect(String model, Definition definition, Verdict.State state) {}

  static Stream<Path> scenarios() throws IOException {
    try (Stream<Path> files = Files.list(Repo.root().resolve("scenarios/definitions"))) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  /** The {@code # expect:} lines of a scenario file. */
  static List<Expect> expectations(Path file) throws IOException {
    List<Expect> out = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      if (!line.startsWith("# expect:")) {
        continue;
      }
      String[] words = line.substring("# expect:".length()).trim().split("\\s+");
      for (int i = 1; i < words.length; i++) {
        String[] kv = words[i].split("=");
        Definition d = Definition.values()[Integer.parseInt(kv[0].substring(1)) - 1];
        Verdict.State s =
            switch (kv[1]) {
              case "yes" -> Verdict.State.YES;
              case "no" -> Verdict.State.NO;
              case "n/a" -> Verdict.State.NOT_APPLICABLE;
              default -> throw new IllegalArgumentException(file + ": bad expectation " + words[i]);
            };
        out.add(new Expect(words[0], d, s));
      }
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void scenario_finalVerdicts_asExpected(Path file) throws Exception {
    List<Expect> expected = expectations(file);
    assertFalse(expected.isEmpty(), file + " has no # expect: line");
    World world =
        WorldCompiler.compile(
            new ScenarioLoader().load(file), new ScenarioLoader().load(file).seed());
    Map<String, RetrainReport> last = new HashMap<>();
    RunOutcome outcome = sim.run(world, r -> r.reports().forEach(rep -> last.put(rep.id(), rep)));
    assertTrue(outcome.completed(), outcome.failure());
    for (Expect e : expected) {
      RetrainReport r = last.get(e.model());
      assertTrue(r != null, file + ": no model " + e.model());
      Verdict v = r.verdicts().get(e.definition().ordinal());
      assertEquals(
          e.state(),
          v.state(),
          file.getFileName()
              + " "
              + e.model()
              + " d"
              + e.definition().index()
              + " (number "
              + v.number()
              + ")");
    }
  }

  @Test
  void everyDefinition_firesSomewhereAndStaysQuietElsewhere() throws Exception {
    Set<Definition> fires = EnumSet.noneOf(Definition.class);
    Set<Definition> quiet = EnumSet.noneOf(Definition.class);
    for (Path file : scenarios().toList()) {
      for (Expect e : expectations(file)) {
        (e.state() == Verdict.State.YES
                ? fires
                : e.state() == Verdict.State.NO ? quiet : EnumSet.noneOf(Definition.class))
            .add(e.definition());
      }
    }
    assertEquals(EnumSet.allOf(Definition.class), fires, "definitions that fire somewhere");
    assertEquals(EnumSet.allOf(Definition.class), quiet, "definitions that stay quiet somewhere");
  }
}
