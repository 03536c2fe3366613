package ouroboros.agents.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import ouroboros.agents.data.AuthorKind;
import ouroboros.agents.data.Batch;
import ouroboros.agents.data.Items;

/** What each regime keeps and trains on. */
class TrainingPoolTest {
  private static Items block(double... values) {
    return Items.uniform(
        new Batch(values.length, 1, values), 0, AuthorKind.HUMAN, 0, 0, 0f, (short) 0);
  }

  private static double[] train(TrainingPool pool, int n) {
    return pool.trainingSet(n, RandomSource.SPLIT_MIX_64.create(1L)).payload().values();
  }

  @Test
  void replace_keepsOnlyLatest() {
    TrainingPool p = new TrainingPool(Regime.REPLACE, 0, 1);
    p.add(0, block(1, 2));
    p.add(1, block(3, 4));
    assertArrayEquals(new double[] {3, 4}, train(p, 2));
  }

  @Test
  void replace_holdsItsItemsOnlyUntilTheyAreDrawn() {
    TrainingPool p = new TrainingPool(Regime.REPLACE, 0, 1);
    p.add(0, block(1, 2));
    assertEquals(2, p.size());
    assertArrayEquals(new double[] {1, 2}, train(p, 2));
    assertEquals(0, p.size(), "the next retrain would replace them: let go with this one");
    p.add(1, block(3, 4));
    assertArrayEquals(new double[] {3, 4}, train(p, 2), "the next retrain as before");
    TrainingPool w = new TrainingPool(Regime.WINDOW, 2, 1);
    w.add(0, block(1, 2));
    train(w, 2);
    assertEquals(2, w.size(), "every other regime keeps its items for later retrains");
  }

  @Test
  void accumulate_keepsEverything() {
    TrainingPool p = new TrainingPool(Regime.ACCUMULATE, 0, 1);
    p.add(0, block(1, 2));
    p.add(1, block(3, 4));
    assertArrayEquals(new double[] {1, 2, 3, 4}, train(p, 2));
  }

  @Test
  void accumulateSubsample_drawsNDistinctFromPool() {
    TrainingPool p = new TrainingPool(Regime.ACCUMULATE_SUBSAMPLE, 0, 1);
    p.add(0, block(1, 2, 3));
    p.add(1, block(4, 5, 6));
    double[] t = train(p, 4);
    assertEquals(4, t.length);
    assertEquals(4, Arrays.stream(t).distinct().count());
    assertEquals(6, p.size());
  }

  @Test
  void window_dropsBlocksOlderThanW() {
    TrainingPool p = new TrainingPool(Regime.WINDOW, 2, 1);
    p.add(0, block(1));
    p.add(1, block(2));
    p.add(2, block(3));
    assertArrayEquals(new double[] {2, 3}, train(p, 9));
    assertThrows(IllegalArgumentException.class, () -> new TrainingPool(Regime.WINDOW, 0, 1));
  }

  @Test
  void regime_unknownKey_listsKnown() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Regime.of("replaec"));
    assertEquals(
        "unknown regime 'replaec'; known regimes: "
            + "[replace, accumulate, accumulate-subsample, window]",
        e.getMessage());
  }
}
