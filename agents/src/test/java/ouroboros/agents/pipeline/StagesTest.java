package ouroboros.agents.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import ouroboros.agents.data.AuthorKind;
import ouroboros.agents.data.Batch;
import ouroboros.agents.data.Items;
import ouroboros.agents.domain.gaussian.GaussianDomain;
import ouroboros.agents.domain.gaussian.GaussianModel;

/** Each pipeline stage on hand-made items, and the pipeline's bookkeeping. */
class StagesTest {
  private static final GaussianDomain DOMAIN = domain();

  private static GaussianDomain domain() {
    try {
      return new GaussianDomain(GaussianModel.of(new double[] {0}, new double[][] {{1}}));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static UniformRandomProvider rng(long seed) {
    return RandomSource.L64_X128_MIX.create(seed);
  }

  /** {@code human} human items then {@code synthetic} synthetic ones, values 0, 1, 2, ... */
  private static Items items(int human, int synthetic, byte syntheticFlags) {
    int n = human + synthetic;
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = i;
    }
    Items h =
        Items.uniform(
            new Batch(human, 1, java.util.Arrays.copyOf(v, human)),
            0,
            AuthorKind.HUMAN,
            0,
            0,
            0f,
            (short) 0);
    Items s =
        Items.uniform(
            new Batch(synthetic, 1, java.util.Arrays.copyOfRange(v, human, n)),
            1,
            AuthorKind.MODEL,
            0,
            1,
            1f,
            (short) 0);
    byte[] f = new byte[synthetic];
    java.util.Arrays.fill(f, syntheticFlags);
    return Items.concat(List.of(h, s.withFlags(f)), 1);
  }

  @Test
  void zScore_kirchenbauerSetting_highPowerTinyFalsePositives() {
    // gamma 0.25, delta 2, 200 tokens, z > 4: SCIENCE.md quotes about 98% true positives and a
    // false-positive rate near 1e-5 (the real text's entropy lowers the 98%; the binomial model
    // assumes every token could be green).
    double tpr = Detector.tail(0.25, 4, 200, 2.0);
    double fpr = Detector.tail(0.25, 4, 200, 0);
    assertTrue(tpr > 0.98, "tpr " + tpr);
    assertTrue(fpr > 1e-6 && fpr < 1e-4, "fpr " + fpr);
    // Short items escape: at 10 tokens z > 4 needs 8 green tokens of 10, which a watermarked
    // sentence (green share 0.711) reaches with probability 0.413.
    assertEquals(0.4133, Detector.tail(0.25, 4, 10, 2.0), 1e-4);
    assertTrue(Detector.tail(0.25, 4, 10, 2.0) < Detector.tail(0.25, 4, 40, 2.0));
    assertTrue(Detector.tail(0.25, 4, 40, 0.5) < Detector.tail(0.25, 4, 40, 2.0));
  }

  @Test
  void watermarkFlags_strengthRoundTripsToAQuarter() {
    Items marked = items(0, 3, Items.watermarkFlags(2.1));
    assertTrue(marked.watermarked(0));
    assertEquals(2.0, marked.watermarkStrength(0));
    assertEquals(7.75, items(0, 1, Items.watermarkFlags(7.75)).watermarkStrength(0));
    assertThrows(IllegalArgumentException.class, () -> Items.watermarkFlags(8));
    assertThrows(IllegalArgumentException.class, () -> Items.watermarkFlags(0.1));
  }

  @Test
  void watermarkFilter_perfectDetector_dropsExactlyTheWatermarked() {
    Items in = items(5, 5, Items.watermarkFlags(2));
    Pipeline p = new Pipeline(List.of(new WatermarkFilter(Detector.operatingPoint(1, 0), rng(1))));
    Pipeline.Result r = p.run(in);
    StageReport st = r.reports().get(0);
    assertEquals(new StageReport(1, "watermark-filter", 10, 5, 5, 0, 0, 0, 5), st);
    assertEquals(5, st.truePositives());
    assertEquals(5, st.trueNegatives());
  }

  @Test
  void aiDetector_depthDecayAndFamilies_lowerTheTruePositiveRate() {
    AiDetector d = new AiDetector(0.8, 0.1, 0.5, Map.of(7, 0.2), rng(2));
    Items in = items(1, 1, (byte) 0);
    assertEquals(0.1, d.flagProbability(in, 0));
    assertEquals(0.8, d.flagProbability(in, 1));
    Items deep =
        new Items(
            in.payload(),
            in.author(),
            in.kind(),
            in.tick(),
            in.generation(),
            new float[] {0f, 3f},
            in.flags(),
            in.site());
    assertEquals(0.8 * 0.25, d.flagProbability(deep, 1), 1e-12);
    Items family =
        new Items(
            in.payload(),
            new int[] {0, 7},
            in.kind(),
            in.tick(),
            in.generation(),
            in.depth(),
            in.flags(),
            in.site());
    assertEquals(0.2, d.flagProbability(family, 1));
  }

  @Test
  void weighting_share_realItemsCarryTheirShareOfTheTotal() {
    Items in = items(2, 6, (byte) 0);
    TrainingData out = Weighting.share(0.618).apply(TrainingData.of(in)).data();
    double real = out.weight(0) + out.weight(1);
    double total = java.util.Arrays.stream(out.weights()).sum();
    assertEquals(8, total, 1e-12);
    assertEquals(0.618, real / total, 1e-12);
    TrainingData perItem = Weighting.perItem(2, 0.5).apply(TrainingData.of(in)).data();
    assertEquals(2, perItem.weight(0));
    assertEquals(0.5, perItem.weight(7));
    TrainingData onlyHuman = TrainingData.of(items(3, 0, (byte) 0));
    assertEquals(onlyHuman, Weighting.share(0.3).apply(onlyHuman).data());
  }

  @Test
  void humanAnchor_addsItsFractionFromAFiniteReserve() {
    HumanAnchor a = new HumanAnchor(30, 0.2, new StageEnv(DOMAIN, rng(3)));
    Stage.Output out = a.apply(TrainingData.of(items(40, 40, (byte) 0)));
    assertEquals(20, out.added());
    assertEquals(100, out.data().size());
    for (int i = 80; i < 100; i++) {
      assertEquals(Items.ARCHIVE, out.data().items().author()[i]);
      assertTrue(!out.data().items().synthetic(i));
    }
    // Capped at the reserve: 0.2 of 400 received would be 100 reserve items.
    assertEquals(30, a.apply(TrainingData.of(items(200, 200, (byte) 0))).added());
  }

  /**
   * QA, stop 35 (as for dedup): an oracle's ties at the cut-off went to the first items in the
   * scrape, humans before models on a site. A human and a synthetic copy of each value 0..7, keep 3
   * of the 16: both copies of 0, and one copy of 1, which is the human one about half the time.
   */
  @Test
  void verification_tieAtTheCut_keptAtRandom() {
    Items pairs = Items.concat(List.of(items(8, 0, (byte) 0), items(0, 8, (byte) 0)), 1);
    Verification v = new Verification(0, 3 / 16.0, Double.NaN, new StageEnv(DOMAIN, rng(9)));
    int human = 0;
    int reps = 400;
    for (int r = 0; r < reps; r++) {
      Items out = v.apply(TrainingData.of(pairs)).data().items();
      assertEquals(3, out.size());
      int ones = 0;
      for (int i = 0; i < out.size(); i++) {
        double x = out.payload().get(i, 0);
        assertTrue(x <= 1.0, "kept only the likeliest values: " + x);
        if (x == 1.0) {
          ones++;
          human += out.synthetic(i) ? 0 : 1;
        }
      }
      assertEquals(1, ones);
    }
    assertEquals(0.5, human / (double) reps, 0.1, "share of ties won by the human copy");
  }

  @Test
  void verification_oracleKeepsTheLikeliestItems() {
    Items in = items(6, 0, (byte) 0); // values 0..5 under N(0, 1): 0 is likeliest
    Verification v = new Verification(0, 0.5, Double.NaN, new StageEnv(DOMAIN, rng(4)));
    TrainingData kept = v.apply(TrainingData.of(in)).data();
    assertArrayEquals(new double[] {0, 1, 2}, kept.items().payload().values());
    Verification t =
        new Verification(
            0, Double.NaN, DOMAIN.truthScore(in.payload(), 1), new StageEnv(DOMAIN, rng(5)));
    assertEquals(2, t.apply(TrainingData.of(in)).data().size());
  }

  @Test
  void dedup_exactAndNear() {
    Items in =
        Items.uniform(
            new Batch(5, 1, new double[] {1.0, 1.0, 1.04, 2.0, 1.0}),
            0,
            AuthorKind.HUMAN,
            0,
            0,
            0f,
            (short) 0);
    assertEquals(
        3, new Dedup(0, new StageEnv(DOMAIN, rng(6))).apply(TrainingData.of(in)).data().size());
    assertEquals(
        2, new Dedup(0.1, new StageEnv(DOMAIN, rng(6))).apply(TrainingData.of(in)).data().size());
  }

  /**
   * QA, stop 35: dedup kept the first copy, so a scrape's order (by site, humans before models)
   * decided that every human copy survived, or none. Now each group keeps a random member: with a
   * human and a synthetic copy of each of 100 values, about half the kept items are human.
   */
  @Test
  void dedup_keepsARandomCopy_notTheFirst() {
    Items h = items(100, 0, (byte) 0);
    Items s = items(0, 100, (byte) 0);
    Items pairs = Items.concat(List.of(h, s), 1);
    Dedup d = new Dedup(0, new StageEnv(DOMAIN, rng(7)));
    int kept = 0;
    int human = 0;
    for (int r = 0; r < 20; r++) {
      Items out = d.apply(TrainingData.of(pairs)).data().items();
      assertEquals(100, out.size());
      for (int i = 0; i < out.size(); i++) {
        kept++;
        human += out.synthetic(i) ? 0 : 1;
        if (i > 0) { // the input's order: human copies by value, then synthetic ones
          boolean sameKind = out.synthetic(i - 1) == out.synthetic(i);
          assertTrue(sameKind || out.synthetic(i), "a human copy after a synthetic one");
          assertTrue(!sameKind || out.payload().get(i - 1, 0) < out.payload().get(i, 0));
        }
      }
    }
    double share = human / (double) kept; // binomial: sd 0.011 over 2,000 pairs
    assertEquals(0.5, share, 0.06, "share of human copies kept");
    Items a =
        new Dedup(0, new StageEnv(DOMAIN, rng(8))).apply(TrainingData.of(pairs)).data().items();
    Items b =
        new Dedup(0, new StageEnv(DOMAIN, rng(8))).apply(TrainingData.of(pairs)).data().items();
    assertArrayEquals(a.kind(), b.kind(), "the same stream keeps the same copies");
  }

  @Test
  void provenance_keepsOrWeightsSignedItems() {
    Items in = items(4, 0, (byte) 0).withFlags(new byte[] {Items.SIGNED, 0, Items.SIGNED, 0});
    assertEquals(2, new ProvenanceFilter(true, 1).apply(TrainingData.of(in)).data().size());
    TrainingData w = new ProvenanceFilter(false, 3).apply(TrainingData.of(in)).data();
    assertArrayEquals(new double[] {3, 1, 3, 1}, w.weights());
  }

  @Test
  void pipeline_stageThatInventsItems_isRefused() {
    Stage bad =
        new Stage() {
          @Override
          public String name() {
            return "bad";
          }

          @Override
          public Output apply(TrainingData in) {
            return Output.filtered(TrainingData.of(items(in.size() + 1, 0, (byte) 0)));
          }
        };
    assertThrows(
        IllegalStateException.class, () -> new Pipeline(List.of(bad)).run(items(2, 2, (byte) 0)));
  }
}
