package ouroboros.sim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import ouroboros.agents.collapse.Definition;
import ouroboros.agents.collapse.Verdict;
import ouroboros.agents.domain.Metrics;
import ouroboros.agents.domain.categorical.CategoricalDomain;
import ouroboros.agents.model.RetrainReport;
import ouroboros.sim.scenario.check.ScenarioException;
import ouroboros.sim.scenario.compile.WorldCompiler;
import ouroboros.sim.scenario.load.ScenarioLoader;
import ouroboros.sim.testing.EngineTest;

/**
 * SCIENCE.md's tails result (Shumailov et al., Nature 2024) through the real engine: a categorical
 * truth with 90% yellow and 10% blue, sampled with truncation (top-p 0.9, Holtzman et al. 2020) or
 * temperature 0.5 under replace, loses blue within a few generations, and definition 7
 * (tail-mass-ratio = m_blue / 0.1 below 0.5) fires; under accumulate with plain sampling it does
 * not. Each run is R independent chains in one world, one model per site with retention 1, as in
 * {@link Worlds#chains}: each generation trains on exactly the previous one's M items (replace) or
 * on all of them so far (accumulate). A uniform truth has no tail, so there definition 7 is n/a.
 *
 * <p>Tolerances come from the exact law of each chain: the blue count of a generation is
 * Binomial(M, q(b)) given the previous share b, where q is the sampled blue share, so its
 * distribution is a small Markov chain, computed exactly here (and with scipy, whose numbers the
 * comments quote). Each assertion states its false-failure rate.
 */
@Tag("slow")
class CategoricalCollapseTest extends EngineTest {
  private static final String DOMAIN =
      "{type: categorical, probabilities: [0.9, 0.1], names: [yellow, blue]}";
  private static final long SEED = 20240724L;

  /** R chains of M items; the model block's extra keys (initial, sampling) are given. */
  private static String chains(int r, int m, int ticks, String regime, String extra) {
    StringBuilder b = new StringBuilder();
    b.append("name: yellow-blue-chains\nticks: ").append(ticks).append('\n');
    b.append("domain: ").append(DOMAIN).append('\n');
    b.append("web: {retention: 1}\ncollapse: {baseline-cap: 0}\nsites:\n");
    for (int i = 0; i < r; i++) {
      b.append("  - id: s").append(i).append('\n');
    }
    b.append("models:\n");
    for (int i = 0; i < r; i++) {
      b.append("  - {id: m")
          .append(i)
          .append(", regime: ")
          .append(regime)
          .append(", scrape: ")
          .append(m)
          .append(", publish-rate: ")
          .append(m)
          .append(", site: s")
          .append(i)
          .append(", crawl: {sites: [s")
          .append(i)
          .append("]}, ")
          .append(extra)
          .append("}\n");
    }
    return b.toString();
  }

  /**
   * Runs the chains; element [g][i] is chain i's report for generation g. Row 0 is unused, and so
   * is row 1 under {@code initial: fit-truth}, whose first fit happens before tick 0.
   */
  private static RetrainReport[][] run(String yaml, int r, int generations) {
    World world = Worlds.of(yaml, SEED);
    assertInstanceOf(CategoricalDomain.class, world.domain());
    RetrainReport[][] byGeneration = new RetrainReport[generations + 1][r];
    RunOutcome outcome =
        sim.run(
            world,
            t -> {
              for (RetrainReport rep : t.reports()) {
                byGeneration[rep.generation()][rep.agent()] = rep;
              }
            });
    assertTrue(outcome.completed(), outcome.failure());
    for (RetrainReport rep : byGeneration[generations]) {
      assertTrue(rep != null && !rep.fitFailed(), "every chain reaches generation " + generations);
    }
    return byGeneration;
  }

  private static double tail(RetrainReport rep) {
    return rep.evaluation().get(Metrics.TAIL_MASS_RATIO);
  }

  private static Verdict.State tailVerdict(RetrainReport rep) {
    return rep.verdicts().stream()
        .filter(v -> v.definition() == Definition.TAIL_LOSS)
        .findFirst()
        .orElseThrow()
        .state();
  }

  @Test
  void replace_topP09FromTheTruth_losesBlueAtOnce() {
    // The model starts as the truth. Yellow alone has mass 0.9, which reaches p = 0.9, so the
    // nucleus is {yellow}: no blue item is ever published, deterministically. No tolerance.
    int r = 50;
    RetrainReport[][] g =
        run(chains(r, 100, 3, "replace", "initial: truth, sampling: {top-p: 0.9}"), r, 3);
    for (int gen = 1; gen <= 3; gen++) {
      for (RetrainReport rep : g[gen]) {
        assertEquals(0.0, tail(rep), "generation " + gen + " of " + rep.id());
        assertEquals(Verdict.State.YES, tailVerdict(rep));
        assertEquals(Double.POSITIVE_INFINITY, rep.evaluation().get(Metrics.POPULATION_RISK));
      }
    }
  }

  @Test
  void replace_temperatureHalf_losesBlueWithinThreeGenerations() {
    // Generation 1 is a fit on M = 100 real items (initial: fit-truth). At T = 0.5 the sampled
    // blue share is b^2 / (b^2 + (1-b)^2), 1/82 at b = 0.1, so blue dies out fast. Exact chain
    // law: P(a chain still has tail-mass-ratio >= 0.5 at generation 4) = 2.1e-9, so the
    // false-failure rate of "every one of R = 200 chains fires at generation 4" is 4.2e-7; and
    // P(blue still present at generation 6) = 6.0e-8, 1.2e-5 for R = 200 chains.
    int r = 200;
    RetrainReport[][] g =
        run(chains(r, 100, 5, "replace", "initial: fit-truth, sampling: {temperature: 0.5}"), r, 6);
    for (RetrainReport rep : g[4]) {
      assertTrue(tail(rep) < 0.5, rep.id() + " keeps blue: " + tail(rep));
      assertEquals(Verdict.State.YES, tailVerdict(rep));
    }
    for (RetrainReport rep : g[6]) {
      assertEquals(0.0, tail(rep), rep.id() + " still has blue at generation 6");
    }
  }

  @Test
  void replace_topP09FromARealFit_losesBlueInTheShareTheChainLawPredicts() {
    // From a fit on M = 100 real items, top-p 0.9 cuts blue whenever the fitted yellow share
    // reaches 0.9; a chain that overestimates blue keeps it until it drifts back. The exact
    // share of chains with definition 7 firing at generation 5 is 0.79246 (scipy agrees).
    // R = 200 chains: sd 0.0287; a band of 4 sd has an exact binomial false-failure rate of
    // 7.6e-5.
    int r = 200;
    int m = 100;
    RetrainReport[][] g =
        run(chains(r, m, 4, "replace", "initial: fit-truth, sampling: {top-p: 0.9}"), r, 5);
    double expected = chainLawLostShare(m, 5);
    assertEquals(0.79246, expected, 1e-5, "the chain law, as scipy computes it");
    long fired =
        java.util.Arrays.stream(g[5]).filter(x -> tailVerdict(x) == Verdict.State.YES).count();
    double sd = Math.sqrt(expected * (1 - expected) / r);
    assertEquals(expected, (double) fired / r, 4 * sd);
  }

  @Test
  void accumulate_plainSampling_keepsBlue() {
    // Accumulate, no truncation, M = 1000 real items then M synthetic per generation: the pool's
    // blue share is a martingale (E = 0.1 at every generation), with sd 0.0118 at generation 10
    // (ratio sd 0.118). Exact law: P(a chain fires at some generation 1..10) <= 4.7e-6 summed
    // over generations, so "no chain of R = 100 ever fires" fails with rate <= 4.7e-4; the mean
    // ratio of 100 chains has sd 0.0118, and 4 sd gives a rate of 6e-5.
    int r = 100;
    RetrainReport[][] g = run(chains(r, 1000, 9, "accumulate", "initial: fit-truth"), r, 10);
    for (int gen = 2; gen <= 10; gen++) {
      for (RetrainReport rep : g[gen]) {
        assertEquals(Verdict.State.NO, tailVerdict(rep), rep.id() + " at generation " + gen);
      }
    }
    double mean =
        java.util.Arrays.stream(g[10])
            .mapToDouble(CategoricalCollapseTest::tail)
            .average()
            .orElseThrow();
    assertEquals(1.0, mean, 4 * 0.118 / Math.sqrt(r));
  }

  @Test
  void uniformTruth_hasNoTail_definition7IsNotApplicable() {
    // docs/domains.md (categorical): with no category below 1% the tail is the least likely
    // category and every category tied with it; when that is every possible category (a uniform
    // truth) there is no tail, tail-mass-ratio is left out and definition 7 is n/a, in every
    // generation, even after the drift has lost categories.
    int r = 5;
    for (String uniform :
        new String[] {
          "{type: categorical, categories: 10, zipf-exponent: 0.0}",
          "{type: categorical, probabilities: [0.5, 0.5]}"
        }) {
      String yaml = chains(r, 20, 6, "replace", "initial: truth").replace(DOMAIN, uniform);
      RetrainReport[][] g = run(yaml, r, 6);
      for (int gen = 1; gen <= 6; gen++) {
        for (RetrainReport rep : g[gen]) {
          String where = uniform + ", " + rep.id() + " at generation " + gen;
          assertFalse(rep.evaluation().values().containsKey(Metrics.TAIL_MASS_RATIO), where);
          assertEquals(Verdict.State.NOT_APPLICABLE, tailVerdict(rep), where);
        }
      }
    }
    // A tie at the least probability that is not every category is still a tail: 0.15 and 0.15.
    String tied = "{type: categorical, probabilities: [0.4, 0.3, 0.15, 0.15]}";
    RetrainReport[][] g =
        run(chains(r, 20, 6, "replace", "initial: truth").replace(DOMAIN, tied), r, 6);
    for (int gen = 1; gen <= 6; gen++) {
      for (RetrainReport rep : g[gen]) {
        String where = tied + ", " + rep.id() + " at generation " + gen;
        double ratio = tail(rep);
        assertTrue(ratio >= 0 && ratio <= 1 / 0.3, where + ": " + ratio);
        assertNotEquals(Verdict.State.NOT_APPLICABLE, tailVerdict(rep), where);
      }
    }
  }

  @Test
  void loader_oneLineExample_buildsTheDomainAndRejectsBadProbabilities() throws Exception {
    String ok = "name: yb\nticks: 1\ndomain: " + DOMAIN + "\nhumans: [{id: p, publish-rate: 1}]\n";
    World w = WorldCompiler.compile(new ScenarioLoader().parse("yb.yaml", ok), 1L);
    CategoricalDomain d = (CategoricalDomain) w.domain();
    assertEquals("blue", d.name(1));
    String bad = ok.replace("[0.9, 0.1]", "[0.9, 0.2]");
    ScenarioException e =
        assertThrows(ScenarioException.class, () -> new ScenarioLoader().parse("yb.yaml", bad));
    assertEquals("domain.probabilities", e.errors().get(0).path());
    assertTrue(e.errors().get(0).expected().contains("summing to 1"), e.getMessage());
  }

  /**
   * The exact share of top-p 0.9 chains whose blue share is below 0.05 at generation G: the blue
   * count c of M is Binomial(M, 0.1) at generation 1 (real data), then Binomial(M, c/M) while
   * yellow's share (M - c)/M is below 0.9, and 0 once it reaches 0.9.
   */
  private static double chainLawLostShare(int m, int generations) {
    double[] d = new double[m + 1];
    BinomialDistribution first = new BinomialDistribution(null, m, 0.1);
    for (int c = 0; c <= m; c++) {
      d[c] = first.probability(c);
    }
    for (int gen = 2; gen <= generations; gen++) {
      double[] next = new double[m + 1];
      for (int c = 0; c <= m; c++) {
        boolean kept = (m - c) / (double) m < 0.9;
        if (!kept || c == 0) {
          next[0] += d[c];
          continue;
        }
        BinomialDistribution step = new BinomialDistribution(null, m, c / (double) m);
        for (int k = 0; k <= m; k++) {
          next[k] += d[c] * step.probability(k);
        }
      }
      d = next;
    }
    double lost = 0;
    for (int c = 0; c <= m; c++) {
      lost += c / (double) m < 0.05 ? d[c] : 0;
    }
    return lost;
  }
}
