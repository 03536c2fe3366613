package ouroboros.sim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
