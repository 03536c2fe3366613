package ouroboros.sim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import ouroboros.sim.engine.Worlds;

/** The per-run memory estimate follows its documented terms (MemoryEstimate's javadoc). */
class MemoryEstimateTest {
  private static long estimate(String retention, String regime, int dimensions) {
    return MemoryEstimate.bytes(
        Worlds.of(
            """
            name: m
            ticks: 100
            domain: {type: gaussian, dimensions: %d}
            web: {retention: %s}
            humans:
              - {id: people, publish-rate: 1000}
            models:
              - {id: lab, regime: %s, scrape: 50, publish-rate: 10}
            """
                .formatted(dimensions, retention, regime),
            1));
  }

  @Test
  void estimate_countsWebPoolsAndAgents() {
    long item = 8 + MemoryEstimate.BYTES_PER_ITEM_OVERHEAD;
    long agents = 2 * MemoryEstimate.PER_AGENT;
    // The web: 1,010 items a tick for 100 ticks plus one; the pool: one retrain of 50; the batch.
    assertEquals((1010L * 101 + 50 + 10) * item + agents, estimate("all", "replace", 1));
    assertEquals((1010L * 2 + 50 + 10) * item + agents, estimate("1", "replace", 1));
    // accumulate keeps every retrain's 50 items: 100 retrains.
    assertEquals((1010L * 2 + 50 * 100 + 10) * item + agents, estimate("1", "accumulate", 1));
  }

  @Test
  void estimate_growsWithThePayload() {
    long one = estimate("all", "replace", 1);
    long eight = estimate("all", "replace", 8);
    long agents = 2 * MemoryEstimate.PER_AGENT;
    long overhead = MemoryEstimate.BYTES_PER_ITEM_OVERHEAD;
    // The same items, at 8 bytes per dimension each plus the provenance.
    assertEquals((one - agents) / (8 + overhead), (eight - agents) / (64 + overhead));
    assertEquals("1 MB", MemoryEstimate.text(1));
    assertEquals("1.5 GB", MemoryEstimate.text(1536L * 1024 * 1024));
  }

  /** P4's world (bench/p4-populations.yaml) at {@code models} models and a human per 100. */
  private static long p4(int models, int retention, int dimensions, int publishRate) {
    return MemoryEstimate.bytes(
        Worlds.of(
            """
            name: p4
            seed: 1
            ticks: 100
            domain: {type: gaussian, dimensions: %d}
            web: {retention: %d}
            sites:
              - id: forum
            populations:
              - {id: blogs, kind: site, count: %d, id-pattern: "blog-{i}"}
              - id: people
                kind: human
                count: %d
                id-pattern: "people-{i}"
                template: {publish-rate: 100, site: forum}
              - id: labs
                kind: model
                count: %d
                id-pattern: "lab-{i}"
                template:
                  regime: {cycle: [replace, accumulate]}
                  retrain-every: 10
                  scrape: 100
                  publish-rate: %d
                  site: "blog-{i}"
                  crawl: {sites: [forum, "blog-{i}"]}
            """
                .formatted(
                    dimensions, retention, models, Math.max(1, models / 100), models, publishRate),
            1));
  }

  @Test
  void estimate_growsWithModelsRetentionWidthAndRate() {
    long base = p4(200, 10, 1, 100);
    assertTrue(p4(400, 10, 1, 100) > base, "more models");
    assertTrue(p4(200, 20, 1, 100) > base, "longer retention");
    assertTrue(p4(200, 10, 2, 100) > base, "wider items");
    assertTrue(p4(200, 10, 1, 200) > base, "a higher publish rate");
    assertTrue(p4(200, 5, 1, 100) < base, "shorter retention");
  }

  /**
   * P4's world, whose live heap h-scale measured at about 22 KB per model (class histograms of
   * bench/p4-heap.sh at 1k to 30k models; MemoryEstimate's comment): the estimate per model is not
   * below it (a run estimated under its need could exhaust a shared heap) and within three times it
   * (an estimate far too high would send runs to child JVMs, or refuse them, for nothing).
   */
  @Test
  void estimate_p4World_betweenMeasuredAndThreeTimesIt() {
    long measuredPerModel = 22 * 1024;
    for (int models : new int[] {200, 1000}) {
      long perModel = p4(models, 10, 1, 100) / models;
      assertTrue(
          perModel >= measuredPerModel && perModel <= 3 * measuredPerModel,
          models + " models: " + perModel + " bytes per model");
    }
  }
}
