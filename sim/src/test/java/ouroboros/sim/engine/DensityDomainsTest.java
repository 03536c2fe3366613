package ouroboros.sim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import ouroboros.agents.domain.Metrics;
import ouroboros.agents.model.RetrainReport;
import ouroboros.sim.scenario.check.ScenarioException;
import ouroboros.sim.scenario.load.ScenarioLoader;
import ouroboros.sim.testing.EngineTest;

/**
 * The density domains' new settings through the loader and the engine: a 1-D Gaussian mixture, a
 * tophat KDE with scikit-learn's Silverman bandwidth, and a bad kernel name refused before the
 * first tick.
 */
class DensityDomainsTest extends EngineTest {

  private static List<RetrainReport> run(String yaml) {
    List<RetrainReport> reports = new ArrayList<>();
    RunOutcome outcome = sim.run(Worlds.of(yaml, 5), tick -> reports.addAll(tick.reports()));
    assertTrue(outcome.completed(), outcome.failure());
    return reports;
  }

  @Test
  void mixture_oneDimension_fitsAndReportsDistanceToTheFirstFit() {
    List<RetrainReport> reports =
        run(
            """
            name: mix1d
            ticks: 4
            domain:
              type: gaussian-mixture
              components:
                - {weight: 0.6, mean: [0.0]}
                - {weight: 0.4, mean: [5.0]}
              reference-size: 200
            web: {retention: 1}
            collapse: {baseline-cap: 0}
            models:
              - {id: lab, regime: replace, initial: truth, scrape: 200, publish-rate: 200}
            """);
    assertEquals(4, reports.size());
    for (RetrainReport r : reports) {
      assertEquals(0, r.fitFailures(), r.failure());
    }
    assertEquals(0.0, reports.get(0).evaluation().get(Metrics.L2_TO_FIRST_FIT));
    assertTrue(reports.get(3).evaluation().get(Metrics.L2_TO_FIRST_FIT) > 0);
    // Two well-separated components on 200 items: both modes are found.
    assertEquals(1.0, reports.get(0).evaluation().get(Metrics.MODES_RECOVERED));
  }

  @Test
  void mixture_oneDimensionWarmStart_fitsAtEveryRetrain() {
    // EM from the previous model went through Commons Math, which refuses one dimension, so every
    // warm fit failed and the model stayed at its first generation.
    List<RetrainReport> reports =
        run(
            """
            name: mix1d-warm
            ticks: 4
            domain:
              type: gaussian-mixture
              components:
                - {weight: 0.5, mean: [0.0]}
                - {weight: 0.5, mean: [4.0]}
              reference-size: 100
            web: {retention: 1}
            collapse: {baseline-cap: 0}
            models:
              - id: lab
                initial: fit-truth
                regime: replace
                scrape: 50
                publish-rate: 50
                estimator: {warm-start: 0.5}
            """);
    assertEquals(4, reports.size());
    for (int i = 0; i < reports.size(); i++) {
      assertEquals(0, reports.get(i).fitFailures(), reports.get(i).failure());
      if (i > 0) {
        assertEquals(reports.get(i - 1).generation() + 1, reports.get(i).generation());
      }
    }
  }

  @Test
  void kde_tophatWithSklearnSilverman_runsAndReportsNll() {
    List<RetrainReport> reports =
        run(
            """
            name: tophat
            ticks: 3
            domain:
              type: kde
              components: [{weight: 1.0, mean: [0.0]}]
              reference-size: 200
              kernel: tophat
              bandwidth-rule: sklearn-silverman
            web: {retention: 1}
            collapse: {baseline-cap: 0}
            models:
              - {id: lab, regime: accumulate, initial: truth, scrape: 100, publish-rate: 100}
            """);
    // h = (100 x 3/4)^(-1/5) = 0.42 at the first fit: a held-out item in the truth's tails may lie
    // outside every kernel, and then the NLL and the risk are both infinite, as in scikit-learn,
    // and the run goes on; otherwise the NLL is the risk plus the truth's own NLL, the same for
    // every fit.
    double truthNll = Double.NaN;
    for (RetrainReport r : reports) {
      assertEquals(0, r.fitFailures(), r.failure());
      double nll = r.evaluation().get(Metrics.NLL);
      double risk = r.evaluation().get(Metrics.POPULATION_RISK);
      assertEquals(Double.isInfinite(nll), Double.isInfinite(risk), nll + " vs " + risk);
      if (Double.isFinite(nll)) {
        truthNll = Double.isNaN(truthNll) ? nll - risk : truthNll;
        assertEquals(truthNll, nll - risk, 1e-9);
      }
    }
  }

  /** The refusal of a scenario text. */
  private static ScenarioException refused(String yaml) {
    return assertThrows(
        ScenarioException.class, () -> new ScenarioLoader().parse("bad.yaml", yaml));
  }

  @Test
  void kde_unknownKernel_isRefusedWithTheKnownNames() {
    ScenarioException e =
        refused(
            """
                        name: bad
                        ticks: 1
                        domain:
                          type: kde
                          components: [{weight: 1.0, mean: [0.0]}]
                          kernel: epanechnikov
                        models:
                          - {id: lab, regime: replace, initial: truth, scrape: 10, publish-rate: 10}
                        """);
    assertTrue(e.getMessage().contains("kernel"), e.getMessage());
    assertTrue(e.getMessage().contains("tophat"), e.getMessage());
  }

  @Test
  void mixtureAndKde_humansPickAComponentAsTheirCommunity() {
    // QA, stop 33: every community but 0 was refused ("a gaussian-mixture domain with this truth
    // has only one"), though the components are the communities and the shares were reported.
    for (String type : List.of("gaussian-mixture", "kde")) {
      String yaml =
          """
          name: communities
          ticks: 2
          domain:
            type: TYPE
            components: [{weight: 0.7, mean: [0.0]}, {weight: 0.3, mean: [6.0]}]
          humans:
            - {id: main, publish-rate: 50, community: 0}
            - {id: tails, publish-rate: 50, community: 1}
          models:
            - {id: lab, regime: accumulate, scrape: 50, publish-rate: 50}
          collapse: {baseline-cap: 0}
          """
              .replace("TYPE", type);
      for (RetrainReport r : run(yaml)) {
        double[] shares = r.communityShares();
        assertEquals(2, shares.length, type);
        for (double share : shares) {
          // A count over the sample's size, so that it prints as 0.506, not 0.5060000000000003.
          assertEquals(
              Math.round(share * RetrainReport.COMMUNITY_SAMPLE),
              share * RetrainReport.COMMUNITY_SAMPLE,
              1e-9);
          assertEquals(
              share,
              Math.round(share * RetrainReport.COMMUNITY_SAMPLE)
                  / (double) RetrainReport.COMMUNITY_SAMPLE);
        }
      }
      assertTrue(
          refused(yaml.replace("community: 1}", "community: 2}"))
              .getMessage()
              .contains("humans[1].community: found 2, expected a community from 0 to 1"),
          type);
    }
  }

  @Test
  void mixture_identicalComponents_refusedAsOneMode() {
    // QA, stop 32: two N(0, 1) components gave an exact fit half the modes (definition 6 fired)
    // and a community with no human share.
    ScenarioException e =
        refused(
            """
                        name: bad
                        ticks: 1
                        domain:
                          type: gaussian-mixture
                          components: [{weight: 0.5, mean: [0.0]}, {weight: 0.5, mean: [0.0]}]
                        models:
                          - {id: lab, regime: replace, initial: truth, scrape: 10, publish-rate: 10}
                        """);
    assertTrue(
        e.getMessage()
            .contains(
                "domain.components[1].mean: found the mean [0.0] and covariance of component 0,"
                    + " expected a component distinct from component 0"),
        e.getMessage());
  }
}
