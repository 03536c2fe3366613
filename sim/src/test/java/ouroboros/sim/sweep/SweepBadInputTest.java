package ouroboros.sim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import ouroboros.sim.scenario.spec.Scenario;

/**
 * A sweep with a path that addresses nothing, or a value of the wrong type, is rejected before any
 * run starts, as clearly as a bad scenario: exit code 2, one line {@code error: FILE:LINE:COL:
 * PATH: found X, expected Y} per problem with a suggestion for a near name, nothing on standard
 * output, and no sweep directory. Each case's sweep file starts with {@code base}, {@code
 * replicates} and its shape's key on lines 1 to 3, so that its first path is on line 4, column 3.
 */
class SweepBadInputTest {
  private static final String MODEL_KEYS =
      "[crawl, estimator, family, first-retrain,"
          + " fresh-human-fraction, human-share, id, initial, pipeline, population, publish-rate,"
          + " publish-to,"
          + " regime, retrain-every, sampling, scrape, site, trains-on, watermark, window]";

  @TempDir Path tmp;

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "a misspelt key",
            "grid:\n  models[*].fresh-human-fractoin: [0.1]\n",
            "4:3: models[*].fresh-human-fractoin: found unknown key 'fresh-human-fractoin' in"
                + " models[*], expected one of "
                + MODEL_KEYS
                + " (did you mean 'fresh-human-fraction'?)"),
        Arguments.of(
            "an unknown model id",
            "grid:\n  models[lab-replce].regime: [replace]\n",
            "4:3: models[lab-replce].regime: found no entry with id or stage 'lab-replce' in"
                + " models, expected one of [lab-replace, lab-accumulate, lab-fresh]"
                + " (did you mean 'lab-replace'?)"),
        Arguments.of(
            "two paths to one key (QA, stop 32: the cell's label named the value set first)",
            "grid:\n  models[*].regime: [replace, accumulate]\n  models[lab-replace].regime:"
                + " [accumulate]\n",
            "5:3: models[lab-replace].regime: found models[lab-replace].regime, which sets"
                + " models[0].regime as models[*].regime does, expected paths that each set keys"
                + " of their own: with two values for one key, the last one set wins and the"
                + " cell's label names the other"),
        Arguments.of(
            "a predicted boundary of the wrong length (QA, stop 32: cut short in silence)",
            "grid:\n  models[*].scrape: [20, 50]\n  models[*].publish-rate: [10, 20]\n"
                + "report: {predicted: [30, 40, 45]}\n",
            "6:21: report.predicted: found a list of 3 values, expected one y value (or null) per"
                + " value of the x path models[*].scrape, which has 2"),
        Arguments.of(
            "a predicted boundary for a facet value the sweep does not have (QA: never drawn)",
            "grid:\n  models[*].scrape: [20, 50]\n  models[*].publish-rate: [10, 20]\n"
                + "  models[lab-fresh].fresh-human-fraction: [0.0, 0.4]\n"
                + "report: {predicted: {\"0.7\": [null, 34]}}\n",
            "7:22: report.predicted.0.7: found '0.7', expected a value of the facet"
                + " models[lab-fresh].fresh-human-fraction, one of [0.0, 0.4]: the report draws"
                + " one heatmap per value of the facet"),
        Arguments.of(
            "a predicted boundary as a bare list in a sweep of three paths (QA: never drawn)",
            "grid:\n  models[*].scrape: [20, 50]\n  models[*].publish-rate: [10, 20]\n"
                + "  models[lab-fresh].fresh-human-fraction: [0.0, 0.4]\n"
                + "report: {predicted: [null, 34]}\n",
            "7:21: report.predicted: found a list in a sweep of three paths, expected a mapping"
                + " from values of the facet models[lab-fresh].fresh-human-fraction [0.0, 0.4] to"
                + " lists of y values: the report draws one heatmap per value of the facet"),
        Arguments.of(
            "a predicted boundary by facet value in a sweep of two paths",
            "grid:\n  models[*].scrape: [20, 50]\n  models[*].publish-rate: [10, 20]\n"
                + "report: {predicted: {\"0.0\": [null, 34]}}\n",
            "6:21: report.predicted: found a mapping in a sweep of two paths, expected one list"
                + " of y values (or nulls), one per value of the x path models[*].scrape: the"
                + " report draws one heatmap, with no facet"),
        Arguments.of(
            "a predicted boundary in a sweep of one path",
            "grid:\n  models[*].scrape: [20, 50]\nreport: {predicted: [30, 40]}\n",
            "5:21: report.predicted: found a predicted boundary in a sweep of 1 path, expected a"
                + " sweep of two or three paths: the report draws it over the collapse map's"
                + " heatmap"),
        Arguments.of(
            "an empty grid (QA, stop 32: it said 'found a mapping, expected a mapping')",
            "grid: {}\n",
            "3:7: grid: found an empty mapping, expected a mapping of paths to lists of values,"
                + " such as {\"models[*].regime\": [replace, accumulate]}"),
        Arguments.of(
            "a path inside a key another path sets",
            "grid:\n  models[0].crawl: [{sites: [forum]}]\n  models[0].crawl.sites: [[forum]]\n",
            "5:3: models[0].crawl.sites: found models[0].crawl.sites, which sets"
                + " models[0].crawl.sites as models[0].crawl does, expected paths that each set"
                + " keys of their own: with two values for one key, the last one set wins and the"
                + " cell's label names the other"),
        Arguments.of(
            "an index past the end",
            "grid:\n  models[3].scrape: [10]\n",
            "4:3: models[3].scrape: found the index 3 in models, which has 3 entries, expected"
                + " an index from 0 to 2"),
        Arguments.of(
            "a key the domain does not use",
            "grid:\n  models[*].sampling.top-k: [3]\n",
            "4:3: models[*].sampling.top-k: found unknown key 'top-k' in models[*].sampling,"
                + " expected one of [temperature]"),
        Arguments.of(
            "a selector on a value",
            "grid:\n  seed[0]: [1]\n",
            "4:3: seed[0]: found the number 7 at seed, expected no selector: seed is not a list"),
        Arguments.of(
            "a malformed path",
            "grid:\n  models[*.regime: [replace]\n",
            "4:3: models[*.regime: found a '[' at character 7 with no ']', expected a path of"
                + " kebab-case keys joined by '.', each optionally followed by [id], [*] or"
                + " [index], such as models[lab-a].regime"),
        Arguments.of(
            "text for a number",
            "grid:\n  models[lab-fresh].fresh-human-fraction:" + " [0.1, lots]\n",
            "4:49: models[lab-fresh].fresh-human-fraction: found the text 'lots', expected a"
                + " number"),
        Arguments.of(
            "a fraction for a whole number",
            "grid:\n  models[*].scrape: [10, 2.5]\n",
            "4:26: models[*].scrape: found the decimal number 2.5, expected a whole number from 1"
                + " to 10000000"),
        Arguments.of(
            "an unknown regime",
            "zip:\n  models[*].regime: [accumulate, replaec]\n",
            "4:34: models[*].regime: found 'replaec', expected a known regime, one of [replace,"
                + " accumulate, accumulate-subsample, window] (did you mean 'replace'?)"),
        Arguments.of(
            "a misspelt key inside a value",
            "list:\n  - models[*].crawl: {sitse: [forum]}\n",
            "4:22: models[*].crawl: found unknown key 'sitse', expected one of [exponent, policy,"
                + " sites, weights, window]"
                + " (did you mean 'sites'?)"),
        Arguments.of(
            "an unknown site in a list value",
            "list:\n  - models[lab-fresh].crawl.sites: [fresh-blog, nowhere]\n",
            "4:49: models[lab-fresh].crawl.sites[1]: found 'nowhere', expected one of the"
                + " scenario's sites [accumulate-blog, forum, fresh-blog, replace-blog]"),
        Arguments.of(
            "zip lists of unequal length",
            "zip:\n  models[*].regime: [replace, accumulate]\n  seed: [1, 2, 3]\n",
            "5:9: seed: found a list of 3 values, expected 2 values, as many as"
                + " models[*].regime has: zip takes the i-th value of every path together"),
        Arguments.of(
            "a misspelt report key",
            "grid:\n  seed: [1, 2]\nreport: {metrc: variance-ratio}\n",
            "5:10: report: found unknown key 'metrc', expected one of [metric, model,"
                + " definition, facet, predicted] (did you mean 'metric'?)"),
        Arguments.of(
            "a report definition out of range",
            "grid:\n  seed: [1, 2]\nreport: {definition: d9}\n",
            "5:22: report.definition: found 'd9', expected d1 to d8 (or 1 to 8)"),
        Arguments.of(
            "a report facet that is not a swept path",
            "grid:\n  seed: [1]\n  models[*].scrape: [10]\n  models[*].regime: [replace]\n"
                + "report: {facet: \"models[*].scrap\"}\n",
            "7:17: report.facet: found 'models[*].scrap', expected one of the swept paths"
                + " [seed, models[*].scrape, models[*].regime] (did you mean"
                + " 'models[*].scrape'?)"),
        Arguments.of(
            "a report facet in a sweep of two paths",
            "grid:\n  seed: [1]\n  models[*].scrape: [10]\nreport: {facet: seed}\n",
            "6:17: report.facet: found a facet in a sweep of 2 paths, expected a sweep of three"
                + " paths: the report draws one heatmap of the other two per value of the"
                + " facet"),
        Arguments.of(
            "a report model the base does not have",
            "grid:\n  seed: [1, 2]\nreport: {model: lab-replce}\n",
            "5:17: report.model: found 'lab-replce', expected a model every cell has,"
                + " one of [lab-replace, lab-accumulate, lab-fresh] (did you mean"
                + " 'lab-replace'?)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void sweep_badPathOrValue_rejectedBeforeAnyRun(String what, String shape, String error)
      throws Exception {
    Sweeps.write(tmp, "base.yaml", Sweeps.BASE);
    Path sweep = Sweeps.write(tmp, "sweep.yaml", "base: base.yaml\nreplicates: 2\n" + shape);
    Path out = tmp.resolve("out");
    Sweeps.Result r = Sweeps.run("sweep", sweep.toString(), "--out", out.toString(), "--quiet");
    assertEquals(2, r.code(), what + ": " + r.stderr());
    assertEquals("error: " + sweep + ":" + error + "\n", r.stderr(), what);
    assertEquals("", r.stdout(), what);
    assertFalse(Files.exists(out), what + ": the sweep directory was created");
  }

  @Test
  void sweep_badPathsAndBadValues_eachOnItsOwnLineInFileOrder() throws Exception {
    Sweeps.write(tmp, "base.yaml", Sweeps.BASE);
    Path sweep =
        Sweeps.write(
            tmp,
            "sweep.yaml",
            """
        base: base.yaml
        list:
          - sites[0].id: elsewhere
          - models[lab-fresh].regime: replaec
            models[*].sampling.temperature: -1
          - models[*].scrap: 10
        """);
    Sweeps.Result r = Sweeps.run("sweep", sweep.toString(), "--quiet");
    assertEquals(2, r.code(), r.stderr());
    assertEquals(
        String.join(
                "\n",
                "error: "
                    + sweep
                    + ":3:18: humans[0].site: found 'forum' (in cell 0, where"
                    + " sites[0].id = elsewhere), expected one of the scenario's sites"
                    + " [accumulate-blog, elsewhere, fresh-blog, replace-blog]",
                "error: "
                    + sweep
                    + ":4:31: models[lab-fresh].regime: found 'replaec', expected a known"
                    + " regime, one of [replace, accumulate, accumulate-subsample, window]"
                    + " (did you mean 'replace'?)",
                "error: "
                    + sweep
                    + ":5:37: models[*].sampling.temperature: found -1.0, expected a"
                    + " temperature greater than 0",
                "error: "
                    + sweep
                    + ":6:5: models[*].scrap: found unknown key 'scrap' in models[*],"
                    + " expected one of "
                    + MODEL_KEYS
                    + " (did you mean 'scrape'?)")
            + "\n",
        r.stderr());
  }

  @Test
  void sweep_sweepFileKeys_checkedWithSuggestions() throws Exception {
    Sweeps.write(tmp, "base.yaml", Sweeps.BASE);
    Path sweep =
        Sweeps.write(
            tmp,
            "sweep.yaml",
            """
        base: base.yaml
        replicate: 2
        engine-threads: 0
        grid:
          seed: 5
        """);
    Sweeps.Result r = Sweeps.run("sweep", sweep.toString(), "--quiet");
    assertEquals(2, r.code(), r.stderr());
    assertEquals(
        String.join(
                "\n",
                "error: "
                    + sweep
                    + ":2:1: found unknown key 'replicate', expected one of [base, name,"
                    + " description, replicates, engine-threads, grid, zip, list, report]"
                    + " (did you mean 'replicates'?)",
                "error: "
                    + sweep
                    + ":3:17: engine-threads: found the number 0, expected a whole number"
                    + " of at least 1",
                "error: "
                    + sweep
                    + ":5:9: seed: found the number 5, expected a non-empty list of values"
                    + " for this path, such as [5, ...]")
            + "\n",
        r.stderr());
  }

  @Test
  void sweep_missingBase_namedAtTheBaseKey() throws Exception {
    Path sweep = Sweeps.write(tmp, "sweeps/s.yaml", "base: ../nothere.yaml\ngrid:\n  seed: [1]\n");
    Sweeps.Result r = Sweeps.run("sweep", sweep.toString(), "--quiet");
    assertEquals(2, r.code(), r.stderr());
    assertEquals(
        "error: "
            + sweep
            + ":1:7: base: found '../nothere.yaml', but "
            + tmp.resolve("nothere.yaml")
            + " is no file, expected the path of the base scenario,"
            + " relative to this file\n",
        r.stderr());
  }

  @Test
  void sweep_errorOfTheBaseAlone_namesTheBaseFile() throws Exception {
    Path base = Sweeps.write(tmp, "base.yaml", Sweeps.BASE.replaceFirst("scrape: 20", "scrape: 0"));
    Path sweep = Sweeps.write(tmp, "sweeps/s.yaml", "base: ../base.yaml\ngrid:\n  seed: [1, 2]\n");
    Sweeps.Result r = Sweeps.run("sweep", sweep.toString(), "--quiet");
    assertEquals(2, r.code(), r.stderr());
    assertEquals(
        "error: "
            + base
            + ":17:13: models[0].scrape: found 0, expected a whole number"
            + " of at least 1\n",
        r.stderr());
  }

  @Test
  void plan_absentOptionalKey_isCreated() throws Exception {
    Sweeps.write(tmp, "base.yaml", Sweeps.BASE);
    Path sweep =
        Sweeps.write(
            tmp,
            "sweep.yaml",
            """
        base: base.yaml
        grid:
          models[lab-fresh].sampling.temperature: [0.5, 2]
          models[*].estimator.variance: [unbiased]
        """);
    SweepPlan plan = SweepPlan.check(SweepFile.read(sweep));
    assertEquals(2, plan.scenarios().size());
    Scenario second = plan.scenarios().get(1);
    assertEquals(2.0, second.models().get(2).sampling().temperature());
    assertEquals(1.0, second.models().get(0).sampling().temperature(), "the default elsewhere");
    assertEquals("unbiased", second.models().get(0).estimator().variance());
  }

  @Test
  void defaultName_fileNameWithCharactersANameMayNotHave_replacedByDashes() throws Exception {
    // QA: "fresh data.yaml" gave the name "sweep" (and runs/sweep-sweep-<timestamp>).
    Sweeps.write(tmp, "base.yaml", Sweeps.BASE);
    Path sweep = Sweeps.write(tmp, "fresh data.yaml", "base: base.yaml\ngrid:\n  seed: [1]\n");
    assertEquals("fresh-data", SweepFile.read(sweep).name());
    assertEquals("a-b.c", SweepFile.defaultName(Path.of(" a  é b.c.yml")));
    assertEquals("sweep", SweepFile.defaultName(Path.of("ëé.yaml")));
  }
}
