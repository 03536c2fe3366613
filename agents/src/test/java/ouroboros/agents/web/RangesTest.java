package ouroboros.agents.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Sets of global indices: building, indexing and difference. */
class RangesTest {

  private static Ranges of(long... bounds) {
    Ranges.Builder b = new Ranges.Builder();
    for (int i = 0; i < bounds.length; i += 2) {
      b.add(bounds[i], bounds[i + 1]);
    }
    return b.build();
  }

  @Test
  void builder_mergesAdjacentAndSkipsEmpty() {
    Ranges r = of(0, 2, 2, 5, 7, 7, 9, 10);
    assertArrayEquals(new long[] {0, 5, 9, 10}, r.bounds());
    assertEquals(6, r.size());
    assertThrows(IllegalArgumentException.class, () -> new Ranges.Builder().add(5, 6).add(3, 4));
  }

  @Test
  void get_mapsMembersInOrder() {
    Ranges r = of(3, 5, 10, 11, 20, 23);
    long[] members = new long[(int) r.size()];
    for (int k = 0; k < members.length; k++) {
      members[k] = r.get(k);
    }
    assertArrayEquals(new long[] {3, 4, 10, 20, 21, 22}, members);
    assertThrows(IndexOutOfBoundsException.class, () -> r.get(6));
    assertEquals(0, Ranges.EMPTY.size());
  }

  @Test
  void getAll_ascendingKs_equalGetOfEach() {
    Ranges r = of(3, 5, 10, 11, 20, 23, 40, 41);
    long[] ks = {0, 1, 3, 3, 5, 6};
    long[] want = new long[ks.length];
    for (int i = 0; i < ks.length; i++) {
      want[i] = r.get(ks[i]);
    }
    r.getAll(ks);
    assertArrayEquals(want, ks);
    assertThrows(IndexOutOfBoundsException.class, () -> r.getAll(new long[] {2, 7}));
    assertThrows(IllegalArgumentException.class, () -> r.getAll(new long[] {2, 1}));
    assertThrows(IndexOutOfBoundsException.class, () -> r.getAll(new long[] {-1}));
    assertThrows(IndexOutOfBoundsException.class, () -> Ranges.EMPTY.getAll(new long[] {-1}));
    long[] none = {};
    Ranges.EMPTY.getAll(none);
    assertEquals(0, none.length);
  }

  @Test
  void minus_removesOverlapsOfEveryShape() {
    Ranges a = of(0, 10, 20, 30, 40, 50);
    Ranges b = of(0, 2, 5, 6, 9, 22, 25, 26, 29, 41, 60, 70);
    assertArrayEquals(new long[] {2, 5, 6, 9, 22, 25, 26, 29, 41, 50}, a.minus(b).bounds());
    assertEquals(a, a.minus(Ranges.EMPTY));
    assertEquals(Ranges.EMPTY, a.minus(a));
    assertEquals(Ranges.EMPTY, Ranges.EMPTY.minus(a));
  }
}
