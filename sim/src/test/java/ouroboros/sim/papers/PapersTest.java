package ouroboros.sim.papers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import ouroboros.agents.domain.Metrics;
import ouroboros.agents.domain.regression.RegressionDomain;
import ouroboros.agents.model.RetrainReport;
import ouroboros.sim.engine.CopyPlan;
import ouroboros.sim.engine.RunOutcome;
import ouroboros.sim.engine.World;
import ouroboros.sim.engine.Worlds;
import ouroboros.sim.testing.EngineTest;
import ouroboros.sim.testing.Repo;

/**
 * The example scenarios of {@code scenarios/papers/}, one per published experiment, each run at a
 * reduced size through the real engine and checked against the figure its header states.
 *
 * <p>A paper averages over seeds; here each file runs with {@code copies: {count: R}}: copy r of
 * lab x is the model {@code x.c<r>} on its own sites, with its own truth and seed (the seed a sweep
 * gives replicate r), so one run holds R independent chains per lab. Only the number of ticks and
 * of copies is changed from the file. Every check compares the mean over the R chains with the
 * figure within Z = 4.5 standard errors: the exact standard error where the theory gives it, else
 * the chains' sample sd over sqrt(R) (the chains are independent, so this is the standard error of
 * their mean); where the figure is the authors' own simulation, its standard error is added in
 * quadrature. At 4.5 standard errors a normal mean fails 6.8e-6 of the time; the skewed ones
 * (variance ratios, squared errors of a few dimensions) are averaged over 100 or more chains, and
 * each comment states what is known of its tail. The whole class took 91 to 135 s on a 2-core
 * machine shared with a load of 16 to 30; most of it is the two Gaussian files in d = 2 and d = 10,
 * whose evaluation estimates tail masses on 20,000 draws per retrain.
 */
@Tag("slow")
class PapersTest extends EngineTest {
  static final double Z = 4.5;

  /** What a replicated run measured: for each lab and metric, value[copy][tick] (NaN: no fit). */
  private record Chains(Map<String, double[][]> values, World world) {
    double[][] of(String lab, String metric) {
      double[][] v = values.get(lab + "/" + metric);
      if (v == null) {
        throw new AssertionError("no " + metric + " for lab " + lab);
      }
      return v;
    }

    /** The metric of every copy at one tick. */
    double[] at(String lab, String metric, int tick) {
      double[][] v = of(lab, metric);
      double[] out = new double[v.length];
      for (int r = 0; r < v.length; r++) {
        out[r] = v[r][tick];
        assertTrue(Double.isFinite(out[r]), lab + " copy " + r + " has no fit at tick " + tick);
      }
      return out;
    }

    /** Each copy's mean of the metric over ticks from..to-1. */
    double[] averaged(String lab, String metric, int from, int to) {
      double[][] v = of(lab, metric);
      double[] out = new double[v.length];
      for (int r = 0; r < v.length; r++) {
        for (int t = from; t < to; t++) {
          assertTrue(Double.isFinite(v[r][t]), lab + " copy " + r + " has no fit at tick " + t);
          out[r] += v[r][t] / (to - from);
        }
      }
      return out;
    }
  }

  @Test
  void kazdanGaussian_replaceCollapses_accumulateAndSubsampleStayBounded() {
    // d = 10, n = 100 as in the file, g = 20 generations (ticks 0..19), R = 40 chains per regime
    // (in d = 10 each evaluation estimates two tail masses on 20,000 draws, the cost of this test).
    int g = 20;
    double n = 100;
    int d = 10;
    Chains c = run("kazdan-gaussian", 40, g);
    double shrink = Math.pow((n - 1) / n, g);
    // Replace: E||mu_g - mu||^2 = d (1 - ((n-1)/n)^g) = 1.821; a chain's error is close to a
    // chi^2_10 times 0.18 (sd 0.45 of its mean), so the mean of 40 is near normal.
    assertMean(d * (1 - shrink), c.at("replace", Metrics.MEAN_SQ_ERROR, g - 1), "replace error");
    // Replace: E tr ratio = ((n-1)/n)^g = 0.818; per dimension a product of chi2_{n-1}/n, and the
    // trace averages ten of them, so the sd is about 0.05 and nearly normal.
    assertMean(shrink, c.at("replace", Metrics.VARIANCE_RATIO, g - 1), "replace variance");
    // Accumulate: E||mu_g - mu||^2 = sum_j E[tr Sigma_{j-1}] / (n j^2) < d (pi^2/6)/n = 0.1645,
    // about 0.16 at g = 20 (the pooled variance shrinks a little): the mean may exceed
    // the bound by no more than Z standard errors.
    double[] acc = c.at("accumulate", Metrics.MEAN_SQ_ERROR, g - 1);
    double bound = d * Math.PI * Math.PI / 6 / n;
    System.out.printf(
        Locale.ROOT,
        "accumulate error: measured %.5f +- %.5f, bound %.5f%n",
        mean(acc),
        se(acc),
        bound);
    assertTrue(mean(acc) < bound + Z * se(acc), "accumulate " + mean(acc) + " vs bound " + bound);
    // Accumulate-subsample: the authors' loop (papers_reference.py, 4,000 seeds) gives 0.2786 +-
    // 0.0020 at g = 20, about the plateau it keeps to g = 100 (0.288).
    double[] sub = c.at("accumulate-subsample", Metrics.MEAN_SQ_ERROR, g - 1);
    assertMean(0.2786, 0.0020, sub, "accumulate-subsample error vs the authors' code");
    assertTrue(mean(sub) < 0.2 * d * (1 - shrink), "subsample far below replace: " + mean(sub));
  }

  @Test
  void kazdanDiscrete_entropyRatioFollowsAuthorsCode() {
    // K = 10 uniform, n = 100, replace, R = 200 chains to g = 30. The authors' loop
    // (papers_reference.py, 4,000 seeds): entropy ratio 0.5565 +- 0.0019 at g = 30. A chain's
    // ratio lies in [0, 1] with sd about 0.13, so the mean of 200 is close to normal.
    int g = 30;
    Chains c = run("kazdan-discrete", 200, g);
    double[] h = c.at("replace", Metrics.DIVERSITY_RATIO, g - 1);
    assertMean(0.5565, 0.0019, h, "entropy ratio at g = 30 vs the authors' code");
  }

  @Test
  void shumailovGaussian_meanVarianceKept_logVarianceFalls_meanErrorLinear() {
    // M = 100, unbiased variance, replace, R = 400 chains to g = 50.
    int g = 50;
    double m = 100;
    int r = 400;
    Chains c = run("shumailov-gaussian", r, g);
    double[] ratio = c.at("lab", Metrics.VARIANCE_RATIO, g - 1);
    // E sigma_g^2 = 1 and E (sigma_g^2)^2 = ((M+1)/(M-1))^g exactly, so the exact standard error
    // is sqrt((((M+1)/(M-1))^g - 1)/R) = 0.066. The ratio is close to log-normal (log-sd 1.0), so
    // the mean's tail is heavier on the low side than a normal's: 4 standard errors failed 1.7e-3
    // of the time at g = 100 (GaussianFidelityTest); at g = 50 and 4.5 the rate is below that.
    double seRatio = Math.sqrt((Math.pow((m + 1) / (m - 1), g) - 1) / r);
    assertNear(1.0, mean(ratio), seRatio, "E sigma_g^2 stays sigma^2");
    // log sigma_g^2 is a sum of g independent log(chi2_{M-1}/(M-1)): mean g (psi((M-1)/2) +
    // log(2/(M-1))) = -0.507, variance g psi'((M-1)/2) = 1.02, exactly; a sum of 50 such terms
    // is normal to a good approximation. So the median of sigma_g^2 falls to exp(-0.507) = 0.60.
    double[] logs = Arrays.stream(ratio).map(Math::log).toArray();
    double mu = g * (Gamma.digamma((m - 1) / 2) + Math.log(2 / (m - 1)));
    double seLog = Math.sqrt(g * Gamma.trigamma((m - 1) / 2) / r);
    assertNear(mu, mean(logs), seLog, "E log sigma_g^2: the variance collapses a.s.");
    // E (mu_g - mu)^2 = g / M = 0.5 with the unbiased variance.
    assertMean(g / m, c.at("lab", Metrics.MEAN_SQ_ERROR, g - 1), "mean error g/M");
  }

  @Test
  void heGoldenRatio_steadyStateErrorIsV() {
    // p = 2, n = m = 100 (k = 1), R = 80 chains per lab, 40 ticks, the error averaged over ticks
    // 10..39 (the file: 200 ticks, 150..199). Steady state E||theta - mu||^2 = p (sigma^2/n) V(w).
    // Every lab starts at the truth and the error's mean approaches V as (1 - w)^(2t), below 1e-6
    // by tick 10. A chain's average is a sum of 30 positively correlated terms (AR coefficient
    // 1 - w), near normal; its sd is about 25% of V, the standard error of the mean of 80 about 3%.
    int ticks = 40;
    Chains c = run("he-golden-ratio", 80, ticks);
    // golden-fits is the authors' convex combination of the two fits (combine: fits) at w =
    // 0.618: the same V(w), and its covariance, w S_real + (1 - w) S_synth of two unbiased fits,
    // keeps E variance ratio = 1 at every tick (a chain's 30-tick average has sd about 0.05).
    Map<String, Double> w =
        Map.of("unweighted", 0.5, "golden", 0.618, "real-heavy", 0.8, "golden-fits", 0.618);
    for (var e : w.entrySet()) {
      double v = e.getValue();
      double expected = 2 / 100.0 * (v * v + (1 - v) * (1 - v)) / (1 - (1 - v) * (1 - v));
      double[] err = c.averaged(e.getKey(), Metrics.MEAN_SQ_ERROR, 10, ticks);
      assertMean(expected, err, e.getKey() + " (w = " + v + ") vs p sigma^2 V(w) / n");
    }
    assertMean(
        1.0, c.averaged("golden-fits", Metrics.VARIANCE_RATIO, 10, ticks), "golden-fits variance");
  }

  @Test
  void gerstgrasserRegression_replaceGrowsAsNc_accumulateAsCSumInverseSquares() {
    // d = 10, T = 100, s = 1, R = 100 copies, to fit N = 20 (tick 18). Each copy draws its own
    // design X_c, so the figure is taken given the designs: E||w_N - w*||^2 = h(N) s^2
    // tr((X_c'X_c)^-1), h(N) = N (replace) or sum_{i<=N} 1/i^2 (accumulate), and the chains' mean
    // estimates its mean over the copies; SCIENCE.md's c = s^2 d/(T - d - 1) is its mean over all
    // designs (RegressionClosedFormTest checks that). A chain's error is a quadratic form in
    // Gaussians (a weighted chi^2 with about 10 degrees of freedom) with sd about 0.45 of its mean,
    // so the mean of 100 is near normal; the chains' sample sd includes the spread of the designs.
    int fits = 20;
    Chains c = run("gerstgrasser-regression", 100, fits - 1);
    double given =
        c.world().copies().domains().stream()
            .mapToDouble(d -> ((RegressionDomain) d).designConstant())
            .average()
            .orElseThrow();
    Map<String, Double> h = regressionGrowth(fits);
    double[] rep = c.at("replace", Metrics.POPULATION_RISK, fits - 2);
    assertMean(h.get("replace") * given, rep, "replace: N s^2 tr (X'X)^-1");
    double[] acc = c.at("accumulate", Metrics.POPULATION_RISK, fits - 2);
    assertMean(h.get("accumulate") * given, acc, "accumulate: s^2 tr (X'X)^-1 sum 1/i^2");
  }

  @Test
  void bertrandFixedRealSet_stableForEveryLambda_fullySyntheticCollapses() {
    // N = 100, R = 200 chains per lab, 45 ticks, the error averaged over ticks 15..44. Steady
    // state E(mu_t - mu)^2 = (sigma^2/N)(1 + lambda/(1 + 2 lambda)), up to O(1/N) (about -0.3%
    // at lambda = 1, from the pooled variance's fixed point). A chain's average is dominated by
    // its real set's (xbar - mu)^2, a chi^2_1 times sigma^2/N, so its sd is about 1.5 sigma^2/N
    // and the mean of 200 has a standard error near 8% of the figure; a chi^2_1 mean of 200 is
    // slightly right-skewed (skewness 0.2), which leaves the two-sided rate near the normal's. The
    // start (the truth) is forgotten as a^(2t), below 1e-5 by tick 15 at a = 2/3.
    int ticks = 45;
    Chains c = run("bertrand-fixed-real", 200, ticks);
    Map<String, Double> lambda = Map.of("lambda-half", 0.5, "lambda-one", 1.0, "lambda-two", 2.0);
    for (var e : lambda.entrySet()) {
      double l = e.getValue();
      double expected = (1 + l / (1 + 2 * l)) / 100;
      double[] err = c.averaged(e.getKey(), Metrics.MEAN_SQ_ERROR, 15, ticks);
      assertMean(expected, err, e.getKey() + ": stable around the real set");
    }
    // Fully synthetic, MLE: E sigma_g^2 = ((N-1)/N)^g = 0.636 at g = 45, and E(mu_g - mu)^2 =
    // sigma^2 (1 - ((N-1)/N)^g) = 0.364, 27 times the anchored labs' error.
    double shrink = Math.pow(0.99, ticks);
    assertMean(shrink, c.at("fully-synthetic", Metrics.VARIANCE_RATIO, ticks - 1), "variance");
    assertMean(1 - shrink, c.at("fully-synthetic", Metrics.MEAN_SQ_ERROR, ticks - 1), "drift");
  }

  @Test
  void bertrandWarmStart_stableAndCloserToTheRealSet_fullySyntheticCollapsesMoreSlowly() {
    // N = lambda N = 100, R = 200 chains per lab, 60 ticks, the error averaged over ticks 20..59.
    // With a = lambda/(1 + lambda) and b = 1 - eta/(1 + lambda), the steady state is E(mu_t -
    // mu)^2 = (sigma^2/N)(1 + eta^2 a^2/(lambda (1 - b^2))): 0.01333 refitting (eta = 1), 0.01143
    // warm (eta = 0.5). As in the test above, a chain's average is dominated by its real set's
    // (xbar - mu)^2, sd about 1.5 sigma^2/N, the mean of 200 within about 8%. The start is
    // forgotten as b^t: 0.75^20 = 0.003 of sigma^2/N at the first tick averaged.
    int ticks = 60;
    Chains c = run("bertrand-warm-start", 200, ticks);
    Map<String, Double> eta = Map.of("refit", 1.0, "warm", 0.5);
    for (var e : eta.entrySet()) {
      double h = e.getValue();
      double a = 0.5;
      double b = 1 - h / 2;
      double expected = (1 + h * h * a * a / (1 - b * b)) / 100;
      double[] err = c.averaged(e.getKey(), Metrics.MEAN_SQ_ERROR, 20, ticks);
      assertMean(expected, err, e.getKey() + " (eta = " + h + "): stable around the real set");
    }
    // Fully synthetic, warm start eta = 0.5, MLE: E sigma_g^2 = (1 - eta/N)^g = 0.740 at g = 60,
    // E mu_g^2 = eta (1 - (1 - eta/N)^g) = 0.130 (refitting: 0.547 and 0.453).
    double shrink = Math.pow(1 - 0.5 / 100, ticks);
    assertMean(shrink, c.at("synthetic-warm", Metrics.VARIANCE_RATIO, ticks - 1), "variance");
    assertMean(
        0.5 * (1 - shrink), c.at("synthetic-warm", Metrics.MEAN_SQ_ERROR, ticks - 1), "drift");
  }

  /** A measured mean within Z of its exact standard error {@code se} of the expected value. */
  static void assertNear(double expected, double measured, double se, String what) {
    String line =
        String.format(
            Locale.ROOT,
            "%s: measured %.5f +- %.5f (exact se), expected %.5f",
            what,
            measured,
            se,
            expected);
    System.out.println(line);
    assertEquals(expected, measured, Z * se, line);
  }

  /** The mean of x is expected within Z standard errors of its sample sd. */
  private static void assertMean(double expected, double[] x, String what) {
    assertMean(expected, 0, x, what);
  }

  /** As above, with the reference figure's own standard error added in quadrature. */
  static void assertMean(double expected, double refSe, double[] x, String what) {
    double se = Math.sqrt(se(x) * se(x) + refSe * refSe);
    String line =
        String.format(
            Locale.ROOT,
            "%s: measured %.5f +- %.5f (se, %d chains), expected %.5f",
            what,
            mean(x),
            se,
            x.length,
            expected);
    System.out.println(line);
    assertEquals(expected, mean(x), Z * se, line);
  }

  static double mean(double[] x) {
    return Arrays.stream(x).average().orElseThrow();
  }

  static double se(double[] x) {
    double m = mean(x);
    double ss = Arrays.stream(x).map(v -> (v - m) * (v - m)).sum();
    return Math.sqrt(ss / (x.length - 1) / x.length);
  }

  /**
   * Runs {@code scenarios/papers/NAME.yaml} for {@code ticks} ticks with {@code copies} copies of
   * each lab, and keeps every retrain's metrics by lab, copy and tick.
   */
  private static Chains run(String name, int copies, int ticks) {
    World world = Worlds.of(copied(name, copies, ticks), seed(name));
    return new Chains(values(world, copies), world);
  }

  /**
   * h(N) of the fixed-design regression after N fits, by regime: the error given a design is h(N)
   * s^2 tr((X'X)^-1) (or tr((XX')^-1) below d), with h(N) = N under replace and sum_{i<=N} 1/i^2
   * under accumulate.
   */
  static Map<String, Double> regressionGrowth(int fits) {
    double inverseSquares = 0;
    for (int i = 1; i <= fits; i++) {
      inverseSquares += 1.0 / ((double) i * i);
    }
    return Map.of("replace", (double) fits, "accumulate", inverseSquares);
  }

  /**
   * Runs a world of {@code copies} copies on the class's simulation, and keeps every retrain's
   * metrics by lab ({@code lab/metric}), copy and tick.
   */
  static Map<String, double[][]> values(World world, int copies) {
    Map<String, double[][]> values = new HashMap<>();
    RunOutcome outcome =
        sim.run(
            world,
            tick -> {
              for (RetrainReport rep : tick.reports()) {
                String lab = CopyPlan.base(rep.id());
                int copy = Integer.parseInt(rep.id().substring(lab.length() + 2));
                for (var e : rep.evaluation().values().entrySet()) {
                  double[][] v =
                      values.computeIfAbsent(
                          lab + "/" + e.getKey(), k -> nanMatrix(copies, world.ticks()));
                  v[copy][rep.tick()] = e.getValue();
                }
              }
            });
    assertTrue(outcome.completed(), outcome.failure());
    return values;
  }

  private static double[][] nanMatrix(int rows, int cols) {
    double[][] m = new double[rows][cols];
    for (double[] row : m) {
      Arrays.fill(row, Double.NaN);
    }
    return m;
  }

  static long seed(String name) {
    return read(name).get("seed").asLong();
  }

  private static ObjectNode read(String name) {
    try {
      return (ObjectNode)
          new YAMLMapper().readTree(Repo.scenario("papers/" + name + ".yaml").toFile());
    } catch (IOException e) {
      throw new AssertionError("cannot read " + name + ": " + e.getMessage(), e);
    }
  }

  /** The file's text with its ticks set and {@code copies: {count: R}}. */
  static String copied(String name, int copies, int ticks) {
    ObjectNode root = read(name);
    root.put("ticks", ticks);
    root.putObject("copies").put("count", copies);
    try {
      return new YAMLMapper().writeValueAsString(root);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
