package ouroboros.sim.papers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import ouroboros.agents.domain.Metrics;
import ouroboros.sim.engine.Worlds;
import ouroboros.sim.testing.EngineTest;

/**
 * The density experiments of {@code scenarios/papers/} (Kazdan et al.'s KDE on blobs, Shumailov et
 * al.'s Gaussian mixture), run as {@link PapersTest} runs the others: each lab copied R times on
 * its own site in one world, at a reduced size, every copy with its own seed, truth and held-out
 * set. The mean over the chains is compared with the authors' loop run over thousands of seeds
 * (sim/src/test/resources/calibration/papers_density_reference.py for the KDE,
 * papers_gmm_reference.py for the mixture) within Z = 4.5 combined standard errors: the chains'
 * (sample sd over sqrt(R)) and the reference's, in quadrature. A normal mean fails 4.5 standard
 * errors 6.8e-6 of the time; each comment says what is known of the tails.
 */
@Tag("slow")
class PapersDensityTest extends EngineTest {
  private static final double Z = 4.5;

  @Test
  void kazdanKde_accumulateBounded_subsampleBetween_replaceDiverges() {
    // n = 100, sklearn's Scott bandwidth, R = 30 copies, each with its own blob centres (drawn in
    // [-10, 10]^2 by copies.truth) and its own held-out set, to iteration 20 (tick 19). The
    // copies are independent, held-out sets included, so the chains' spread holds every source
    // of error and the standard error of their mean is their sd over sqrt(R).
    int r = 30;
    int g = 20;
    Map<String, double[][]> c = run("kazdan-kde", r, g, 0);
    String[] labs = {"replace", "accumulate", "accumulate-subsample"};
    // Iteration 1 is a fit on 100 human items in every regime; the three regimes of a copy share
    // its held-out set, so each copy contributes the mean of its three. A chain's excess NLL
    // there has sd about 0.05, near normal. The authors' loop: 0.1787 +- 0.0008.
    double[] first = new double[r];
    for (String lab : labs) {
      double[] v = at(c, lab, Metrics.POPULATION_RISK, 0);
      for (int i = 0; i < r; i++) {
        first[i] += v[i] / labs.length;
      }
    }
    PapersTest.assertMean(REF_FIRST, REF_FIRST_SE, first, "iteration 1");
    // Accumulate: the pool keeps the human items and the bandwidth shrinks as n^(-1/6) with it;
    // accumulate-subsample lies between accumulate and replace. The authors' loop at iteration
    // 20: 0.2383 +- 0.0020 and 0.3762 +- 0.0033; there a seed's value has sd 0.07 and 0.11 in
    // that loop (0.04 and 0.10 over this test's chains), close to normal. One run of this test
    // measured 0.1892 +- 0.0044 (iteration 1),
    // 0.2420 +- 0.0076 and 0.3933 +- 0.0178 (tolerances 0.020, 0.035, 0.081; with one held-out
    // set shared by every chain they were about 0.13).
    PapersTest.assertMean(
        REF_ACC,
        REF_ACC_SE,
        at(c, "accumulate", Metrics.POPULATION_RISK, g - 1),
        "accumulate, iteration 20");
    PapersTest.assertMean(
        REF_SUB,
        REF_SUB_SE,
        at(c, "accumulate-subsample", Metrics.POPULATION_RISK, g - 1),
        "accumulate-subsample, iteration 20");
    // Replace diverges: its excess NLL is heavy-tailed (a reference item far from every surviving
    // kernel costs d2 / 2h^2 nats), so its mean is checked only to lie far above accumulate's.
    double[] rep = at(c, "replace", Metrics.POPULATION_RISK, g - 1);
    double[] acc = at(c, "accumulate", Metrics.POPULATION_RISK, g - 1);
    System.out.printf(Locale.ROOT, "replace, iteration 20: %.4f +- %.4f%n", mean(rep), se(rep));
    assertTrue(mean(rep) > 3 * mean(acc), "replace " + mean(rep) + " vs accumulate " + mean(acc));
    // Its location against the authors' loop, by a sign test, which needs no assumption on the
    // tail: the number of copies below the reference's median (2.3076 over 1,200 seeds; its mean
    // 5.16 +- 0.38 is a few seeds' tail) is Binomial(R, 1/2), within [4, 26] of 30 but with
    // probability 2 P(X <= 3) = 8.4e-6. (On a log scale the two agree too: one run measured a
    // mean log of 1.070 +- 0.106 against the reference's 1.015 +- 0.024; the log is still skewed,
    // 1.7, so a 4.5-se test of it would fail about once in 1,000 runs.)
    long below = Arrays.stream(rep).filter(v -> v < REF_REP_MEDIAN).count();
    System.out.printf(Locale.ROOT, "replace, iteration 20: %d of %d below the median%n", below, r);
    assertTrue(
        below >= 4 && below <= r - 4,
        below + " of " + r + " replace chains below the authors' median " + REF_REP_MEDIAN);
    // The raw NLL is the excess plus the truth's own NLL on the held-out set, the same for every
    // model of a copy's world; it differs between copies (own centres, own held-out set).
    double[] nll = at(c, "accumulate", Metrics.NLL, g - 1);
    double[] replaceNll = at(c, "replace", Metrics.NLL, 0);
    double[] replaceRisk = at(c, "replace", Metrics.POPULATION_RISK, 0);
    java.util.Set<Double> truthNll = new java.util.HashSet<>();
    for (int i = 0; i < r; i++) {
      assertEquals(nll[i] - acc[i], replaceNll[i] - replaceRisk[i], 1e-9, "copy " + i);
      truthNll.add(Math.round((nll[i] - acc[i]) * 1e6) / 1e6);
    }
    assertEquals(r, truthNll.size(), "every copy has its own truth and held-out set");
  }

  @Test
  void shumailovGmm_l2ToFirstFit_followsTheAuthorsLoop() {
    // N = 100 (the file: 1,000), R = 64 chains, to fit 12 (tick 11). The figure is plotted on a
    // log axis and L2 is heavy-tailed (a component shrunk onto a few points is a tall narrow
    // peak: in the authors' loop the mean of L2 at fit 12 is 0.19 but its median 0.076), so the
    // check is on the mean of log L2, whose sd over chains is about 0.65 and whose distribution is
    // close to normal. The authors' loop (papers_gmm_reference.py, scikit-learn's GaussianMixture
    // re-implemented in numpy, 1,000 seeds): -4.049 +- 0.020 at fit 4, -2.587 +- 0.023 at fit 12.
    // The same loop with Ouroboros' EM starts (--init ouroboros: k-means++ means, the data's
    // covariance, best of 3; 500 seeds) gives -3.918 +- 0.027 and -2.484 +- 0.030, 0.13 and 0.10
    // higher (the starts reach different local optima), below this test's resolution (4.5 se of
    // 64 chains: about 0.35). One run of this test measured -3.890 +- 0.074 and -2.587 +- 0.081.
    int g = 12;
    Map<String, double[][]> c = run("shumailov-gmm", 64, g, 100);
    for (double v : at(c, "lab", Metrics.L2_TO_FIRST_FIT, 0)) {
      assertEquals(0.0, v, "the first fit is its own reference");
    }
    double[] early = log(at(c, "lab", Metrics.L2_TO_FIRST_FIT, 3));
    double[] late = log(at(c, "lab", Metrics.L2_TO_FIRST_FIT, g - 1));
    PapersTest.assertMean(REF_GMM_4, REF_GMM_4_SE, early, "log L2 to the first fit, fit 4");
    PapersTest.assertMean(REF_GMM_12, REF_GMM_12_SE, late, "log L2 to the first fit, fit 12");
  }

  /** The authors' Gaussian-mixture loop, mean of log L2(first fit, fit 4), 1,000 seeds. */
  private static final double REF_GMM_4 = -4.0490;

  private static final double REF_GMM_4_SE = 0.0201;

  /** The same at fit 12. */
  private static final double REF_GMM_12 = -2.5865;

  private static final double REF_GMM_12_SE = 0.0226;

  /** The natural log of each value (each a positive distance). */
  private static double[] log(double[] x) {
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      assertTrue(x[i] > 0, "a distance of " + x[i] + " after the first fit");
      out[i] = Math.log(x[i]);
    }
    return out;
  }

  /**
   * The authors' loop with centres drawn per seed (papers_density_reference.py, 1,200 seeds per
   * regime), iteration 1, over the three regimes' 3,600 seeds.
   */
  /** The authors' loop, replace, iteration 20: the median over 1,200 seeds. */
  private static final double REF_REP_MEDIAN = 2.3076;

  private static final double REF_FIRST = 0.17866;

  private static final double REF_FIRST_SE = 0.00084;

  /** The same, accumulate, iteration 20 (1,200 seeds). */
  private static final double REF_ACC = 0.23834;

  private static final double REF_ACC_SE = 0.00195;

  /** The same, accumulate-subsample, iteration 20 (1,200 seeds). */
  private static final double REF_SUB = 0.37615;

  private static final double REF_SUB_SE = 0.00330;

  /** The metric of every copy of a lab at one tick. */
  private static double[] at(Map<String, double[][]> c, String lab, String metric, int tick) {
    double[][] v = c.get(lab + "/" + metric);
    assertTrue(v != null, "no " + metric + " for " + lab);
    double[] out = new double[v.length];
    for (int r = 0; r < v.length; r++) {
      out[r] = v[r][tick];
      assertTrue(Double.isFinite(out[r]), lab + " copy " + r + " has no " + metric + " at " + tick);
    }
    return out;
  }

  private static double mean(double[] x) {
    return PapersTest.mean(x);
  }

  private static double se(double[] x) {
    return PapersTest.se(x);
  }

  /**
   * Runs a papers file with {@code copies: {count: R}} ({@link PapersTest#copied}), with every
   * model's scrape and publish rate set to {@code n} when n is positive, and keeps each metric by
   * lab, copy and tick.
   */
  private static Map<String, double[][]> run(String name, int copies, int ticks, int n) {
    String yaml = PapersTest.copied(name, copies, ticks);
    YAMLMapper mapper = new YAMLMapper();
    long seed;
    try {
      ObjectNode root = (ObjectNode) mapper.readTree(yaml);
      seed = root.get("seed").asLong();
      if (n > 0) {
        for (JsonNode m : root.get("models")) {
          ((ObjectNode) m).put("scrape", n).put("publish-rate", n);
        }
      }
      yaml = mapper.writeValueAsString(root);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return PapersTest.values(Worlds.of(yaml, seed), copies);
  }
}
