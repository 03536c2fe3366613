package ouroboros.sim.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ouroboros.sim.cli.Main;

/**
 * Checkpointing changes no output (issue 14, docs/checkpoints.md): a run with {@code
 * --checkpoint-every} ends with the same files, byte for byte, as one without (timing.json's times
 * aside), and, its checkpoint deleted at the end, with the same file names.
 */
class CheckpointedRunTest {
  @TempDir Path tmp;

  private Path run(String name, String... extra) throws IOException {
    Path scenario = tmp.resolve("s.yaml");
    if (!Files.exists(scenario)) {
      Files.writeString(
          scenario,
          """
          name: checkpointed
          seed: 3
          ticks: 12
          domain: {type: gaussian, dimensions: 2}
          humans: [{id: people, publish-rate: 30}]
          models:
            - {id: a, regime: replace, scrape: 30, publish-rate: 30}
            - {id: b, regime: accumulate, scrape: 20, publish-rate: 30, retrain-every: 2}
          """);
    }
    Path out = tmp.resolve(name);
    String[] args =
        Stream.concat(
                Stream.of(
                    "run",
                    scenario.toString(),
                    "--out",
                    out.toString(),
                    "--quiet",
                    "--no-report",
                    "--threads",
                    "2"),
                Stream.of(extra))
            .toArray(String[]::new);
    StringWriter err = new StringWriter();
    assertEquals(
        0,
        Main.run(args, new PrintWriter(new StringWriter()), new PrintWriter(err)),
        err::toString);
    return out;
  }

  @Test
  void run_withCheckpointEvery_sameFilesAsWithout() throws IOException {
    Path plain = run("plain");
    Path checkpointed = run("checkpointed", "--checkpoint-every", "3");
    List<Path> names = files(plain);
    assertEquals(names, files(checkpointed), "the same files");
    for (Path f : names) {
      if (!f.getFileName().toString().equals("timing.json")) {
        assertArrayEquals(
            Files.readAllBytes(plain.resolve(f)),
            Files.readAllBytes(checkpointed.resolve(f)),
            f.toString());
      }
    }
  }

  /** Every file under {@code dir}, relative to it, sorted. */
  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
    }
  }
}
