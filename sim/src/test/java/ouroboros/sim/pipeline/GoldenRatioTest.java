package ouroboros.sim.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import ouroboros.agents.domain.Metrics;
import ouroboros.agents.model.RetrainReport;
import ouroboros.sim.engine.RunOutcome;
import ouroboros.sim.engine.World;
import ouroboros.sim.engine.Worlds;
import ouroboros.sim.testing.EngineTest;

/**
 * Golden-ratio weighting (He, Xu, Cheng 2025; SCIENCE.md) through the real engine. Each model
 * retrains every tick on n fresh human items and the m items its previous generation published (its
 * own site, retention 1), with k = n/m = 1, and a {@code weighting} stage giving the real items the
 * total weight w. The estimate of the mean then follows theta_t = w realfit + (1 - w) synthfit,
 * whose steady-state error is V(w) = (sigma^2/n) (w^2 + k (1-w)^2) / (1 - (1-w)^2), lowest at w* =
 * 0.618.
 *
 * <p>One world holds R independent models per value of w. The measured error of a model is its
 * squared mean error averaged over the ticks after a burn-in; models are independent, so the
 * standard error of the mean over R models comes from their spread. The assertions use 4.5 standard
 * errors (a normal false-failure rate of 7e-6 per value of w, 5e-5 for the scan). V takes sigma^2
 * as known; the models fit it (the unbiased weighted estimator), and the two halves of a training
 * set have different means, which inflates the fitted variance a little. The synthetic half carries
 * that forward with weight 1 - w, so at small w the measured error runs above V (at w = 0.3 by
 * about 4% over three seeds: 1.24, 1.18, 1.16 against 1.137). The comparison with V is therefore
 * made at w from 0.5 to 0.9, where the effect is under 1%; the scan for the minimum covers every w.
 */
@Tag("slow")
class GoldenRatioTest extends EngineTest {
  private static final double[] W = {0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};
  private static final int R = 100;
  private static final int N = 50;
  private static final int TICKS = 160;
  private static final int BURN_IN = 40;

  /** V(w) in units of sigma^2/n, for k = 1. */
  static double v(double w) {
    return (w * w + (1 - w) * (1 - w)) / (1 - (1 - w) * (1 - w));
  }

  private static String scenario() {
    StringBuilder b = new StringBuilder();
    b.append("name: golden-ratio\nticks: ").append(TICKS).append('\n');
    b.append("domain: {type: gaussian, mean: [0.0], variance: [1.0]}\n");
    b.append("web: {retention: 1}\ncollapse: {baseline-cap: 0}\nsites:\n");
    for (int i = 0; i < W.length * R; i++) {
      b.append("  - id: s").append(i).append('\n');
    }
    b.append("models:\n");
    for (int i = 0; i < W.length * R; i++) {
      b.append("  - {id: m")
          .append(i)
          .append(", regime: replace, initial: truth, scrape: ")
          .append(2 * N)
          .append(", fresh-human-fraction: 0.5, publish-rate: ")
          .append(N)
          .append(", site: s")
          .append(i)
          .append(", crawl: {sites: [s")
          .append(i)
          .append("]}")
          .append(", estimator: {variance: unbiased}, pipeline: [{stage: weighting, real-share: ")
          .append(W[i / R])
          .append("}]}\n");
    }
    return b.toString();
  }

  @Test
  void weighting_scanOfW_errorLowestNearGoldenRatioAndMatchesV() {
    World world = Worlds.of(scenario(), 618L);
    double[] sum = new double[W.length * R];
    int[] count = new int[W.length * R];
    int firstModel = world.humans().size();
    RunOutcome outcome =
        sim.run(
            world,
            r -> {
              if (r.tick() < BURN_IN) {
                return;
              }
              for (RetrainReport rep : r.reports()) {
                int i = rep.agent() - firstModel;
                sum[i] += rep.evaluation().get(Metrics.MEAN_SQ_ERROR) * N;
                count[i]++;
              }
            });
    assertTrue(outcome.completed(), outcome.failure());
    TreeMap<Double, double[]> measured = new TreeMap<>();
    StringBuilder table = new StringBuilder("w, measured n E(theta-mu)^2, se, V(w)\n");
    for (int j = 0; j < W.length; j++) {
      double[] perModel = new double[R];
      for (int i = 0; i < R; i++) {
        assertEquals(TICKS - BURN_IN, count[j * R + i]);
        perModel[i] = sum[j * R + i] / count[j * R + i];
      }
      double mean = Arrays.stream(perModel).average().orElseThrow();
      double sd =
          Math.sqrt(Arrays.stream(perModel).map(x -> (x - mean) * (x - mean)).sum() / (R - 1));
      double se = sd / Math.sqrt(R);
      measured.put(W[j], new double[] {mean, se});
      table.append(String.format("%.1f, %.4f, %.4f, %.4f%n", W[j], mean, se, v(W[j])));
    }
    System.out.print(table);
    for (var e : measured.tailMap(0.45).entrySet()) {
      double w = e.getKey();
      double[] m = e.getValue();
      assertEquals(v(w), m[0], 4.5 * m[1], "error at w = " + w + "\n" + table);
    }
    double best =
        measured.entrySet().stream()
            .min((a, b) -> Double.compare(a.getValue()[0], b.getValue()[0]))
            .orElseThrow()
            .getKey();
    // V(0.6) = 0.619 and V(0.7) = 0.637 straddle w* = 0.618; V(0.5) = 0.667 and V(0.8) = 0.708
    // are 7.7% and 14% above the minimum, over 5 standard errors of the difference away.
    assertTrue(
        best == 0.6 || best == 0.7, "lowest error at w = " + best + ", not near 0.618\n" + table);
  }
}
