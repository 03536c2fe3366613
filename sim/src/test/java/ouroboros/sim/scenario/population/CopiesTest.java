package ouroboros.sim.scenario.population;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ouroboros.sim.cli.Main;
import ouroboros.sim.engine.World;
import ouroboros.sim.scenario.check.ScenarioException;
import ouroboros.sim.scenario.compile.WorldCompiler;
import ouroboros.sim.scenario.load.ScenarioLoader;
import ouroboros.sim.scenario.spec.Scenario;
import ouroboros.sim.sweep.Seeds;

/**
 * {@code copies:}: located validation messages, the renamed world, and through the command line:
 * byte-identical files across thread counts, copy i's rows independent of R and equal to a run of
 * its own, and a row of copies.csv recomputed by hand from metrics.csv.
 */
class CopiesTest {
  @TempDir Path tmp;

  private static final String BASE =
      """
      name: cp
      seed: 11
      ticks: 6
      domain: {type: gaussian, dimensions: 2}
      web: {retention: 2}
      sites: [{id: forum}, {id: blog}]
      humans:
        - {id: people, publish-rate: 30, site: forum}
      models:
        - {id: lab, regime: accumulate, scrape: 30, publish-rate: 30, site: blog}
        - id: follower
          regime: replace
          scrape: 20
          publish-rate: 20
          site: blog
          crawl: {sites: [blog]}
      timeline:
        - {tick: 3, humans: {id: people, publish-rate: 10}}
      """;

  private static final String TRUTH =
      "  truth:\n    mean: [{draw: {normal: [0, 2]}}, {draw: {uniform: [-1, 1]}}]\n";

  private static String withCopies(String copies) {
    return BASE + "copies:\n" + copies;
  }

  private static Scenario load(String text) throws ScenarioException {
    return new ScenarioLoader().parse("s.yaml", text);
  }

  private static String error(String text) {
    ScenarioException e = assertThrows(ScenarioException.class, () -> load(text));
    return e.errors().stream()
        .map(ouroboros.sim.scenario.check.ScenarioError::message)
        .collect(Collectors.joining("\n"));
  }

  @Test
  void validation_badCopies_locatedMessages() {
    assertTrue(
        error(withCopies("  count: 0\n"))
            .contains(
                "s.yaml:20:10: copies.count: found 0, expected a whole number in [1, 100000]"),
        error(withCopies("  count: 0\n")));
    assertTrue(
        error(withCopies("  count: 2.5\n")).contains("copies.count"),
        error(withCopies("  count: 2.5\n")));
    assertTrue(
        error(withCopies("  first: 3\n"))
            .contains("copies.count: found nothing, expected the required key 'count'"),
        error(withCopies("  first: 3\n")));
    assertTrue(
        error(withCopies("  count: 2\n  first: -4\n"))
            .contains("s.yaml:21:10: copies.first: found -4, expected a whole number in [0,"),
        error(withCopies("  count: 2\n  first: -4\n")));
    assertTrue(
        error(withCopies("  count: 2\n  copys: 3\n")).contains("found unknown key 'copys'"),
        error(withCopies("  count: 2\n  copys: 3\n")));
    String dist = error(withCopies("  count: 2\n  truth: {mean: [{draw: {gauss: [0, 1]}}, 0]}\n"));
    assertTrue(
        dist.contains("copies.truth.mean[0].draw.gauss: found the distribution 'gauss'"), dist);
    String key = error(withCopies("  count: 2\n  truth: {means: [0, 0]}\n"));
    assertTrue(
        key.contains(
            "copies.truth.means: found unknown key 'means', expected a key of the gaussian"
                + " domain, one of [dimensions, mean, variance, covariance] (did you mean 'mean'?)"),
        key);
    assertTrue(
        error(withCopies("  count: 2\n  truth: {type: kde}\n")).contains("copies.truth.type"));
    // Some copy's drawn variance is negative: the message names the first such copy.
    String drawn =
        error(withCopies("  count: 40\n  truth: {variance: [{draw: {normal: [0, 1]}}, 1]}\n"));
    assertTrue(
        drawn.matches(
            "(?s).*copies\\.truth\\.variance\\[0]: found copy \\d+'s drawn domain: -.*, expected a"
                + " variance greater than 0.*"),
        drawn);
  }

  /** Each copy has its own two sites: more than the web's 32,767 in all is refused at count. */
  @Test
  void validation_copiesBeyondTheWebsSites_refusedAtCount() throws Exception {
    load(withCopies("  count: 16383\n")); // 32,766 sites
    String e = error(withCopies("  count: 16384\n"));
    assertTrue(
        e.contains(
            "copies.count: found 16384 copies of 2 sites, expected at most 32767 sites over all"),
        e);
  }

  @Test
  void run_setEventOnAPath_appliedToEveryCopy_pathNamingSitesRefused() throws Exception {
    // QA, stop 33: a set event with a path crashed every run with copies (the path's agent was
    // not renamed), and a crawl path got past the check that refuses it.
    String set =
        BASE.replace(
                "timeline:\n",
                "timeline:\n  - {tick: 2, set: {path: 'models[follower].scrape', value: 5}}\n")
            + "copies: {count: 2}\n";
    Path file = tmp.resolve("set.yaml");
    Files.writeString(file, set);
    Path out = tmp.resolve("r");
    int code =
        Main.run(
            new String[] {
              "run", file.toString(), "--out", out.toString(), "--quiet", "--no-report"
            },
            new PrintWriter(new StringWriter()),
            new PrintWriter(new StringWriter()));
    assertEquals(0, code);
    List<String> rows = Files.readAllLines(out.resolve("metrics.csv"));
    for (String copy : List.of("c0", "c1")) {
      assertTrue(rows.contains("1,follower." + copy + ",1,scraped,20"), copy);
      assertTrue(rows.contains("2,follower." + copy + ",2,scraped,5"), copy);
    }
    String crawl =
        error(
            set.replace(
                "'models[follower].scrape', value: 5",
                "'models[follower].crawl.policy', value: uniform"));
    assertTrue(
        crawl.contains(
            "timeline[0].set.path: found 'models[follower].crawl.policy' with copies, expected"
                + " with 'copies', a set event that names no site or agent"),
        crawl);
  }

  @Test
  void validation_setPathByIndexWithoutHumans_locatedMessage() {
    // QA, stop 33: the suggestion for a model given by its index read the absent humans list.
    String e =
        error(
            "name: x\nseed: 1\nticks: 3\ndomain: {type: gaussian}\nmodels:\n"
                + "  - {id: m, regime: replace, initial: truth, scrape: 10, publish-rate: 10}\n"
                + "timeline:\n  - {tick: 1, set: {path: 'models[0].scrape', value: 5}}\n");
    assertTrue(
        e.contains("timeline[0].set.path: found '0', expected the id of a model, one of [m]"), e);
  }

  @Test
  void validation_badCopiesOnTheCommandLine_exitsTwo() throws Exception {
    Path file = tmp.resolve("bad.yaml");
    Files.writeString(file, withCopies("  count: -1\n"));
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new String[] {"run", file.toString(), "--out", tmp.resolve("r").toString(), "--quiet"},
            new PrintWriter(new StringWriter()),
            new PrintWriter(err));
    assertEquals(2, code);
    assertTrue(err.toString().contains("bad.yaml:20:10: copies.count: found -1"), err.toString());
    assertFalse(Files.exists(tmp.resolve("r")), "no run directory for a refused scenario");
  }

  @Test
  void compile_copies_renamedAndSeededPerCopy() throws Exception {
    Scenario s = load(withCopies("  count: 3\n  first: 4\n" + TRUTH));
    World w = WorldCompiler.compile(s, 11);
    assertEquals(
        List.of("forum.c4", "blog.c4", "forum.c5", "blog.c5", "forum.c6", "blog.c6"), w.sites());
    assertEquals(
        List.of(
            "people.c4",
            "people.c5",
            "people.c6",
            "lab.c4",
            "follower.c4",
            "lab.c5",
            "follower.c5",
            "lab.c6",
            "follower.c6"),
        java.util.stream.IntStream.range(0, w.agentCount()).mapToObj(w::agentId).toList());
    assertEquals(3, w.copies().count());
    for (int i = 0; i < 3; i++) {
      assertEquals(Seeds.replicate(11, 4 + i), w.copies().seed(i));
    }
    // Each copy draws its own truth; the model of copy 5 sees copy 5's.
    assertNotEquals(w.copies().domains().get(0), w.copies().domains().get(1));
    assertEquals(w.copies().domains().get(1), w.domainOf(5));
  }

  @Test
  @Tag("slow")
  void run_threadsOneAndFour_byteIdentical() throws Exception {
    Path file = tmp.resolve("c.yaml");
    Files.writeString(file, withCopies("  count: 4\n" + TRUTH));
    Path one = run(file, "t1", "--threads", "1");
    Path four = run(file, "t4", "--threads", "4");
    for (String f : List.of("metrics.csv", "copies.csv", "summary.json")) {
      String a = Files.readString(one.resolve(f)).replaceAll("\"ouroboros-[a-z]+\" : \".*\"", "");
      String b = Files.readString(four.resolve(f)).replaceAll("\"ouroboros-[a-z]+\" : \".*\"", "");
      assertEquals(a, b, f);
    }
  }

  @Test
  @Tag("slow")
  void run_copyRows_independentOfRAndEqualToItsOwnRun() throws Exception {
    Path many = tmp.resolve("many.yaml");
    Files.writeString(many, withCopies("  count: 3\n" + TRUTH));
    Path alone = tmp.resolve("alone.yaml");
    Files.writeString(alone, withCopies("  count: 1\n  first: 2\n" + TRUTH));
    List<String> inMany = copyRows(run(many, "many"), 2);
    List<String> inAlone = copyRows(run(alone, "alone"), 2);
    assertTrue(inMany.size() > 100, "rows of copy 2: " + inMany.size());
    assertEquals(inAlone, inMany);
    // Without a drawn truth, copy 2 is the file without copies run with copy 2's seed.
    Path plain = tmp.resolve("plain.yaml");
    Files.writeString(plain, BASE);
    Path copies = tmp.resolve("copies.yaml");
    Files.writeString(copies, withCopies("  count: 3\n"));
    List<String> copy2 = copyRows(run(copies, "copies"), 2);
    List<String> plainRows =
        Files.readAllLines(
                run(plain, "plain", "--seed", Long.toString(Seeds.replicate(11, 2)))
                    .resolve("metrics.csv"))
            .stream()
            .filter(l -> !l.startsWith("tick,") && !l.contains(",web,"))
            .filter(l -> !l.contains(",forum,") && !l.contains(",blog,"))
            .toList();
    assertEquals(plainRows, copy2);
  }

  @Test
  @Tag("slow")
  void copiesCsv_rowRecomputedByHand() throws Exception {
    Path file = tmp.resolve("c.yaml");
    Files.writeString(file, withCopies("  count: 5\n" + TRUTH));
    Path dir = run(file, "ci");
    // population-risk of 'follower' at tick 4, from the five copies' rows of metrics.csv
    List<Double> v = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve("metrics.csv"))) {
      String[] f = line.split(",");
      if (f[0].equals("4") && f[1].startsWith("follower.c") && f[3].equals("population-risk")) {
        v.add(Double.parseDouble(f[4]));
      }
    }
    assertEquals(5, v.size());
    double mean = v.stream().mapToDouble(Double::doubleValue).sum() / 5;
    double ss = v.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum();
    double sd = Math.sqrt(ss / 4);
    double t = new TDistribution(4).inverseCumulativeProbability(0.975); // 2.776
    assertEquals(2.776445, t, 1e-6); // the tabulated t(0.975, 4)
    String row =
        Files.readAllLines(dir.resolve("copies.csv")).stream()
            .filter(l -> l.startsWith("4,follower,population-risk,"))
            .findFirst()
            .orElseThrow();
    String[] f = row.split(",");
    assertEquals("5", f[3]);
    assertEquals(mean, Double.parseDouble(f[4]), 1e-12 * Math.abs(mean));
    assertEquals(sd, Double.parseDouble(f[5]), 1e-12 * sd);
    assertEquals(mean - t * sd / Math.sqrt(5), Double.parseDouble(f[6]), 1e-12 * Math.abs(mean));
    assertEquals(mean + t * sd / Math.sqrt(5), Double.parseDouble(f[7]), 1e-12 * Math.abs(mean));
    assertEquals(
        "tick,model,metric,n,mean,sd,ci95-low,ci95-high",
        Files.readAllLines(dir.resolve("copies.csv")).get(0));
    // summary.json: the copies' final values, by model
    var summary =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(dir.resolve("summary.json").toFile());
    assertEquals(5, summary.path("copies").path("count").asInt());
    assertEquals(
        5,
        summary
            .path("copies")
            .path("models")
            .path("lab")
            .path("population-risk")
            .path("n")
            .asInt());
  }

  @Test
  @Tag("slow")
  void report_copies_meanAndIntervalOverGenerations() throws Exception {
    Path file = tmp.resolve("c.yaml");
    Files.writeString(file, withCopies("  count: 3\n"));
    Path dir = run(file, "report");
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new String[] {"report", dir.toString()},
            new PrintWriter(new StringWriter()),
            new PrintWriter(err));
    assertEquals(0, code, err.toString());
    String html = Files.readString(dir.resolve("report.html"));
    assertTrue(html.contains("Copies: mean and 95% interval over generations"), "section");
    for (String m : List.of("population-risk", "mean-sq-error", "diversity-ratio")) {
      assertTrue(html.contains("chart-copies-" + m), m);
    }
    assertTrue(html.contains("across the copies (copies.csv)"), "the note on the band");
  }

  /** Runs the command line in-process, without a report; returns the run directory. */
  private Path run(Path file, String name, String... more) {
    Path out = tmp.resolve(name);
    List<String> args =
        new ArrayList<>(
            List.of("run", file.toString(), "--out", out.toString(), "--quiet", "--no-report"));
    args.addAll(List.of(more));
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            args.toArray(String[]::new), new PrintWriter(new StringWriter()), new PrintWriter(err));
    assertEquals(0, code, err.toString());
    return out;
  }

  /** The metrics.csv rows of copy {@code copy}'s agents, with the suffix removed. */
  private static List<String> copyRows(Path dir, int copy) throws Exception {
    String suffix = ".c" + copy + ",";
    return Files.readAllLines(dir.resolve("metrics.csv")).stream()
        .filter(l -> l.contains(suffix))
        .map(l -> l.replace(suffix, ","))
        .toList();
  }
}
