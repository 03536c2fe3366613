package ouroboros.sim.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import ouroboros.agents.collapse.Definition;
import ouroboros.agents.collapse.Verdict;
import ouroboros.agents.domain.Evaluation;
import ouroboros.agents.domain.Metrics;
import ouroboros.agents.model.Composition;
import ouroboros.agents.model.RetrainReport;

/** Retrain reports and small scenarios for the metrics tests. */
final class Reports {
  private Reports() {}

  /**
   * A report whose numbers derive from {@code x}: generation x, risk x, risk ratio 2x, diversity
   * ratio x / 10, tail mass ratio x / 100, human share 1/4, output depth x + 1, fit failures x;
   * definition 1 fires when x is odd, definition 6 does not apply, the others do not fire.
   */
  static RetrainReport report(int agent, String id, int x) {
    TreeMap<String, Double> values = new TreeMap<>();
    values.put(Metrics.POPULATION_RISK, (double) x);
    values.put(Metrics.DIVERSITY_RATIO, x / 10.0);
    values.put(Metrics.TAIL_MASS_RATIO, x / 100.0);
    List<Verdict> verdicts = new ArrayList<>();
    for (Definition d : Definition.values()) {
      Verdict.State state =
          d == Definition.MODE_ENTANGLEMENT
              ? Verdict.State.NOT_APPLICABLE
              : d == Definition.CATASTROPHIC_RISK && x % 2 == 1
                  ? Verdict.State.YES
                  : Verdict.State.NO;
      double number = d == Definition.CATASTROPHIC_RISK ? 2.0 * x : Double.NaN;
      verdicts.add(new Verdict(d, number, state));
    }
    return new RetrainReport(
        agent,
        id,
        x,
        x,
        false,
        "",
        x,
        40,
        new Composition(new int[] {0}, new int[] {40}, 10, 40),
        x + 1,
        new Evaluation(values),
        verdicts,
        new double[0]);
  }

  /**
   * A small copy of {@code scenarios/quickstart.yaml}: one human source and three labs (two
   * replace, one accumulates) on a Gaussian, with the given number of ticks.
   */
  static String scenario(int ticks) {
    return """
        name: metrics-test
        seed: 7
        ticks: %d
        domain: {type: gaussian, dimensions: 1, mean: [0.0], variance: [1.0]}
        web: {retention: 1}
        sites: [{id: forum}, {id: blog-a}, {id: blog-b}, {id: blog-c}]
        humans:
          - {id: people, publish-rate: 2, site: forum}
        models:
          - {id: lab-replace, regime: replace, initial: truth, scrape: 20, publish-rate: 40,
             site: blog-a, crawl: {sites: [blog-a]}}
          - {id: lab-accumulate, regime: accumulate, initial: truth, scrape: 20,
             publish-rate: 40, site: blog-b, crawl: {sites: [blog-b]}}
          - {id: lab-fresh, regime: replace, fresh-human-fraction: 0.2, initial: truth,
             scrape: 20, publish-rate: 40, site: blog-c, crawl: {sites: [blog-c]},
             pipeline: [{stage: ai-detector, tpr: 0.5, fpr: 0.1}]}
        """
        .formatted(ticks);
  }
}
