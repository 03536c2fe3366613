package ouroboros.sim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import ouroboros.sim.report.ReportDefaults;
import ouroboros.sim.scenario.stage.WatermarkFilterSpec;
import ouroboros.sim.testing.Repo;

/**
 * Every example sweep under {@code scenarios/sweeps/} loads, and every one of its cells is a valid
 * scenario (ScenarioSchemaTest checks the scenarios and leaves the sweeps to this test).
 */
class SweepExamplesTest {
  static Stream<Path> sweeps() throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.list(Repo.root().resolve("scenarios/sweeps"))) {
      files = walk.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
    }
    assertFalse(files.isEmpty(), "no example sweeps");
    return files.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sweeps")
  void example_everyCell_validates(Path file) throws Exception {
    SweepPlan plan = SweepPlan.check(SweepFile.read(file));
    assertEquals(plan.sweep().cells().size(), plan.scenarios().size());
  }

  @Test
  void freshData_gridOfSixCells_threeReplicates() throws Exception {
    SweepPlan plan =
        SweepPlan.check(SweepFile.read(Repo.root().resolve("scenarios/sweeps/fresh-data.yaml")));
    assertEquals(6, plan.sweep().cells().size());
    assertEquals(3, plan.sweep().replicates());
    // The last key varies fastest: cell 1 keeps the first fraction with the second regime.
    var cell1 = plan.scenarios().get(1).models().get(0);
    assertEquals(0.0, cell1.freshHumanFraction());
    assertEquals("accumulate", cell1.regime());
    var cell4 = plan.scenarios().get(4).models().get(2);
    assertEquals(0.3, cell4.freshHumanFraction());
    assertEquals("replace", cell4.regime());
    assertEquals(ReportDefaults.NONE, plan.sweep().report());
  }

  @Test
  void watermarkStress_threePathGrid_fiveReplicates_reportDefaults() throws Exception {
    SweepPlan plan =
        SweepPlan.check(
            SweepFile.read(Repo.root().resolve("scenarios/sweeps/watermark-stress.yaml")));
    assertEquals(4 * 4 * 3, plan.sweep().cells().size());
    assertEquals(5, plan.sweep().replicates());
    ReportDefaults report = plan.sweep().report();
    assertEquals(
        List.of("variance-ratio", 5, "humans[people].laundering.share"),
        List.of(report.metric(), report.definition(), report.facet()));
    assertEquals(null, report.model());
    // The predicted boundary is the comment's t*(r, L) = 1 - (1-f)(1 - (1 + 3L)/(3r)), f = 0.01,
    // rounded to two decimals, null (never) when r <= 1/3 + L.
    for (double l : new double[] {0.0, 0.2, 0.4}) {
      List<Double> t = report.predicted().get(Double.toString(l));
      double[] rates = {0.25, 0.5, 0.75, 1.0};
      for (int i = 0; i < rates.length; i++) {
        double r = rates[i];
        Double expected =
            r <= 1.0 / 3 + l
                ? null
                : Math.round(100 * (1 - 0.99 * (1 - (1 + 3 * l) / (3 * r)))) / 100.0;
        assertEquals(expected, t.get(i), "L " + l + ", r " + r);
      }
    }
    // Cell 13 = 1 x 12 + 0 x 3 + 1: rate 0.5, TPR 0.5, laundering 0.2.
    var scenario = plan.scenarios().get(13);
    var lab = scenario.models().get(0);
    assertEquals(0.5, lab.watermark().rate());
    assertEquals(0.5, ((WatermarkFilterSpec) lab.pipeline().get(0)).tpr());
    assertEquals(0.2, scenario.humans().get(0).laundering().share());
  }
}
