package ouroboros.sim.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import ouroboros.sim.scenario.check.ScenarioException;
import ouroboros.sim.scenario.load.ScenarioLoader;
import ouroboros.sim.scenario.spec.OutputSpec;
import ouroboros.sim.scenario.spec.Scenario;

/** The {@code output:} block: its defaults, its seeded sample and its located errors. */
class OutputOptionsTest {
  private static final String BASE =
      """
      name: out
      ticks: 2
      domain: {type: gaussian, dimensions: 1}
      humans:
        - {id: people, publish-rate: 10}
      models:
        - {id: a, regime: replace, scrape: 10, publish-rate: 10}
      """;

  @Test
  void auto_keepsAllUpToTheLimit_thenASampleOfTheSampleSize() {
    assertEquals(1000, count(OutputOptions.DEFAULTS.kept(1000, 1)));
    assertFalse(OutputOptions.aggregates(OutputOptions.DEFAULTS.kept(1000, 1)));
    boolean[] big = OutputOptions.DEFAULTS.kept(5000, 1);
    assertEquals(1000, count(big));
    assertTrue(OutputOptions.aggregates(big));
  }

  @Test
  void sample_sameSeed_sameModels_otherSeed_otherModels() {
    OutputOptions sample = new OutputOptions("sample", 10);
    assertArrayEquals(sample.kept(500, 7), sample.kept(500, 7));
    assertFalse(java.util.Arrays.equals(sample.kept(500, 7), sample.kept(500, 8)));
    assertEquals(10, count(sample.kept(500, 7)));
    assertEquals(5, count(sample.kept(5, 7)), "a sample larger than the run keeps every model");
  }

  @Test
  void allAndNone() {
    assertEquals(3000, count(new OutputOptions("all", 10).kept(3000, 1)));
    boolean[] none = new OutputOptions("none", 10).kept(3, 1);
    assertEquals(0, count(none));
    assertTrue(OutputOptions.aggregates(none), "with no model listed, the summary aggregates");
  }

  @Test
  void block_absentOrPartial_writtenBackWithEveryDefault() throws Exception {
    // docs/outputs.md: scenario.yaml is the resolved scenario, every default filled in; the block
    // was left out when absent, and sample-size left out beside per-model-rows: none.
    ScenarioLoader loader = new ScenarioLoader();
    OutputOptions d = OutputOptions.DEFAULTS;
    Scenario s = loader.parse("base.yaml", BASE);
    assertEquals(new OutputSpec(d.perModelRows(), d.sampleSize()), s.output());
    assertTrue(
        loader
            .write(s)
            .contains(
                "output:\n  per-model-rows: "
                    + d.perModelRows()
                    + "\n  sample-size: "
                    + d.sampleSize()
                    + "\n"),
        loader.write(s));
    Scenario given = loader.parse("given.yaml", BASE + "output: {per-model-rows: none}\n");
    assertEquals(new OutputSpec("none", d.sampleSize()), given.output());
    assertEquals(new OutputOptions("none", d.sampleSize()), OutputOptions.of(given.output()));
    String written = loader.write(given);
    assertTrue(
        written.contains("output:\n  per-model-rows: none\n  sample-size: " + d.sampleSize()),
        written);
    // The written scenario reads back as the same scenario, and writes the same bytes.
    assertEquals(given, loader.parse("scenario.yaml", written));
    assertEquals(written, loader.write(loader.parse("scenario.yaml", written)));
  }

  @Test
  void badValues_locatedMessages() {
    ScenarioException e =
        assertThrows(
            ScenarioException.class,
            () ->
                new ScenarioLoader()
                    .parse("bad.yaml", BASE + "output:\n  per-model-rows: sampel\n"));
    assertTrue(e.getMessage().contains("bad.yaml:9:19"), e.getMessage());
    assertTrue(
        e.getMessage()
            .contains(
                "output.per-model-rows: found 'sampel', expected one of"
                    + " [all, sample, none, auto] (did you mean 'sample'?)"),
        e.getMessage());
    e =
        assertThrows(
            ScenarioException.class,
            () -> new ScenarioLoader().parse("bad.yaml", BASE + "output: {sample-size: 0}\n"));
    assertTrue(
        e.getMessage()
            .contains(
                "bad.yaml:8:23: output.sample-size: found 0, expected a"
                    + " whole number of at least 1"),
        e.getMessage());
    e =
        assertThrows(
            ScenarioException.class,
            () -> new ScenarioLoader().parse("bad.yaml", BASE + "output: {per-model-row: all}\n"));
    assertTrue(e.getMessage().contains("did you mean 'per-model-rows'?"), e.getMessage());
  }

  private static int count(boolean[] b) {
    int n = 0;
    for (boolean x : b) {
      n += x ? 1 : 0;
    }
    return n;
  }
}
