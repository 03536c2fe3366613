package ouroboros.sim.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ouroboros.sim.report.ReportOptions;
import ouroboros.sim.report.ReportWriter;
import ouroboros.sim.testing.ChildJvm;

/**
 * ARCHITECTURE.md invariant 5: a run killed with SIGKILL leaves well-formed files for the ticks it
 * finished. Runs the command line in a second JVM, kills it mid-run, and reads what is left. The
 * ticks it finished are those its summary.json counts: rows of later ticks may follow them in
 * metrics.csv, the last of them cut short if the kill came during a write (Linux stops a write to a
 * file between two pages for SIGKILL), and the report reads up to the summary's count.
 */
@Tag("slow")
class KilledRunTest {
  @TempDir Path tmp;

  @Test
  void run_killedMidway_filesWellFormedForFinishedTicks() throws Exception {
    Path scenario = tmp.resolve("long.yaml");
    Files.writeString(
        scenario,
        """
        name: long
        seed: 1
        ticks: 1000000
        domain: {type: gaussian, dimensions: 3}
        humans:
          - {id: people, publish-rate: 200}
        models:
          - {id: a, regime: accumulate, scrape: 200, publish-rate: 200}
          - {id: b, regime: replace, scrape: 200, publish-rate: 200}
        web: {retention: 5}
        """);
    Path out = tmp.resolve("run");
    Path metrics = out.resolve("metrics.csv");
    ObjectMapper json = new ObjectMapper();
    try (ChildJvm p =
        ChildJvm.start(
            tmp.resolve("log.txt"),
            List.of(),
            "run",
            scenario.toString(),
            "--quiet",
            "--out",
            out.toString())) {
      // summary.json is replaced by a rename, so reading it while the run goes on is safe.
      p.await(
          () -> Files.exists(metrics) && ticksCompleted(json, out) >= 50,
          Duration.ofSeconds(60),
          Duration.ofMillis(20),
          "a checkpoint of 50 ticks");
      p.kill();
    }

    JsonNode summary = json.readTree(out.resolve("summary.json").toFile());
    assertFalse(summary.get("complete").asBoolean());
    int completed = summary.get("ticks-completed").asInt();
    assertTrue(completed >= 50, completed + " ticks completed");
    String csv = read(metrics);
    List<String> lines = csv.lines().toList();
    assertEquals(MetricRow.HEADER, lines.get(0));
    // Every line but a last one cut short is a whole row; the finished ticks are all there.
    List<String> whole = lines.subList(1, csv.endsWith("\n") ? lines.size() : lines.size() - 1);
    Map<Integer, Long> rowsPerTick = new TreeMap<>();
    for (String l : whole) {
      assertEquals(5, l.split(",").length, l);
      rowsPerTick.merge(Integer.parseInt(l.split(",")[0]), 1L, Long::sum);
    }
    long rowsOfTick0 = rowsPerTick.get(0);
    for (int t = 0; t < completed; t++) {
      assertEquals(rowsOfTick0, rowsPerTick.get(t), "the rows of finished tick " + t);
    }
    assertTrue(Files.readString(out.resolve("scenario.yaml")).contains("name: long"));
    String html = Files.readString(ReportWriter.write(out, ReportOptions.defaults()));
    assertTrue(html.contains("it stopped after " + completed + " ticks"), "the report says so");
  }

  private static int ticksCompleted(ObjectMapper json, Path out) {
    try {
      return json.readTree(out.resolve("summary.json").toFile()).path("ticks-completed").asInt();
    } catch (java.io.IOException e) {
      return 0; // not written yet
    }
  }

  private static String read(Path p) throws java.io.IOException {
    return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
  }
}
