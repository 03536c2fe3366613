package ouroboros.sim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ouroboros.sim.cli.Main;
import ouroboros.sim.testing.Repo;

/**
 * The AI-share curves of {@code scenarios/topology/medium-quora.yaml} (SCIENCE.md, "Figures for
 * defaults": Medium 1.8% to 37.0%, Quora 2.1% to 39.0%, Reddit 1.3% to 2.5%, January 2022 to
 * October 2024, one tick a month): the measured share of synthetic items among each site's new
 * items, as {@code metrics.csv}'s {@code site-S-new-synthetic-share} rows report it, follows the
 * linear curve at every tick.
 *
 * <p>Tolerance, from the construction and not from chance: each site's people publish H = 1000
 * items a tick; the k models on the site are asked for M* = s H / (1 − s) items in all, and each
 * model's count stays within half an item of its running real-valued target, so a tick's count M
 * differs from M* by less than k. The share then differs from s by H |M − M*| / ((H + M)(H + M*)) <
 * k / H: 0.002 on Medium (two models), 0.001 on Quora and Reddit. Nothing here is random (the split
 * is deterministic and the models publish from the truth at tick 0), so the false-failure rate is
 * 0.
 */
class AiShareTest {
  @TempDir Path tmp;

  /** site, first and last share, models on the site. */
  private record Curve(String site, double first, double last, int models) {
    double at(int tick) {
      return first + (last - first) * Math.min(tick, 33) / 33.0;
    }
  }

  @Test
  void mediumQuora_newSyntheticSharePerSite_followsTheFiguresAtEveryTick() throws Exception {
    Path out = tmp.resolve("run");
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new String[] {
              "run",
              Repo.scenario("topology/medium-quora.yaml").toString(),
              "--quiet",
              "--no-report",
              "--out",
              out.toString()
            },
            new PrintWriter(new StringWriter()),
            new PrintWriter(err));
    assertEquals(0, code, err.toString());
    Map<String, Double> measured = new HashMap<>();
    for (String line : Files.readAllLines(out.resolve("metrics.csv"))) {
      String[] f = line.split(",");
      if (f[1].equals("web") && f[3].endsWith("-new-synthetic-share")) {
        measured.put(f[0] + "," + f[3], Double.parseDouble(f[4]));
      }
    }
    double human = 1000;
    for (Curve c :
        List.of(
            new Curve("medium", 0.018, 0.370, 2),
            new Curve("quora", 0.021, 0.390, 1),
            new Curve("reddit", 0.013, 0.025, 1))) {
      for (int t = 0; t < 34; t++) {
        Double share = measured.get(t + ",site-" + c.site() + "-new-synthetic-share");
        assertTrue(share != null, "no share for " + c.site() + " at tick " + t);
        assertEquals(c.at(t), share, c.models() / human, c.site() + " at tick " + t);
      }
    }
  }
}
