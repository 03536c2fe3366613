package ouroboros.sim.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class LiveHubTest {
  @Test
  void after_latePage_getsBriefEventsThenTheLatestInFull() throws Exception {
    LiveHub hub = new LiveHub();
    hub.publish("b0", "f0");
    hub.publish("b1", "f1");
    hub.publish("b2", "f2");
    assertEquals(List.of("b0", "b1", "f2"), hub.after(0, 0, false));
    assertEquals(List.of("b1", "f2"), hub.after(1, 0, false));
    assertEquals(3, hub.published());
  }

  @Test
  @Timeout(10)
  void after_nothingNew_waitsThenReturnsEmpty() throws Exception {
    LiveHub hub = new LiveHub();
    hub.publish("b0", "f0");
    long start = System.nanoTime();
    assertEquals(List.of(), hub.after(1, 200, false));
    assertTrue(System.nanoTime() - start >= 150_000_000L, "it waited");
  }

  @Test
  @Timeout(10)
  void after_publishedWhileWaiting_wakesWithTheEvent() throws Exception {
    LiveHub hub = new LiveHub();
    Thread t =
        new Thread(
            () -> {
              try {
                Thread.sleep(100);
              } catch (InterruptedException e) {
                return;
              }
              hub.publish("b0", "f0");
            });
    t.start();
    assertEquals(List.of("f0"), hub.after(0, 5_000, false));
    t.join();
  }

  @Test
  @Timeout(10)
  void finishAndClose_endWaits() throws Exception {
    LiveHub hub = new LiveHub();
    hub.finish();
    long start = System.nanoTime();
    assertEquals(List.of(), hub.after(0, 5_000, true), "finished: no wait");
    assertTrue(System.nanoTime() - start < 2_000_000_000L);
    hub.close();
    assertNull(hub.after(0, 5_000, false), "closed");
  }

  @Test
  void publish_beyondHistory_dropsTheOldest() throws Exception {
    LiveHub hub = new LiveHub();
    for (int i = 0; i < LiveHub.HISTORY + 5; i++) {
      hub.publish("b" + i, "f" + i);
    }
    List<String> all = hub.after(0, 0, false);
    assertEquals(LiveHub.HISTORY, all.size());
    assertEquals("b5", all.get(0));
    assertEquals("f" + (LiveHub.HISTORY + 4), all.get(all.size() - 1));
    assertEquals(List.of("f" + (LiveHub.HISTORY + 4)), hub.after(LiveHub.HISTORY + 4, 0, false));
  }
}
