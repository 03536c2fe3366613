package ouroboros.sim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import ouroboros.agents.model.Initial;
import ouroboros.agents.model.RetrainReport;
import ouroboros.agents.pipeline.StageReport;
import ouroboros.sim.testing.EngineTest;

/**
 * The timeline through the real engine: a released model is dormant until its release tick, then
 * fits on the web at once ({@code initial: web}) or starts as the truth; a retired model publishes
 * and reports nothing more; a population change, a model's new publish rate and a crawl change that
 * cuts a model off from people take effect at their tick and not before, as does a pipeline stage's
 * new parameter.
 */
class TimelineTest extends EngineTest {
  private static final String SCENARIO =
      """
      name: timeline
      seed: 11
      ticks: 12
      domain: {type: gaussian}
      web: {retention: 1}
      sites: [{id: forum}, {id: blog-a}, {id: blog-b}]
      humans:
        - {id: people, publish-rate: 40, site: forum}
      models:
        - {id: lab-a, regime: replace, initial: truth, scrape: 20, publish-rate: 10, site: blog-a}
        - {id: lab-b, regime: replace, initial: truth, scrape: 20, publish-rate: 10, site: blog-b,
           crawl: {sites: [forum, blog-b]}}
      timeline:
        - {tick: 3, release: {id: lab-web, like: lab-a, initial: web, publish-rate: 7}}
        - {tick: 3, release: {id: lab-truth, like: lab-a, initial: truth, publish-rate: 5,
           first-retrain: 6}}
        - {tick: 4, humans: {id: people, publish-rate: 80}}
        - {tick: 5, set: {agent: lab-a, publish-rate: 2}}
        - {tick: 6, set: {path: "models[lab-b].crawl.sites", value: [blog-b]}}
        - {tick: 8, retire: lab-a}
      """;

  /** Each tick's results. */
  private static List<TickResult> run() {
    World world = Worlds.of(SCENARIO, 11);
    List<TickResult> ticks = new ArrayList<>();
    RunOutcome outcome = sim.run(world, ticks::add);
    assertTrue(outcome.completed(), outcome.failure());
    return ticks;
  }

  /** Each model's reports, by id and tick. */
  private static Map<String, Map<Integer, RetrainReport>> reports(List<TickResult> ticks) {
    Map<String, Map<Integer, RetrainReport>> out = new TreeMap<>();
    for (TickResult t : ticks) {
      for (RetrainReport r : t.reports()) {
        out.computeIfAbsent(r.id(), k -> new TreeMap<>()).put(t.tick(), r);
      }
    }
    return out;
  }

  @Test
  void world_releasedModelsComeAfterTheFileModels_withTheirOwnInitialAndSchedule() {
    World world = Worlds.of(SCENARIO, 11);
    assertEquals(
        List.of("lab-a", "lab-b", "lab-web", "lab-truth"),
        world.models().stream().map(m -> m.id()).toList());
    assertEquals(Initial.NONE, world.models().get(2).initial(), "initial: web");
    assertEquals(3, world.models().get(2).firstRetrain(), "first retrain at the release tick");
    assertEquals(Initial.TRUTH, world.models().get(3).initial());
    assertEquals(6, world.models().get(3).firstRetrain());
    assertFalse(world.timeline().active(3, 2));
    assertTrue(world.timeline().active(3, 3));
    assertFalse(world.timeline().active(1, 8), "lab-a retired at 8");
  }

  @Test
  void run_eventsTakeEffectAtTheirTick() {
    List<TickResult> ticks = run();
    Map<String, Map<Integer, RetrainReport>> reports = reports(ticks);
    // New items: people 40 (80 from tick 4), lab-a 10 (2 from tick 5, none from 8), lab-b 10,
    // lab-web 7 from tick 4 (it has no parameters before its fit at 3), lab-truth 5 from tick 3.
    long[] expected = {60, 60, 60, 65, 112, 104, 104, 104, 102, 102, 102, 102};
    for (int t = 0; t < 12; t++) {
      assertEquals(expected[t], ticks.get(t).web().newItems()[0], "new items at tick " + t);
    }
    assertEquals(
        List.of(3, 4, 5, 6, 7, 8, 9, 10, 11),
        List.copyOf(reports.get("lab-web").keySet()),
        "dormant before 3, then every tick");
    assertEquals(1, reports.get("lab-web").get(3).generation(), "its first fit, on the web");
    assertEquals(List.of(6, 7, 8, 9, 10, 11), List.copyOf(reports.get("lab-truth").keySet()));
    assertEquals(
        List.of(0, 1, 2, 3, 4, 5, 6, 7),
        List.copyOf(reports.get("lab-a").keySet()),
        "no retrain once retired");
    for (int t = 0; t < 12; t++) {
      double human = reports.get("lab-b").get(t).composition().humanShare();
      assertTrue(t < 6 ? human > 0 : human == 0, "lab-b's human share at " + t + ": " + human);
    }
  }

  @Test
  void run_pipelineParameterSet_takesEffectAtItsTick_otherStagesKept() {
    World world =
        Worlds.of(
            """
        name: stage-change
        seed: 4
        ticks: 8
        domain: {type: gaussian}
        web: {retention: 1}
        humans:
          - {id: people, publish-rate: 40}
        models:
          - {id: marked, regime: replace, initial: truth, scrape: 10, publish-rate: 40,
             watermark: {rate: 1.0}}
          - {id: reader, regime: replace, initial: truth, scrape: 60, publish-rate: 0,
             pipeline: [{stage: watermark-filter, tpr: 0.0}, {stage: dedup}]}
        timeline:
          - {tick: 5, set: {path: "models[reader].pipeline[watermark-filter].tpr", value: 1.0}}
        """,
            4);
    List<TickResult> ticks = new ArrayList<>();
    RunOutcome outcome = sim.run(world, ticks::add);
    assertTrue(outcome.completed(), outcome.failure());
    Map<Integer, RetrainReport> reader = reports(ticks).get("reader");
    for (int t = 0; t < 8; t++) {
      StageReport filter = reader.get(t).stages().get(0);
      // The reader scrapes 60 of 80 items, about half of them watermarked: at tpr 0 the filter
      // drops none; from tick 5, at tpr 1, it drops every watermarked one and keeps only people's.
      if (t < 5) {
        assertEquals(0, filter.dropped(), "tick " + t);
        assertTrue(filter.falseNegatives() > 0, "tick " + t + ": watermarked items kept");
      } else {
        assertTrue(filter.dropped() > 0, "tick " + t);
        assertEquals(0, filter.falseNegatives(), "tick " + t + ": a watermarked item kept");
      }
      assertEquals(0, filter.falsePositives(), "no human item is watermarked");
      assertEquals(filter.kept(), reader.get(t).stages().get(1).in(), "the dedup stage follows");
    }
  }
}
