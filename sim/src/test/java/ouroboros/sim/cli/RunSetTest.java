package ouroboros.sim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ouroboros.sim.scenario.load.Yaml;

/**
 * {@code ouroboros run FILE --set KEY=VALUE}: overrides go into the scenario's tree before it is
 * checked, with the paths of sweep files; a bad path or value exits with 2 and one located {@code
 * error: --set KEY=VALUE: ...} line, before any run directory is made.
 */
class RunSetTest {
  private static final String SCENARIO =
      """
      name: set-test
      seed: 7
      ticks: 20
      domain: {type: gaussian, dimensions: 1, mean: [0.0], variance: [1.0]}
      web: {retention: 1}
      sites:
        - id: forum
        - id: blog-a
        - id: blog-b
      humans:
        - {id: people, publish-rate: 2, site: forum}
      models:
        - {id: lab-a, regime: replace, initial: truth, scrape: 20, publish-rate: 20,
           site: blog-a, crawl: {sites: [blog-a]}}
        - {id: lab-b, regime: replace, initial: truth, scrape: 20, publish-rate: 20,
           site: blog-b, crawl: {sites: [blog-b]}}
      """;

  @TempDir Path tmp;

  /** What one run printed and returned. */
  private record Result(int code, String out, String err) {}

  @Test
  void set_pathsByIdIndexAndStar_reachTheRunsScenario() throws IOException {
    Path dir = tmp.resolve("run");
    Result r =
        run(
            dir,
            "ticks=3",
            "models[lab-b].regime=accumulate",
            "sites[1].weight=2.5",
            "models[*].sampling.temperature=0.9",
            "models[lab-a].crawl={sites: [forum, blog-a]}");
    assertEquals(0, r.code(), r.err());
    JsonNode s = Yaml.mapper().readTree(Files.readString(dir.resolve("scenario.yaml")));
    assertEquals(3, s.get("ticks").asInt());
    assertEquals("replace", s.at("/models/0/regime").asText(), "lab-a is not lab-b");
    assertEquals("accumulate", s.at("/models/1/regime").asText());
    assertEquals(2.5, s.at("/sites/1/weight").asDouble());
    assertFalse(s.at("/sites/0").has("weight"), "the other sites keep no weight");
    assertEquals(0.9, s.at("/models/0/sampling/temperature").asDouble());
    assertEquals(0.9, s.at("/models/1/sampling/temperature").asDouble());
    assertEquals("[\"forum\",\"blog-a\"]", s.at("/models/0/crawl/sites").toString());
    assertEquals(
        3,
        Files.readAllLines(dir.resolve("metrics.csv")).stream()
            .skip(1)
            .map(l -> l.substring(0, l.indexOf(',')))
            .distinct()
            .count(),
        "3 ticks ran");
  }

  @Test
  void set_laterOverrideWins() throws IOException {
    Path dir = tmp.resolve("run");
    Result r = run(dir, "ticks=5", "ticks=2");
    assertEquals(0, r.code(), r.err());
    JsonNode s = Yaml.mapper().readTree(Files.readString(dir.resolve("scenario.yaml")));
    assertEquals(2, s.get("ticks").asInt());
  }

  @Test
  void set_unknownKey_suggestsKey() throws IOException {
    assertRefused(
        "error: --set models[lab-a].regme=accumulate: found unknown key 'regme' in"
            + " models[lab-a], expected one of [",
        "(did you mean 'regime'?)",
        "models[lab-a].regme=accumulate");
  }

  @Test
  void set_unknownModelId_listsIds() throws IOException {
    assertRefused(
        "error: --set models[lab-c].regime=accumulate: found no entry with id or stage"
            + " 'lab-c' in models, expected one of [lab-a, lab-b]",
        "",
        "models[lab-c].regime=accumulate");
  }

  @Test
  void set_badValue_namesTheOverrideAndTheKey() throws IOException {
    assertRefused(
        "error: --set models[lab-b].regime=replce: models[1].regime: found 'replce',"
            + " expected ",
        "(did you mean 'replace'?)",
        "models[lab-b].regime=replce");
    assertRefused("error: --set ticks=0: ticks: found 0, expected ", "", "ticks=0");
  }

  @Test
  void set_stageNamedTwiceInAPipeline_refusedWithTheIndices() throws IOException {
    // QA, stop 34: both stages were set, silently.
    assertRefused(
        "error: --set models[lab-a].pipeline[watermark-filter].tpr=1.0: found 2 entries named"
            + " 'watermark-filter' in models[lab-a].pipeline (at [0, 1]), expected a selector that"
            + " picks one: address each by its index, models[lab-a].pipeline[0] or"
            + " models[lab-a].pipeline[1]",
        "",
        "models[lab-a].pipeline=[{stage: watermark-filter, tpr: 0.5},"
            + " {stage: watermark-filter, tpr: 0.3}]",
        "models[lab-a].pipeline[watermark-filter].tpr=1.0");
  }

  @Test
  void set_intoADrawnListValueOfATemplate_reachesTheDistribution() throws IOException {
    // QA, stop 34: a path into {draw: ...} under a list-valued key (crawl.weights) was refused as
    // "takes a plain value"; under a scalar key it worked.
    Path file = tmp.resolve("drawn.yaml");
    Files.writeString(
        file,
        SCENARIO.replace(
            "models:\n",
            "populations:\n"
                + "  - {id: labs, kind: model, count: 3, id-pattern: 'l{i}', template: {regime:"
                + " replace, scrape: 20, publish-rate: 20, crawl: {policy: site-mix, sites: [forum,"
                + " blog-a], weights: {draw: {dirichlet: [1, 2]}}}}}\n"
                + "models:\n"));
    Path dir = tmp.resolve("drawn");
    Result r =
        main(
            "run",
            file.toString(),
            "--quiet",
            "--no-report",
            "--out",
            dir.toString(),
            "--set",
            "populations[labs].template.crawl.weights.draw.dirichlet=[5, 1]");
    assertEquals(0, r.code(), r.err());
    JsonNode s = Yaml.mapper().readTree(Files.readString(dir.resolve("scenario.yaml")));
    assertEquals(
        "[5,1]",
        s.at("/populations/0/template/crawl/weights/draw/dirichlet").toString(),
        s.toString());
    Result bad =
        main(
            "validate",
            file.toString(),
            "--set",
            "populations[labs].template.crawl.weights.draw.dirichlett=[5, 1]");
    assertEquals(2, bad.code(), bad.err());
    assertTrue(bad.err().contains("(did you mean 'dirichlet'?)"), bad.err());
  }

  @Test
  void set_indexPastTheList_givesTheRange() throws IOException {
    assertRefused(
        "error: --set sites[3].weight=2: found the index 3 in sites, which has 3"
            + " entries, expected an index from 0 to 2",
        "",
        "sites[3].weight=2");
  }

  @Test
  void set_malformed_saysWhatIsMissing() throws IOException {
    assertRefused("error: --set ticks: found no '=' in 'ticks', expected KEY=VALUE", "", "ticks");
    assertRefused(
        "error: --set models..x=1: found '.' where a key should start, at character 8,"
            + " expected a path of kebab-case keys",
        "",
        "models..x=1");
    assertRefused(
        "error: --set ticks=: found no value after '=' in 'ticks=', expected", "", "ticks=");
  }

  @Test
  void validate_takesTheSameOverrides() throws IOException {
    Path file = write();
    Result ok =
        main(
            "validate",
            file.toString(),
            "--set",
            "ticks=3",
            "--set",
            "models[lab-a].regime=accumulate");
    assertEquals(0, ok.code(), ok.err());
    assertEquals("ok: " + file + " (1 human source, 2 models, 3 ticks)", ok.out().strip());
    Result bad = main("validate", file.toString(), "--set", "models[lab-a].regme=accumulate");
    assertEquals(2, bad.code());
    assertTrue(
        bad.err()
            .startsWith(
                "error: --set models[lab-a].regme=accumulate: found unknown"
                    + " key 'regme' in models[lab-a]"),
        bad.err());
  }

  @Test
  void set_populationErrors_nameTheOverride() throws IOException {
    // QA, stop 32: an error in a population that --set caused was placed at the file's line.
    Path file =
        Files.writeString(
            tmp.resolve("pop.yaml"),
            SCENARIO
                + """
                populations:
                  - {id: labs, kind: model, count: 3, id-pattern: "lab-{i}",
                     template: {regime: replace, scrape: 20, publish-rate: 20}}
                """);
    Result count = main("validate", file.toString(), "--set", "populations[labs].count=0");
    assertEquals(2, count.code(), count.err());
    assertTrue(
        count
            .err()
            .startsWith(
                "error: --set populations[labs].count=0: populations[labs].count: found 0,"),
        count.err());
    Result member = main("validate", file.toString(), "--set", "models[lab-1].scrape=5");
    assertEquals(2, member.code(), member.err());
    assertEquals(
        "error: --set models[lab-1].scrape=5: found no entry with id or stage 'lab-1' in models,"
            + " expected one of [lab-a, lab-b] (did you mean 'lab-a'?); a member of a population"
            + " (labs) is set through its"
            + " population, for all members at once: populations[labs].template.scrape, or"
            + " models[*].scrape for every model",
        member.err().strip());
    Result every = main("validate", file.toString(), "--set", "models[*].scrape=0");
    assertEquals(
        List.of(
            "error: --set models[*].scrape=0: models[0].scrape: found 0, expected a whole"
                + " number of at least 1",
            "error: --set models[*].scrape=0: models[1].scrape: found 0, expected a whole"
                + " number of at least 1",
            "error: --set models[*].scrape=0: populations[labs].template.scrape (member lab-0,"
                + " and 2 more): found 0, expected a whole number of at least 1"),
        every.err().lines().toList());
    // QA, stop 33: with any --set, a population's own error moved to the first entry's line.
    Path two =
        Files.writeString(
            tmp.resolve("two.yaml"),
            SCENARIO
                + """
                populations:
                  - {id: blogs, kind: site, count: 2, id-pattern: "blog-{i}"}
                  - {id: labs, kind: model, count: 3, id-pattern: "lab-{i}",
                     template: {regime: replace, scrape: 0, publish-rate: 20}}
                """);
    int line = (int) SCENARIO.lines().count() + 4; // the labs entry's template
    for (String[] args :
        new String[][] {
          {"validate", two.toString()}, {"validate", two.toString(), "--set", "ticks=4"}
        }) {
      Result own = main(args);
      assertTrue(
          own.err().startsWith("error: " + two + ":" + line + ":")
              && own.err().contains("populations[labs].template.scrape (member lab-0, and 2 more)"),
          own.err());
    }
  }

  @Test
  void set_intoATemplatesDraw_namesTheOverride() throws IOException {
    // QA: drawn values that broke a bound were placed at the file's (valid) line, not the --set.
    Path file =
        Files.writeString(
            tmp.resolve("drawn.yaml"),
            SCENARIO
                + """
                populations:
                  - {id: labs, kind: model, count: 3, id-pattern: "lab-{i}",
                     template: {regime: replace, scrape: 20, publish-rate: 20,
                                fresh-human-fraction: {draw: {uniform: [0, 0.2]}}}}
                """);
    assertEquals(0, main("validate", file.toString()).code());
    String set = "populations[labs].template.fresh-human-fraction.draw.uniform=[2, 5]";
    Result r = main("validate", file.toString(), "--set", set);
    assertEquals(2, r.code(), r.err());
    assertTrue(
        r.err()
            .startsWith(
                "error: --set "
                    + set
                    + ": populations[labs].template.fresh-human-fraction (member lab-0, and 2"
                    + " more): found "),
        r.err());
  }

  @Test
  void set_throughEveryModel_namesThePopulationById() throws IOException {
    // QA: models[*] reached a template as populations[1].template, the population's index.
    Path file =
        Files.writeString(
            tmp.resolve("twice.yaml"),
            SCENARIO.substring(0, SCENARIO.indexOf("models:"))
                + """
                populations:
                  - {id: blogs, kind: site, count: 2, id-pattern: "blog-{i}"}
                  - {id: labs, kind: model, count: 2, id-pattern: "lab-{i}",
                     template: {regime: replace, scrape: 20, publish-rate: 20, pipeline: [
                       {stage: ai-detector, tpr: 0.6, fpr: 0.05},
                       {stage: ai-detector, tpr: 0.6, fpr: 0.05}]}}
                """);
    Result r = main("validate", file.toString(), "--set", "models[*].pipeline[ai-detector].tpr=1");
    assertEquals(2, r.code(), r.err());
    assertTrue(
        r.err().contains("in populations[labs].template.pipeline (at [0, 1])")
            && r.err().contains("populations[labs].template.pipeline[1]")
            && !r.err().contains("populations[1]"),
        r.err());
  }

  /** Runs with these overrides; checks exit 2, one error line as given, no output, no run. */
  private void assertRefused(String start, String contains, String... sets) throws IOException {
    Path dir = tmp.resolve("refused");
    Result r = run(dir, sets);
    assertEquals(2, r.code(), r.err());
    assertEquals("", r.out());
    List<String> lines = r.err().lines().toList();
    assertEquals(1, lines.size(), r.err());
    assertTrue(lines.get(0).startsWith(start), lines.get(0));
    assertTrue(lines.get(0).contains(contains), lines.get(0));
    assertFalse(Files.exists(dir), "no run directory");
  }

  /** Runs the scenario quietly into {@code dir} with the given overrides. */
  private Result run(Path dir, String... sets) throws IOException {
    Path file = write();
    List<String> args =
        new ArrayList<>(
            List.of(
                "run",
                file.toString(),
                "--quiet",
                "--no-report",
                "--threads",
                "2",
                "--out",
                dir.toString()));
    for (String s : sets) {
      args.add("--set");
      args.add(s);
    }
    return main(args.toArray(String[]::new));
  }

  /** The test scenario, written to a file. */
  private Path write() throws IOException {
    Path file = tmp.resolve("set-test.yaml");
    Files.writeString(file, SCENARIO);
    return file;
  }

  /** Runs the command line in-process. */
  private static Result main(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Result(code, out.toString(), err.toString());
  }
}
