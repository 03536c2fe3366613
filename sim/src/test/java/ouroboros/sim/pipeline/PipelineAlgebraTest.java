package ouroboros.sim.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ouroboros.agents.model.RetrainReport;
import ouroboros.agents.pipeline.StageReport;
import ouroboros.sim.engine.RunOutcome;
import ouroboros.sim.engine.World;
import ouroboros.sim.engine.Worlds;
import ouroboros.sim.testing.EngineTest;

/**
 * Issue 4's must-shows for filtering stages, through the real engine. Two writer models publish 200
 * items a tick between them, each item watermarked with probability r = 0.6; one human source
 * publishes 200. Reader models (publish rate 0, so they do not change the web) scrape 200 items per
 * retrain from a web that keeps 3 ticks, and filter them with their pipelines.
 *
 * <p>Watermark algebra (s the synthetic share of the scrape, t the TPR, f the FPR): the filter
 * keeps a share miss = r (1 - t) + (1 - r)(1 - f) of synthetic items and 1 - f of human items, so
 * the training set's synthetic share is s miss / (s miss + (1 - s)(1 - f)).
 *
 * <p>Standard errors. The detector's coins are independent per item and reader (binomial); the
 * watermark of an item is drawn once at publication and shared by every reader that scrapes it, so
 * the watermark rate realised on the roughly {@code PUBLISHED} synthetic items in play adds r (1 -
 * r) (t - f)^2 / PUBLISHED to the variance of the miss rate. Bands are 4.5 standard errors (7e-6
 * per assertion under a normal approximation).
 */
class PipelineAlgebraTest extends EngineTest {
  private static final double R = 0.6;
  private static final double TPR = 0.9;
  private static final double FPR = 0.05;
  private static final int TICKS = 40;
  private static final int FIRST = 3;

  /** Synthetic items the writers publish over the ticks the readers see. */
  private static final double PUBLISHED = 200.0 * (TICKS - FIRST + 3);

  private static String scenario(double launder, String readers) {
    return """
        name: algebra
        ticks: %d
        domain: {type: gaussian}
        web: {retention: 3}
        collapse: {baseline-cap: 0}
        humans:
          - {id: people, publish-rate: 200%s}
        models:
          - {id: writer-a, regime: replace, initial: truth, scrape: 50, publish-rate: 100,
             watermark: {rate: %s}}
          - {id: writer-b, regime: replace, initial: truth, scrape: 50, publish-rate: 100,
             watermark: {rate: %s}}
        %s"""
        .formatted(
            TICKS,
            launder > 0 ? ", laundering: {share: " + launder + ", strip: 1.0}" : "",
            R,
            R,
            readers);
  }

  private static String readers(String prefix, int n, String pipeline) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append("  - {id: ")
          .append(prefix)
          .append(i)
          .append(", regime: replace, scrape: 200, ")
          .append("publish-rate: 0, first-retrain: ")
          .append(FIRST)
          .append(", pipeline: ")
          .append(pipeline)
          .append("}\n");
    }
    return b.toString();
  }

  /** Every reader report of a run, by model id. */
  private static Map<String, List<RetrainReport>> run(String yaml, long seed) {
    World world = Worlds.of(yaml, seed);
    Map<String, List<RetrainReport>> out = new HashMap<>();
    RunOutcome outcome =
        sim.run(
            world,
            r -> {
              for (RetrainReport rep : r.reports()) {
                out.computeIfAbsent(rep.id(), k -> new ArrayList<>()).add(rep);
              }
            });
    assertTrue(outcome.completed(), outcome.failure());
    return out;
  }

  /** Sums of one stage's counts over the readers whose id starts with {@code prefix}. */
  private record Totals(
      long in, long humanIn, long kept, long fp, long fn, long trainSize, long trainHuman) {
    long syntheticIn() {
      return in - humanIn;
    }

    long humanKept() {
      return kept - fn;
    }

    double trainSyntheticShare() {
      return 1 - (double) trainHuman / trainSize;
    }
  }

  private static Totals totals(Map<String, List<RetrainReport>> runs, String prefix, int stage) {
    long in = 0;
    long humanIn = 0;
    long kept = 0;
    long fp = 0;
    long fn = 0;
    long size = 0;
    long human = 0;
    for (var e : runs.entrySet()) {
      if (!e.getKey().startsWith(prefix)) {
        continue;
      }
      for (RetrainReport rep : e.getValue()) {
        if (rep.tick() < FIRST) {
          continue;
        }
        size += rep.composition().total();
        human += rep.composition().human();
        if (stage < 0) {
          continue;
        }
        StageReport st = rep.stages().get(stage);
        in += st.in();
        humanIn += st.humanIn();
        kept += st.kept();
        fp += st.falsePositives();
        fn += st.falseNegatives();
      }
    }
    return new Totals(in, humanIn, kept, fp, fn, size, human);
  }

  /** The standard error of a miss rate on synthetic items with watermark share r. */
  private static double missSe(double miss, double r, long syntheticIn) {
    return Math.sqrt(
        miss * (1 - miss) / syntheticIn + r * (1 - r) * (TPR - FPR) * (TPR - FPR) / PUBLISHED);
  }

  private static final String WATERMARK_FILTER =
      "[{stage: watermark-filter, tpr: " + TPR + ", fpr: " + FPR + "}]";

  @Test
  void watermarkFilter_keptShares_matchTheAlgebra() {
    Map<String, List<RetrainReport>> runs =
        run(scenario(0, readers("reader", 10, WATERMARK_FILTER)), 11L);
    Totals t = totals(runs, "reader", 0);
    double miss = R * (1 - TPR) + (1 - R) * (1 - FPR);
    double measuredMiss = (double) t.fn() / t.syntheticIn();
    double se = missSe(miss, R, t.syntheticIn());
    System.out.printf(
        "watermark filter: synthetic kept %.4f (algebra %.4f, se %.4f)%n", measuredMiss, miss, se);
    assertEquals(miss, measuredMiss, 4.5 * se, "share of synthetic items kept");
    double humanKept = (double) t.humanKept() / t.humanIn();
    double seHuman = Math.sqrt(FPR * (1 - FPR) / t.humanIn());
    assertEquals(1 - FPR, humanKept, 4.5 * seHuman, "share of human items kept");
    // The training set is what the pipeline passed on (replace): its synthetic share is the one
    // the algebra implies from the scrape's synthetic share s.
    double s = (double) t.syntheticIn() / t.in();
    double implied = s * miss / (s * miss + (1 - s) * (1 - FPR));
    double dMiss = s * (1 - s) * (1 - FPR) / Math.pow(s * miss + (1 - s) * (1 - FPR), 2);
    double dHuman = s * miss * (1 - s) / Math.pow(s * miss + (1 - s) * (1 - FPR), 2);
    double seShare = Math.hypot(dMiss * se, dHuman * seHuman);
    System.out.printf(
        "training synthetic share %.4f (implied %.4f, se %.4f)%n",
        t.trainSyntheticShare(), implied, seShare);
    assertEquals(
        implied,
        t.trainSyntheticShare(),
        4.5 * seShare,
        "effective synthetic share of the training set");
    assertEquals(t.kept(), t.trainSize(), "the training set is exactly what the filter kept");
  }

  @Test
  void laundering_raisesTheMissRate_asTheAlgebraPredicts() {
    double launder = 0.3;
    Map<String, List<RetrainReport>> runs =
        run(scenario(launder, readers("reader", 10, WATERMARK_FILTER)), 12L);
    Totals t = totals(runs, "reader", 0);
    // Per tick the writers publish 200 synthetic items, a share r watermarked; the human source
    // reposts launder * 200 = 60 synthetic items with the watermark stripped. Uniform crawls
    // see synthetic items in that ratio, so the effective watermark rate is r * 200 / 260.
    double reposts = launder * 200;
    double rEff = R * 200 / (200 + reposts);
    double miss = rEff * (1 - TPR) + (1 - rEff) * (1 - FPR);
    double plain = R * (1 - TPR) + (1 - R) * (1 - FPR);
    double measured = (double) t.fn() / t.syntheticIn();
    double se = missSe(miss, rEff, t.syntheticIn());
    System.out.printf(
        "laundering 0.3: miss rate %.4f (algebra %.4f, se %.4f; without %.4f)%n",
        measured, miss, se, plain);
    assertEquals(miss, measured, 4.5 * se, "miss rate with laundering");
    assertTrue(
        measured > plain + 10 * se,
        "laundering raises the miss rate from " + plain + " to " + measured);
    assertEquals(t.fp(), t.humanIn() - t.humanKept());
  }

  @Test
  void falsePositives_removeHumanData_andTheHumanShareFalls() {
    String readers =
        readers("detected", 5, "[{stage: ai-detector, tpr: 0.2, fpr: 0.4}]")
            + readers("control", 5, "[]");
    Map<String, List<RetrainReport>> runs = run(scenario(0, readers), 13L);
    Totals detected = totals(runs, "detected", 0);
    Totals control = totals(runs, "control", -1);
    double fpRate = (double) detected.fp() / detected.humanIn();
    assertEquals(
        0.4,
        fpRate,
        4.5 * Math.sqrt(0.24 / detected.humanIn()),
        "false positives: the share of human items dropped");
    double controlShare = (double) control.trainHuman() / control.trainSize();
    double detectedShare = 1 - detected.trainSyntheticShare();
    double s = (double) detected.syntheticIn() / detected.in();
    double implied = (1 - s) * 0.6 / ((1 - s) * 0.6 + s * 0.8);
    assertEquals(implied, detectedShare, 0.02, "human share of a detector's training set");
    System.out.printf(
        "ai-detector fpr 0.4: dropped %.4f of human items; human share of training"
            + " %.4f (implied %.4f) against %.4f unfiltered%n",
        fpRate, detectedShare, implied, controlShare);
    assertTrue(
        detectedShare < controlShare - 0.05,
        "human share of training falls from " + controlShare + " to " + detectedShare);
  }

  @Test
  void stackedStages_eachStageReceivesWhatThePreviousPassedOn() {
    String stacked =
        "[{stage: watermark-filter, tpr: 0.9, fpr: 0.05}, "
            + "{stage: ai-detector, tpr: 0.5, fpr: 0.1}, "
            + "{stage: human-anchor, reserve: 500, fraction: 0.2}]";
    Map<String, List<RetrainReport>> runs = run(scenario(0, readers("stacked", 3, stacked)), 14L);
    int retrains = 0;
    for (var e : runs.entrySet()) {
      if (!e.getKey().startsWith("stacked")) {
        continue;
      }
      for (RetrainReport rep : e.getValue()) {
        List<StageReport> st = rep.stages();
        assertEquals(
            List.of("watermark-filter", "ai-detector", "human-anchor"),
            st.stream().map(StageReport::stage).toList());
        assertEquals(rep.scraped(), st.get(0).in(), "the first stage receives the scrape");
        for (int k = 0; k < st.size(); k++) {
          StageReport s = st.get(k);
          assertEquals(s.in(), s.kept() + s.dropped());
          assertTrue(s.falsePositives() <= s.dropped() && s.falseNegatives() <= s.kept());
          assertTrue(s.falsePositives() <= s.humanIn());
          if (k > 0) {
            assertEquals(
                st.get(k - 1).out(),
                s.in(),
                "stage "
                    + (k + 1)
                    + " receives what "
                    + "stage "
                    + k
                    + " passed on, at tick "
                    + rep.tick());
            assertEquals(
                st.get(k - 1).humanIn()
                    - st.get(k - 1).falsePositives()
                    + (k - 1 == 2 ? st.get(k - 1).added() : 0),
                s.humanIn());
          }
        }
        StageReport anchor = st.get(2);
        assertEquals(0, anchor.dropped());
        assertEquals(Math.min(500, Math.round(0.2 * anchor.in() / 0.8)), anchor.added());
        assertEquals(anchor.out(), rep.composition().total(), "the model trains on the output");
        assertEquals(
            anchor.out() - anchor.falseNegatives(),
            rep.composition().human(),
            "human items in training: the anchor's and the human items kept");
        retrains++;
      }
    }
    assertEquals(3 * (TICKS - FIRST), retrains);
  }
}
