package ouroboros.sim.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import ouroboros.agents.data.AuthorKind;
import ouroboros.agents.data.Batch;
import ouroboros.agents.data.Items;

/**
 * The chunk's own copy of the payload and its segment columns: whatever a contribution's columns
 * (constant, constant with flags, per item on several sites), a gather returns what was published,
 * and a checkpoint written from the chunk restores to the same web and the same bytes.
 */
class ChunkLayoutTest {
  private static final int WIDTH = 2;

  private static Batch payload(int agent, int n) {
    double[] v = new double[n * WIDTH];
    for (int i = 0; i < v.length; i++) {
      v[i] = agent * 1000 + i;
    }
    return new Batch(n, WIDTH, v);
  }

  /** One tick's contributions: uniform, constant with watermark flags, and per item on 3 sites. */
  private static Items[] contributions(int tick) {
    int n = 5;
    int[] author = {2, 2, 2, 2, 2};
    byte[] kind = {AuthorKind.MODEL, AuthorKind.MODEL, AuthorKind.HUMAN, AuthorKind.MODEL, 1};
    int[] ticks = {tick, tick, tick, tick, tick};
    int[] generation = {1, 2, 3, 4, 5};
    float[] depth = {0f, 1f, 2f, 0f, 3f};
    byte[] flags = {0, Items.WATERMARK, 0, Items.SIGNED, 0};
    short[] site = {2, 0, 2, 1, 0};
    return new Items[] {
      Items.uniform(payload(0, 3), 0, AuthorKind.HUMAN, tick, 0, 0f, (short) 1),
      Items.constant(
          payload(1, 4), 1, AuthorKind.MODEL, tick, 7, 1.5f, Items.watermarkFlags(2.0), (short) 0),
      new Items(payload(2, n), author, kind, ticks, generation, depth, flags, site),
      Items.uniform(payload(3, 0), 3, AuthorKind.MODEL, tick, 0, 1f, (short) 2),
      Items.uniform(payload(4, 2), 4, AuthorKind.MODEL, tick, 1, 1f, (short) 2),
    };
  }

  /** The items of one tick in web order, by the definition: by site, then contribution order. */
  private static Items expected(Items[] contributions, int sites) {
    List<Items> out = new ArrayList<>();
    for (int s = 0; s < sites; s++) {
      for (Items c : contributions) {
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < c.size(); i++) {
          if (c.siteAt(i) == s) {
            at.add(i);
          }
        }
        out.add(c.select(at.stream().mapToInt(Integer::intValue).toArray()));
      }
    }
    return Items.concat(out, WIDTH);
  }

  private static void assertSame(Items want, Items got) {
    assertArrayEquals(want.payload().values(), got.payload().values());
    assertArrayEquals(want.author(), got.author());
    assertArrayEquals(want.kind(), got.kind());
    assertArrayEquals(want.tick(), got.tick());
    assertArrayEquals(want.generation(), got.generation());
    assertArrayEquals(want.depth(), got.depth());
    assertArrayEquals(want.flags(), got.flags());
    assertArrayEquals(want.site(), got.site());
  }

  private static long[] all(long n) {
    long[] idx = new long[(int) n];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
    }
    return idx;
  }

  private static byte[] save(WebStore web) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    web.save(new DataOutputStream(b));
    return b.toByteArray();
  }

  @Test
  void gather_mixedColumns_returnsWhatWasPublished() {
    WebStore web = new WebStore(WIDTH, 3, WebStore.KEEP_ALL);
    web.appendAndSeal(0, contributions(0));
    Snapshot s = web.appendAndSeal(1, contributions(1));
    Items want =
        Items.concat(List.of(expected(contributions(0), 3), expected(contributions(1), 3)), WIDTH);
    assertEquals(want.size(), s.size());
    assertSame(want, s.gather(all(s.size())));
    long synthetic = 0;
    long[] kinds = new long[2];
    for (int i = 0; i < want.size(); i++) {
      synthetic += want.depthAt(i) > 0f ? 1 : 0;
      kinds[want.kindAt(i)]++;
    }
    assertEquals(synthetic, s.syntheticCount());
    assertArrayEquals(kinds, s.itemsByKind());
    assertEquals(8L * want.size() * WIDTH, s.payloadBytes());
  }

  @Test
  void checkpoint_fromChunkColumns_restoresTheSameWebAndBytes() throws IOException {
    WebStore web = new WebStore(WIDTH, 3, 2);
    for (int t = 0; t < 3; t++) {
      web.appendAndSeal(t, contributions(t));
    }
    byte[] saved = save(web);
    WebStore back = new WebStore(WIDTH, 3, 2);
    Snapshot s = back.restore(new DataInputStream(new ByteArrayInputStream(saved)));
    Items want =
        Items.concat(List.of(expected(contributions(1), 3), expected(contributions(2), 3)), WIDTH);
    assertSame(want, s.gather(all(s.size())));
    assertArrayEquals(saved, save(back));
  }

  @Test
  void gather_largeTick_copiedInPartsEqualsThePublishedPayload() {
    int agents = 300;
    int n = 1800;
    Items[] c = new Items[agents];
    for (int a = 0; a < agents; a++) {
      c[a] = Items.uniform(payload(a, n), a, AuthorKind.MODEL, 0, 0, 1f, (short) (a % 2));
    }
    Snapshot s = new WebStore(WIDTH, 2, WebStore.KEEP_ALL).appendAndSeal(0, c);
    assertSame(expected(c, 2), s.gather(all(s.size())));
  }

  @Test
  void segmentOf_equalSegmentsByDivision_otherwiseByDirectory_bothAsASearchFindsThem() {
    for (int[] lengths : new int[][] {{7, 7, 7, 7, 7, 7}, {7, 7, 7, 8, 7, 7}, {1, 1, 1}, {3}}) {
      Items[] c = new Items[lengths.length];
      for (int a = 0; a < lengths.length; a++) {
        c[a] =
            Items.uniform(payload(a, lengths[a]), a, AuthorKind.MODEL, 0, 0, 1f, (short) (a % 2));
      }
      Chunk ch = new Chunk(0, WIDTH, 2, c);
      for (int i = 0; i < ch.size; i++) {
        int k = 0;
        while (ch.segStart[k + 1] <= i) {
          k++;
        }
        assertEquals(
            k, ch.segmentOf(i), "position " + i + " of " + java.util.Arrays.toString(lengths));
      }
    }
  }
}
