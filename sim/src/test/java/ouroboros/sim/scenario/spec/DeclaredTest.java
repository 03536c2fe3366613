package ouroboros.sim.scenario.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;
import ouroboros.agents.collapse.Thresholds;
import ouroboros.agents.model.ModelSettings;
import ouroboros.agents.spec.Key;
import ouroboros.sim.scenario.check.Problems;
import ouroboros.sim.scenario.crawl.CrawlSpec;
import ouroboros.sim.scenario.load.Locations;

/** The defaults and bounds read from the {@link Key} declarations. */
class DeclaredTest {

  @Test
  void withDefaults_fillsOnlyAbsentKeysThatApply() {
    SamplingSpec given = new SamplingSpec(0.5, null, null, null, null, null);
    SamplingSpec filled = Declared.withDefaults(given, key -> !key.equals("top-p"));
    assertEquals(new SamplingSpec(0.5, 0, null, null, null, null), filled);
    SamplingSpec full = new SamplingSpec(0.5, 3, 0.9, null, null, null);
    assertSame(full, Declared.withDefaults(full), "nothing to fill: the same record");
  }

  @Test
  void collapseDefaults_areTheAgentsThresholds() {
    CollapseSpec blank =
        new CollapseSpec(null, null, null, null, null, null, null, null, null, null, null);
    CollapseSpec resolved = blank.resolve();
    assertEquals(Thresholds.DEFAULTS, resolved.thresholds());
    assertEquals(ModelSettings.BASELINE_CAP, resolved.baselineCap());
  }

  @Test
  void checkBounds_saysWhatTheDeclarationExpects() {
    Problems p = new Problems();
    Declared.checkBounds(p, "/m", new SamplingSpec(0.0, -1, 1.5, null, null, null));
    Declared.checkBounds(
        p, "/c", new CollapseSpec(-1.0, null, 2, null, null, null, null, null, null, null, null));
    assertEquals(
        List.of(
            "m.temperature: 0.0: a temperature greater than 0",
            "m.top-k: -1: a whole number of at least 0",
            "m.top-p: 1.5: a probability in (0, 1]",
            "c.catastrophic-ratio: -1.0: a number greater than 0",
            "c.trend-window: 2: a whole number of at least 3"),
        lines(p));
  }

  @Test
  void checkBounds_onlyTheKeysNamed() {
    Problems p = new Problems();
    Declared.checkBounds(p, "/m", new SamplingSpec(0.0, -1, 1.5, null, null, null), "top-k");
    assertEquals(List.of("m.top-k: -1: a whole number of at least 0"), lines(p));
  }

  @Test
  void def_isTheDeclaredValueAsTheKeysType() {
    assertEquals(1.0, Declared.<Double>def(SamplingSpec.class, "temperature"));
    assertEquals("uniform", Declared.<String>def(CrawlSpec.class, "policy"));
    assertNull(new SiteSpec("x").weight());
    assertEquals(1.0, new SiteSpec("x").weightOrDefault());
    assertEquals("web", SiteSpec.defaultId());
  }

  /** The problems as "path: found: expected", in the order added (no positions: a tree). */
  private static List<String> lines(Problems p) {
    return p.locate("test", new Locations()).stream()
        .map(e -> e.path() + ": " + e.found() + ": " + e.expected())
        .toList();
  }
}
