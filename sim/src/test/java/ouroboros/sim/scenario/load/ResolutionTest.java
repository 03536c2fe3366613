package ouroboros.sim.scenario.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;
import ouroboros.sim.scenario.path.Timelines;
import ouroboros.sim.scenario.spec.Declared;
import ouroboros.sim.scenario.spec.ModelSpec;
import ouroboros.sim.scenario.spec.Scenario;
import ouroboros.sim.scenario.stage.WeightingSpec;

/** What {@link Resolution} fills in, and that it stays linear in the models and the sites. */
class ResolutionTest {

  @Test
  void resolve_crawlWithoutSites_everyModelVisitsEverySiteThroughOneSharedList() throws Exception {
    String yaml =
        "name: crawl\nticks: 1\ndomain: {type: gaussian}\n"
            + "sites: [{id: a}, {id: b}, {id: c}]\nmodels:\n"
            + "  - {id: m0, regime: replace, scrape: 5, publish-rate: 5}\n"
            + "  - {id: m1, regime: replace, scrape: 5, publish-rate: 5, crawl: {policy: uniform}}\n"
            + "  - {id: m2, regime: replace, scrape: 5, publish-rate: 5, crawl: {sites: [b]}}\n";
    Scenario s = new ScenarioLoader().parse("crawl.yaml", yaml);
    List<ModelSpec> m = s.models();
    assertEquals(List.of("a", "b", "c"), m.get(0).crawl().sites());
    assertEquals(List.of("a", "b", "c"), m.get(1).crawl().sites());
    assertEquals(List.of("b"), m.get(2).crawl().sites());
    // One list of the scenario's sites for every model that visits them all: a list per model made
    // the resolution of P4's 100,000 models and 100,000 sites quadratic (issue 15).
    assertSame(m.get(0).crawl().sites(), m.get(1).crawl().sites());
  }

  @Test
  void timelineResolver_listsTheSitesOnceForEveryModelItResolves() throws Exception {
    String yaml =
        "name: crawl\nticks: 1\ndomain: {type: gaussian}\n"
            + "sites: [{id: a}, {id: b}]\nmodels:\n"
            + "  - {id: m0, regime: replace, scrape: 5, publish-rate: 5, crawl: {sites: [b]}}\n"
            + "  - {id: m1, regime: replace, scrape: 5, publish-rate: 5, crawl: {sites: [a]}}\n";
    Scenario s = new ScenarioLoader().parse("crawl.yaml", yaml);
    var resolver = Timelines.resolver(s);
    // a set event that replaces crawl without sites: each member then visits every site
    var uniform =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree("{\"policy\": \"uniform\"}");
    ModelSpec a =
        resolver.apply(
            Timelines.set(s.models().get(0), Timelines.parse("models[m0].crawl"), uniform));
    ModelSpec b =
        resolver.apply(
            Timelines.set(s.models().get(1), Timelines.parse("models[m1].crawl"), uniform));
    assertEquals(List.of("a", "b"), a.crawl().sites());
    // one list for every member a set event on a population resolves (issue 15: N x S otherwise)
    assertSame(a.crawl().sites(), b.crawl().sites());
  }

  @Test
  void resolve_weightingWithOneWeight_theOtherIsItsDeclaredDefault() throws Exception {
    // {stage: weighting, real-weight: 3} is valid and runs; the key tables and schema now say the
    // other weight's default, which is the one the run takes.
    String yaml =
        "name: w\nticks: 1\ndomain: {type: gaussian}\nmodels:\n"
            + "  - {id: m0, regime: replace, scrape: 5, publish-rate: 5,"
            + " pipeline: [{stage: weighting, real-weight: 3}]}\n"
            + "  - {id: m1, regime: replace, scrape: 5, publish-rate: 5,"
            + " pipeline: [{stage: weighting, synthetic-weight: 0.5}]}\n";
    Scenario s = new ScenarioLoader().parse("w.yaml", yaml);
    Double one = Declared.def(WeightingSpec.class, "synthetic-weight");
    assertEquals(
        new WeightingSpec(null, 3.0, one), s.models().get(0).pipeline().get(0), "real-weight only");
    assertEquals(
        new WeightingSpec(null, Declared.def(WeightingSpec.class, "real-weight"), 0.5),
        s.models().get(1).pipeline().get(0),
        "synthetic-weight only");
    assertEquals(1.0, one);
  }
}
