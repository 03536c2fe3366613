package ouroboros.sim.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import ouroboros.agents.data.Items;
import ouroboros.agents.human.HumanCore;
import ouroboros.agents.human.HumanSettings;
import ouroboros.agents.model.ModelCore;
import ouroboros.agents.model.ModelSettings;
import ouroboros.agents.model.ReportCodec;
import ouroboros.agents.model.RetrainReport;
import ouroboros.agents.rng.RngStreams;
import ouroboros.sim.engine.World;
import ouroboros.sim.engine.Worlds;
import ouroboros.sim.web.Snapshot;
import ouroboros.sim.web.WebStore;

/**
 * Every domain's agent state survives a checkpoint: agents built afresh and restored from the state
 * of agents that ran k ticks publish the same items and reach the same state, byte for byte, as the
 * agents that go on without a break; the web, saved and restored with them, serves both alike.
 * Driven by hand (publish, seal, retrain) without actors, on the example scenarios of every domain
 * and on the stacked-stages scenario.
 */
class AgentStateRoundTripTest {
  private static final int BEFORE = 6;
  private static final int AFTER = 5;

  /** The agents of one world, in canonical order. */
  private record Agents(List<HumanCore> humans, List<ModelCore> models) {
    static Agents of(World w) {
      RngStreams streams = new RngStreams(w.seed());
      List<HumanCore> h = new ArrayList<>();
      int index = 0;
      for (HumanSettings s : w.humans()) {
        h.add(new HumanCore(index++, s, w.domain(), streams));
      }
      List<ModelCore> m = new ArrayList<>();
      for (ModelSettings s : w.models()) {
        m.add(new ModelCore(index++, s, w.domain(), streams));
      }
      return new Agents(h, m);
    }

    /** Every agent's state, one after the other. */
    byte[] state() throws IOException {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (DataOutputStream out = new DataOutputStream(bytes)) {
        for (HumanCore c : humans) {
          c.saveState(out);
        }
        for (ModelCore c : models) {
          c.saveState(out);
        }
      }
      return bytes.toByteArray();
    }

    void restore(byte[] state) throws IOException {
      try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(state))) {
        for (HumanCore c : humans) {
          c.restoreState(in);
        }
        for (ModelCore c : models) {
          c.restoreState(in);
        }
        assertEquals(0, in.available(), "state read to its end");
      }
    }

    Items[] publish(int tick, Snapshot previous) {
      Items[] out = new Items[humans.size() + models.size()];
      int i = 0;
      for (HumanCore c : humans) {
        out[i++] = c.publish(tick, previous);
      }
      for (ModelCore c : models) {
        out[i++] = c.publish(tick);
      }
      return out;
    }

    /** Retrains the models due at {@code tick}; checks that each report survives its codec. */
    void retrain(int tick, Snapshot web) throws IOException {
      for (ModelCore c : models) {
        if (c.settings().retrainsAt(tick)) {
          RetrainReport r = c.retrain(tick, web);
          byte[] once = report(r);
          try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(once))) {
            RetrainReport back = ReportCodec.read(in);
            assertArrayEquals(once, report(back), "report of " + r.id() + " at tick " + tick);
            assertEquals(r.evaluation(), back.evaluation());
            assertEquals(r.verdicts(), back.verdicts());
            assertEquals(r.stages(), back.stages());
          }
        }
      }
    }

    private static byte[] report(RetrainReport r) throws IOException {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (DataOutputStream out = new DataOutputStream(bytes)) {
        ReportCodec.write(out, r);
      }
      return bytes.toByteArray();
    }
  }

  private static WebStore web(World w) {
    return new WebStore(
        w.domain().width(), w.sites().size(), w.retention(), w.siteWeights(), w.siteAttachments());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "quickstart.yaml",
        "mitigations/stacked.yaml",
        "mitigations/dedup.yaml",
        "domains/categorical-yellow-blue.yaml",
        "domains/regression.yaml"
      })
  void restoredAgents_goOnExactlyAsTheOriginals(String file) throws IOException {
    roundTrip(file);
  }

  /** The domains whose truth and reference sets take seconds to build. */
  @Tag("slow")
  @ParameterizedTest
  @ValueSource(
      strings = {
        "domains/kde.yaml",
        "domains/mixture-small-component.yaml",
        "domains/text-topk.yaml"
      })
  void restoredAgents_slowDomains_goOnExactlyAsTheOriginals(String file) throws IOException {
    roundTrip(file);
  }

  private static void roundTrip(String file) throws IOException {
    World w = Worlds.of(Files.readString(Path.of("..", "scenarios", file)), 7);
    Agents original = Agents.of(w);
    WebStore web = web(w);
    Snapshot snapshot = null;
    for (int t = 0; t < BEFORE; t++) {
      snapshot = web.appendAndSeal(t, original.publish(t, snapshot));
      original.retrain(t, snapshot);
    }
    byte[] saved = original.state();
    ByteArrayOutputStream webBytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(webBytes)) {
      web.save(out);
    }
    Agents restored = Agents.of(w);
    restored.restore(saved);
    assertArrayEquals(saved, restored.state(), file + ": state after restore");
    WebStore restoredWeb = web(w);
    Snapshot restoredSnapshot;
    try (DataInputStream in =
        new DataInputStream(new ByteArrayInputStream(webBytes.toByteArray()))) {
      restoredSnapshot = restoredWeb.restore(in);
    }
    assertEquals(snapshot.size(), restoredSnapshot.size(), file + ": web size");
    for (int t = BEFORE; t < BEFORE + AFTER; t++) {
      Items[] a = original.publish(t, snapshot);
      Items[] b = restored.publish(t, restoredSnapshot);
      for (int i = 0; i < a.length; i++) {
        assertEquals(a[i], b[i], file + ": agent " + i + " at tick " + t);
      }
      snapshot = web.appendAndSeal(t, a);
      restoredSnapshot = restoredWeb.appendAndSeal(t, b);
      original.retrain(t, snapshot);
      restored.retrain(t, restoredSnapshot);
      assertArrayEquals(original.state(), restored.state(), file + ": state at tick " + t);
    }
    assertTrue(original.models().stream().anyMatch(m -> m.generation() > 0), "models retrained");
  }

  @ParameterizedTest
  @ValueSource(strings = {"quickstart.yaml", "domains/categorical-yellow-blue.yaml"})
  void truncatedState_isRefusedWithAMessage(String file) throws IOException {
    World w = Worlds.of(Files.readString(Path.of("..", "scenarios", file)), 7);
    Agents original = Agents.of(w);
    WebStore web = web(w);
    Snapshot snapshot = null;
    for (int t = 0; t < 3; t++) {
      snapshot = web.appendAndSeal(t, original.publish(t, snapshot));
      original.retrain(t, snapshot);
    }
    byte[] saved = original.state();
    byte[] cut = java.util.Arrays.copyOf(saved, saved.length / 2);
    IOException e = assertThrows(IOException.class, () -> Agents.of(w).restore(cut));
    assertTrue(e.getMessage() == null || !e.getMessage().isBlank());
  }
}
