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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ouroboros.sim.testing.ChildJvm;

/**
 * ARCHITECTURE.md invariant 5: a run killed with SIGKILL leaves well-formed files for the ticks it
 * finished. Runs the command line in a second JVM, kills it mid-run, and reads what is left.
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
    try (ChildJvm p =
        ChildJvm.start(
            tmp.resolve("log.txt"),
            List.of(),
            "run",
            scenario.toString(),
            "--quiet",
            "--out",
            out.toString())) {
      p.await(
          () -> Files.exists(metrics) && Files.size(metrics) > 200_000,
          Duration.ofSeconds(60),
          Duration.ofMillis(50),
          "200 KB of metrics.csv");
      p.kill();
    }

    String csv = read(metrics);
    assertTrue(csv.endsWith("\n"), "metrics.csv ends on a whole line");
    List<String> lines = csv.lines().toList();
    assertEquals(MetricRow.HEADER, lines.get(0));
    int lastTick = Integer.parseInt(lines.get(lines.size() - 1).split(",")[0]);
    long rowsOfLastTick = lines.stream().skip(1).filter(l -> l.startsWith(lastTick + ",")).count();
    long rowsOfTick0 = lines.stream().skip(1).filter(l -> l.startsWith("0,")).count();
    assertEquals(rowsOfTick0, rowsOfLastTick, "the last tick in the file is whole");
    for (String l : lines.subList(1, lines.size())) {
      assertEquals(5, l.split(",").length, l);
    }
    JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    assertFalse(summary.get("complete").asBoolean());
    int completed = summary.get("ticks-completed").asInt();
    assertTrue(
        completed >= lastTick && completed <= lastTick + 2,
        "summary.json ("
            + completed
            + " ticks) is at most a tick behind metrics.csv ("
            + lastTick
            + ")");
    assertTrue(Files.readString(out.resolve("scenario.yaml")).contains("name: long"));
  }

  private static String read(Path p) throws java.io.IOException {
    return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
  }
}
