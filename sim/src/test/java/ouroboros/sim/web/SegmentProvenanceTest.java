package ouroboros.sim.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import ouroboros.agents.data.AuthorKind;
import ouroboros.agents.data.Batch;
import ouroboros.agents.data.Items;

/**
 * The packed per-segment provenance gives back every column as published, at the ends of each
 * column's range, whichever of author and the rest is set first; and a web sealed from
 * contributions with such provenance, constant and read by reference side by side, gathers each
 * item's provenance as published.
 */
class SegmentProvenanceTest {
  private static final int[] AUTHORS = {0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE};
  private static final int[] GENERATIONS = {0, 7, -1, Integer.MAX_VALUE, Integer.MIN_VALUE};
  private static final float[] DEPTHS = {0f, 2.5f, -0f, Float.MAX_VALUE, Float.NaN};
  private static final byte[] FLAGS = {0, 1, 0x7f, (byte) 0x80, (byte) 0xff};
  private static final short[] SITES = {0, 1, WebStore.MAX_SITES - 1, 300, 12};

  private static Items item(int j, byte kind) {
    return Items.constant(
        new Batch(1, 1, new double[] {j}),
        AUTHORS[j],
        kind,
        j,
        GENERATIONS[j],
        DEPTHS[j],
        FLAGS[j],
        SITES[j]);
  }

  @Test
  void packed_everyColumnComesBack_atTheEndsOfItsRange() {
    SegmentProvenance p = new SegmentProvenance(AUTHORS.length * 2);
    for (int j = 0; j < AUTHORS.length; j++) {
      byte kind = j % 2 == 0 ? AuthorKind.HUMAN : AuthorKind.MODEL;
      // Segment 2j: author first, then the rest; segment 2j + 1: the other way round.
      p.setAuthor(2 * j, AUTHORS[j]);
      p.setConstant(2 * j, item(j, kind));
      p.setConstant(2 * j + 1, item(j, kind));
      p.setAuthor(2 * j + 1, AUTHORS[j]);
      for (int k = 2 * j; k <= 2 * j + 1; k++) {
        assertTrue(p.constant(k));
        assertEquals(AUTHORS[j], p.author(k));
        assertEquals(GENERATIONS[j], p.generation(k));
        assertEquals(Float.floatToRawIntBits(DEPTHS[j]), Float.floatToRawIntBits(p.depth(k)));
        assertEquals(kind, p.kind(k));
        assertEquals(FLAGS[j], p.flags(k));
        assertEquals(SITES[j], p.site(k));
      }
    }
    p.setByReference(3);
    assertFalse(p.constant(3));
    assertEquals(AUTHORS[1], p.author(3), "the author stays for a segment read by reference");
  }

  @Test
  void sealedWeb_gathersEachItemsProvenanceAsPublished_constantOrByReference() {
    int sites = WebStore.MAX_SITES;
    Items[] contributions = new Items[AUTHORS.length + 1];
    for (int j = 0; j < AUTHORS.length; j++) {
      contributions[j] = item(j, j % 2 == 0 ? AuthorKind.HUMAN : AuthorKind.MODEL);
    }
    // Two items whose depth differs: kept by reference, read item by item.
    contributions[AUTHORS.length] =
        new Items(
            new Batch(2, 1, new double[] {5, 6}),
            new int[] {-5, -5},
            new byte[] {AuthorKind.MODEL, AuthorKind.MODEL},
            new int[] {0, 0},
            new int[] {-3, -3},
            new float[] {1f, 2f},
            new byte[] {(byte) 0x80, 0},
            new short[] {12, 12});
    Snapshot s = new WebStore(1, sites, WebStore.KEEP_ALL).appendAndSeal(0, contributions);
    long[] all = new long[Math.toIntExact(s.size())];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    Items got = s.gather(all);
    // Chunk order: by site (0, 1, 12, 300, MAX_SITES), then by contribution.
    assertArrayEquals(new double[] {0, 1, 4, 5, 6, 3, 2}, got.payload().values());
    int[] at = {0, 1, 4, 5, 5, 3, 2};
    for (int i = 0; i < at.length; i++) {
      int j = at[i];
      boolean byRef = i == 3 || i == 4;
      assertEquals(byRef ? -5 : AUTHORS[j], got.authorAt(i), "author of item " + i);
      assertEquals(byRef ? -3 : GENERATIONS[j], got.generationAt(i), "generation of item " + i);
      assertEquals(
          Float.floatToRawIntBits(byRef ? i - 2f : DEPTHS[j]),
          Float.floatToRawIntBits(got.depthAt(i)),
          "depth of item " + i);
      assertEquals(byRef ? (i == 3 ? (byte) 0x80 : 0) : FLAGS[j], got.flagsAt(i));
      assertEquals(byRef ? 12 : SITES[j], got.siteAt(i), "site of item " + i);
      assertEquals(
          byRef || j % 2 == 1 ? AuthorKind.MODEL : AuthorKind.HUMAN, got.kindAt(i), "kind " + i);
    }
  }
}
