package ouroboros.sim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ouroboros.sim.testing.Repo;

/**
 * {@code ouroboros validate}'s summary line counts the agents the run builds: with {@code copies:}
 * the world holds R times the human sources and models (docs/scenarios.md, "Copies"), which the
 * line used to leave out ("3 models" for a run of 3,000).
 */
class ValidateCountsTest {
  @TempDir Path tmp;

  @Test
  void validate_copies_countsEveryCopy() {
    Path file = Repo.root().resolve("scenarios/papers/kazdan-gaussian-copies.yaml");
    CliHelpTest.Result r =
        CliHelpTest.run("validate", file.toString(), "--set", "copies.count=1000");
    assertEquals(0, r.code(), r.err());
    assertEquals(
        "ok: " + file + " (0 human sources, 3 models x 1000 copies = 3000 models, 50 ticks)",
        r.out().strip());
  }

  @Test
  void validate_oneCopyWithHumans_saysSo_andNoCopiesStaysPlain() throws Exception {
    String world =
        "name: c\nticks: 2\ndomain: {type: gaussian, dimensions: 1}\n"
            + "humans: [{id: h, publish-rate: 5}]\n"
            + "models: [{id: m, regime: replace, scrape: 5, publish-rate: 5}]\n";
    Path one = Files.writeString(tmp.resolve("one.yaml"), world + "copies: {count: 1}\n");
    CliHelpTest.Result r = CliHelpTest.run("validate", one.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals(
        "ok: "
            + one
            + " (1 human source x 1 copy = 1 human source, 1 model x 1 copy = 1 model,"
            + " 2 ticks)",
        r.out().strip());
    Path plain = Files.writeString(tmp.resolve("plain.yaml"), world);
    r = CliHelpTest.run("validate", plain.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals("ok: " + plain + " (1 human source, 1 model, 2 ticks)", r.out().strip());
  }

  @Test
  void validate_timelineRelease_countsTheReleasedModels() throws Exception {
    // QA: a population of 4 models with one release printed "4 models"; the run built 5.
    String world =
        "name: r\nticks: 3\ndomain: {type: gaussian, dimensions: 1}\n"
            + "humans: [{id: h, publish-rate: 5}]\n"
            + "models: [{id: m, regime: replace, scrape: 5, publish-rate: 5}]\n"
            + "timeline: [{tick: 1, release: {id: newlab, like: m}}]\n";
    Path plain = Files.writeString(tmp.resolve("release.yaml"), world);
    CliHelpTest.Result r = CliHelpTest.run("validate", plain.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals("ok: " + plain + " (1 human source, 2 models, 3 ticks)", r.out().strip());
    Path copies = Files.writeString(tmp.resolve("copies.yaml"), world + "copies: {count: 3}\n");
    r = CliHelpTest.run("validate", copies.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals(
        "ok: "
            + copies
            + " (1 human source x 3 copies = 3 human sources, 2 models x 3 copies = 6 models,"
            + " 3 ticks)",
        r.out().strip());
  }
}
