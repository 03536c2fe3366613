package ouroboros.sim.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import ouroboros.agents.data.Items;
import ouroboros.agents.domain.Evaluation;
import ouroboros.agents.model.Composition;
import ouroboros.agents.model.RetrainReport;

/**
 * The window kept by model gives the graphs and checkpoints of the old one ({@link
 * ReferenceWindow}) on random streams: models that retrain every tick or seldom (carried inputs),
 * failed fits and empty training sets, sources out of order across retrains, releases and
 * retirements, and a window restored from a checkpoint part way.
 */
class GraphWindowRandomTest {
  private static final List<String> HUMANS = List.of("h0", "h1");
  private static final int MODELS = 6;

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void randomStream_sameGraphsAndCheckpointsAsReference(long seed) throws IOException {
    Random rnd = new Random(seed);
    int window = 1 + rnd.nextInt(5);
    List<String> models = new ArrayList<>();
    int[] release = new int[MODELS];
    int[] retire = new int[MODELS];
    double[] rate = new double[MODELS];
    for (int k = 0; k < MODELS; k++) {
      models.add("m" + k);
      release[k] = rnd.nextInt(3) == 0 ? rnd.nextInt(20) : 0;
      retire[k] = rnd.nextInt(3) == 0 ? release[k] + 1 + rnd.nextInt(30) : Integer.MAX_VALUE;
      rate[k] = rnd.nextBoolean() ? 1.0 : 0.15;
    }
    ReferenceWindow ref = new ReferenceWindow(HUMANS, models, window, release, retire);
    GraphWindow win = new GraphWindow(HUMANS, models, window, release, retire);
    for (int t = 0; t < 60; t++) {
      List<RetrainReport> reports = new ArrayList<>();
      List<Integer> order = new ArrayList<>();
      for (int k = 0; k < MODELS; k++) {
        order.add(k);
      }
      Collections.shuffle(order, rnd);
      for (int k : order) {
        if (t >= release[k] && t < retire[k] && rnd.nextDouble() < rate[k]) {
          reports.add(report(rnd, HUMANS.size() + k, t));
        }
      }
      ref.add(t, reports);
      win.add(t, reports);
      assertSame(ref.graphAt(t), win.graphAt(t), seed, t);
      assertSame(ref.graphAt(t), win.graphAt(t), seed, t);
      int blockStart = t - t % window;
      assertSame(ref.graph(blockStart, t), win.graph(blockStart, t), seed, t);
      int start = Math.max(0, t - window + 1) + rnd.nextInt(window);
      int end = start + rnd.nextInt(window);
      assertSame(ref.graph(start, end), win.graph(start, end), seed, t);
      byte[] saved = save(win);
      assertArrayEquals(save(ref), saved, "checkpoint, seed " + seed + " tick " + t);
      if (rnd.nextInt(10) == 0) {
        win = new GraphWindow(HUMANS, models, window, release, retire);
        win.restore(new DataInputStream(new ByteArrayInputStream(saved)));
        assertSame(ref.graphAt(t), win.graphAt(t), seed, t);
      }
    }
  }

  /** A report of model agent {@code agent}: sometimes failed or empty, else random sources. */
  private static RetrainReport report(Random rnd, int agent, int tick) {
    boolean failed = rnd.nextInt(8) == 0;
    int agents = HUMANS.size() + MODELS;
    TreeSet<Integer> sources = new TreeSet<>();
    int distinct = rnd.nextInt(4);
    for (int i = 0; i < distinct; i++) {
      sources.add(rnd.nextInt(agents + 1) - 1);
    }
    int[] s = sources.stream().mapToInt(Integer::intValue).toArray();
    int[] c = new int[s.length];
    int total = 0;
    int human = 0;
    for (int i = 0; i < s.length; i++) {
      c[i] = 1 + rnd.nextInt(50);
      total += c[i];
      if (s[i] == Items.ARCHIVE || s[i] < HUMANS.size()) {
        human += rnd.nextInt(c[i] + 1);
      }
    }
    Composition comp = new Composition(s, c, human, total);
    return new RetrainReport(
        agent,
        "m" + (agent - HUMANS.size()),
        tick,
        1,
        failed,
        failed ? "boom" : "",
        failed ? 1 : 0,
        total,
        comp,
        1 + rnd.nextDouble() * 3,
        Evaluation.NONE,
        List.of(),
        new double[0]);
  }

  private static void assertSame(InteractionGraph want, InteractionGraph got, long seed, int t) {
    String at = "seed " + seed + " tick " + t + " model ";
    assertEquals(want.start(), got.start());
    assertEquals(want.end(), got.end());
    assertEquals(want.presence(), got.presence(), at);
    for (int k = 0; k < MODELS; k++) {
      InteractionGraph.Input w = want.inputs().get(k);
      InteractionGraph.Input g = got.inputs().get(k);
      assertArrayEquals(w.authors(), g.authors(), at + k);
      assertArrayEquals(w.counts(), g.counts(), at + k);
      assertEquals(w.human(), g.human(), at + k);
      assertEquals(w.items(), g.items(), at + k);
      assertEquals(
          Double.doubleToRawLongBits(w.depth()), Double.doubleToRawLongBits(g.depth()), at + k);
      assertEquals(w.retrains(), g.retrains(), at + k);
      assertEquals(w.lastTick(), g.lastTick(), at + k);
      assertEquals(w.carried(), g.carried(), at + k);
    }
  }

  private static byte[] save(Object w) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    if (w instanceof GraphWindow g) {
      g.save(out);
    } else {
      ((ReferenceWindow) w).save(out);
    }
    out.flush();
    return bytes.toByteArray();
  }
}
