package ouroboros.agents.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ItemsConcatTest {

  private static Batch payload(int n, double first) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = first + i;
    }
    return new Batch(n, 1, v);
  }

  @Test
  void concat_constantAndArrayBlocks_givesEveryItemsValuesInOrder() {
    Items c1 = Items.constant(payload(2, 0), 7, (byte) 1, 3, 2, 1.5f, Items.WATERMARK, (short) 4);
    Items arr =
        new Items(
            payload(3, 10),
            new int[] {1, 2, 3},
            new byte[] {0, 1, 0},
            new int[] {5, 6, 7},
            new int[] {0, 1, 2},
            new float[] {0f, 1f, 2f},
            new byte[] {0, Items.SIGNED, 0},
            new short[] {-1, 0, 1});
    Items c2 = Items.uniform(payload(1, 20), 9, (byte) 0, 8, 0, 0f, (short) 2);
    Items all = Items.concat(List.of(c1, arr, c2), 1);
    assertArrayEquals(new int[] {7, 7, 1, 2, 3, 9}, all.author());
    assertArrayEquals(new byte[] {1, 1, 0, 1, 0, 0}, all.kind());
    assertArrayEquals(new int[] {3, 3, 5, 6, 7, 8}, all.tick());
    assertArrayEquals(new int[] {2, 2, 0, 1, 2, 0}, all.generation());
    assertArrayEquals(new float[] {1.5f, 1.5f, 0f, 1f, 2f, 0f}, all.depth());
    assertArrayEquals(
        new byte[] {Items.WATERMARK, Items.WATERMARK, 0, Items.SIGNED, 0, 0}, all.flags());
    assertArrayEquals(new short[] {4, 4, -1, 0, 1, 2}, all.site());
    assertArrayEquals(new double[] {0, 1, 10, 11, 12, 20}, all.payload().values());
    for (Items.Column c : Items.Column.values()) {
      assertFalse(all.constant(c), c.name());
    }
  }

  @Test
  void concat_sameConstantInEveryBlock_staysConstant() {
    Items a = Items.uniform(payload(2, 0), 5, (byte) 1, 3, 1, 1f, (short) 0);
    Items b = Items.uniform(payload(3, 2), 5, (byte) 1, 4, 1, 1f, (short) 0);
    Items all = Items.concat(List.of(a, b), 1);
    assertTrue(all.constant(Items.Column.AUTHOR));
    assertTrue(all.constant(Items.Column.DEPTH));
    assertFalse(all.constant(Items.Column.TICK));
    assertArrayEquals(new int[] {3, 3, 4, 4, 4}, all.tick());
    assertEquals(5, all.authorAt(4));
  }
}
