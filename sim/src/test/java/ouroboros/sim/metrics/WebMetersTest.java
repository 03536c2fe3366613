package ouroboros.sim.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;
import ouroboros.agents.data.AuthorKind;
import ouroboros.agents.data.Batch;
import ouroboros.agents.data.Items;
import ouroboros.sim.engine.TickResult;
import ouroboros.sim.web.Snapshot;
import ouroboros.sim.web.WebStore;

/** {@link WebMeters} against a {@link SimpleMeterRegistry}. */
class WebMetersTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final WebMeters meters = new WebMeters();
  private final WebStore web = new WebStore(1, 1, WebStore.KEEP_ALL);

  /** n items from one agent at tick t; depth 0 is human, anything else a model's. */
  private static Items items(int agent, int n, int t, float depth) {
    return Items.uniform(
        new Batch(n, 1, new double[n]),
        agent,
        depth == 0 ? AuthorKind.HUMAN : AuthorKind.MODEL,
        t,
        0,
        depth,
        (short) 0);
  }

  /** Seals tick t with the given contributions and feeds the meters. */
  private Snapshot tick(int t, Items... contributions) {
    Snapshot s = web.appendAndSeal(t, contributions);
    long published = 0;
    for (Items c : contributions) {
      published += c.size();
    }
    meters.onTick(new TickResult(t, s, List.of(), published, new long[4]));
    return s;
  }

  /** The value of a web gauge, with one tag or none. */
  private double gauge(String name, String... tag) {
    var s = registry.get(name);
    return (tag.length == 0 ? s : s.tag(tag[0], tag[1])).gauge().value();
  }

  @Test
  void onTick_itemsSharesAndMemory() {
    meters.bindTo(registry);
    assertTrue(Double.isNaN(gauge(MeterNames.WEB_SIZE)), "NaN before the first tick");
    tick(0, items(0, 2, 0, 0f), items(1, 3, 0, 1f));
    assertEquals(5, gauge(MeterNames.WEB_SIZE));
    assertEquals(2, gauge(MeterNames.WEB_ITEMS, "kind", "human"));
    assertEquals(3, gauge(MeterNames.WEB_ITEMS, "kind", "model"));
    assertEquals(0.6, gauge(MeterNames.WEB_SYNTHETIC_SHARE), 1e-12);
    assertEquals(0.6, gauge(MeterNames.WEB_NEW_SYNTHETIC_SHARE), 1e-12);
    Snapshot s = tick(1, items(0, 1, 1, 0f), items(1, 0, 1, 1f));
    assertEquals(0.5, gauge(MeterNames.WEB_SYNTHETIC_SHARE), 1e-12, "3 of 6");
    assertEquals(0, gauge(MeterNames.WEB_NEW_SYNTHETIC_SHARE), "tick 1 was all human");
    assertEquals(6, registry.get(MeterNames.WEB_PUBLISHED).counter().count());
    assertEquals(s.provenanceBytes(), gauge(MeterNames.WEB_MEMORY, "part", "provenance"));
    assertEquals(s.payloadBytes(), gauge(MeterNames.WEB_MEMORY, "part", "payload"));
    assertEquals("bytes", registry.get(MeterNames.WEB_MEMORY).gauge().getId().getBaseUnit());
  }

  @Test
  void onTick_nothingPublished_newShareNaN() {
    meters.bindTo(registry);
    tick(0, Items.empty(1));
    assertEquals(0, gauge(MeterNames.WEB_SIZE));
    assertTrue(Double.isNaN(gauge(MeterNames.WEB_NEW_SYNTHETIC_SHARE)));
    assertTrue(Double.isNaN(gauge(MeterNames.WEB_SYNTHETIC_SHARE)));
  }
}
