package ouroboros.agents.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import ouroboros.agents.data.Batch;
import ouroboros.agents.data.Items;

class CompositionTest {

  private static Batch payload(int n) {
    return new Batch(n, 1, new double[n]);
  }

  /** The same items with every column held as an array. */
  private static Items spelled(Items c) {
    int n = c.size();
    byte[] kind = new byte[n];
    int[] tick = new int[n];
    int[] gen = new int[n];
    byte[] flags = new byte[n];
    short[] site = new short[n];
    return new Items(
        c.payload(), c.author().clone(), kind, tick, gen, c.depth().clone(), flags, site);
  }

  @Test
  void of_constantColumns_countsAsTheSpelledOutItems() {
    for (float depth : new float[] {0f, -0f, 1f, 2.5f}) {
      for (int author : new int[] {0, 7, Items.ARCHIVE, 100_000}) {
        Items c = Items.uniform(payload(5), author, (byte) 0, 3, 1, depth, (short) 0);
        assertTrue(c.constant(Items.Column.AUTHOR) && c.constant(Items.Column.DEPTH));
        Composition fast = Composition.of(c);
        Composition slow = Composition.of(spelled(c));
        assertEquals(slow, fast, "author " + author + ", depth " + depth);
        assertArrayEquals(new int[] {author}, fast.sources());
        assertEquals(depth == 0f ? 5 : 0, fast.human());
      }
    }
  }

  @Test
  void of_mixedBlocks_countsEveryAuthorAscending() {
    Items a = Items.uniform(payload(3), 9, (byte) 0, 0, 0, 0f, (short) 0);
    Items b = Items.uniform(payload(2), 2, (byte) 1, 0, 1, 1f, (short) 0);
    Items far = Items.uniform(payload(1), 1_000_000, (byte) 1, 0, 1, 1f, (short) 0);
    Composition mixed = Composition.of(Items.concat(List.of(a, b, a), 1));
    assertEquals("Composition[sources=[2, 9], counts=[2, 6], human=6, total=8]", mixed.toString());
    Composition wide = Composition.of(Items.concat(List.of(a, far, b), 1));
    assertEquals(
        "Composition[sources=[2, 9, 1000000], counts=[2, 3, 1], human=3, total=6]",
        wide.toString());
    Items arrayDepth = a.withDepth(new float[] {0f, 1f, 0f});
    assertTrue(arrayDepth.constant(Items.Column.AUTHOR));
    assertEquals(
        "Composition[sources=[9], counts=[3], human=2, total=3]",
        Composition.of(arrayDepth).toString());
    Items twoAuthors =
        Items.concat(List.of(a, Items.uniform(payload(2), 4, (byte) 0, 0, 0, 0f, (short) 0)), 1);
    assertTrue(twoAuthors.constant(Items.Column.DEPTH));
    assertEquals(
        "Composition[sources=[4, 9], counts=[2, 3], human=5, total=5]",
        Composition.of(twoAuthors).toString());
    Composition empty = Composition.of(Items.empty(1));
    assertEquals(0, empty.total());
    assertEquals(0, Arrays.stream(empty.sources()).count());
  }
}
