package ouroboros.sim.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import ouroboros.agents.crawl.UniformCrawl;
import ouroboros.agents.data.AuthorKind;
import ouroboros.agents.data.Batch;
import ouroboros.agents.data.Items;
import ouroboros.agents.web.Ranges;

/**
 * Gathers copy runs of consecutive items and whole ranges at once ({@link Gatherer}): whatever the
 * runs (across segments, chunks, empty chunks, contributions read by reference through a position
 * map), they give what a gather of each item on its own gives.
 */
class GatherTest {
  private static final int WIDTH = 2;
  private static final int SITES = 3;

  /** A contribution of n items; payload values name the tick, agent and item. */
  private static Items uniform(int tick, int agent, int n, int site) {
    return Items.uniform(
        payload(tick, agent, n), agent, AuthorKind.MODEL, tick, agent % 3, agent, (short) site);
  }

  private static Batch payload(int tick, int agent, int n) {
    double[] v = new double[n * WIDTH];
    for (int i = 0; i < v.length; i++) {
      v[i] = tick * 1e6 + agent * 1e3 + i;
    }
    return new Batch(n, WIDTH, v);
  }

  /** Items on several sites with per-item provenance: kept by reference, read through a map. */
  private static Items spread(int tick, int agent, int n) {
    int[] author = new int[n];
    byte[] kind = new byte[n];
    int[] ticks = new int[n];
    int[] generation = new int[n];
    float[] depth = new float[n];
    byte[] flags = new byte[n];
    short[] site = new short[n];
    for (int i = 0; i < n; i++) {
      author[i] = agent + i;
      kind[i] = (byte) (i % 2);
      ticks[i] = tick;
      generation[i] = i;
      depth[i] = i / 2f;
      flags[i] = i % 5 == 0 ? Items.WATERMARK : 0;
      site[i] = (short) ((i * 7) % SITES);
    }
    return new Items(payload(tick, agent, n), author, kind, ticks, generation, depth, flags, site);
  }

  /** Four ticks, the third empty, mixing uniform and spread contributions on three sites. */
  private static Snapshot web() {
    WebStore web = new WebStore(WIDTH, SITES, WebStore.KEEP_ALL);
    web.appendAndSeal(0, new Items[] {uniform(0, 0, 4, 1), spread(0, 1, 9), uniform(0, 2, 3, 1)});
    web.appendAndSeal(1, new Items[] {uniform(1, 0, 5, 2), uniform(1, 2, 1, 0)});
    web.appendAndSeal(2, new Items[] {uniform(2, 0, 0, 0)});
    return web.appendAndSeal(
        3, new Items[] {spread(3, 4, 6), uniform(3, 5, 2, 2), uniform(3, 6, 3, 0)});
  }

  /** The items at the indices, one gather per item, concatenated: the definition. */
  private static Items oneByOne(Snapshot s, long[] indices) {
    List<Items> parts = new ArrayList<>();
    for (long i : indices) {
      parts.add(s.gather(new long[] {i}));
    }
    return Items.concat(parts, WIDTH);
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

  /** The members of a set, ascending. */
  private static long[] members(Ranges r) {
    long[] b = r.bounds();
    return IntStream.range(0, b.length / 2)
        .mapToObj(k -> LongStream.range(b[2 * k], b[2 * k + 1]))
        .flatMapToLong(x -> x)
        .toArray();
  }

  @Test
  void gather_runsAndSingles_equalOneItemAtATime() {
    Snapshot s = web();
    UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(7L);
    for (int rep = 0; rep < 200; rep++) {
      int n = rng.nextInt((int) s.size() + 1);
      long[] indices = new long[n];
      for (int i = 0; i < n; i++) {
        // Runs of consecutive indices, short and long, jumps forward and back, and repeats.
        int step = rng.nextInt(8);
        indices[i] =
            i == 0 || step == 7
                ? rng.nextLong(s.size())
                : Math.min(s.size() - 1, indices[i - 1] + (step == 6 ? 0 : 1));
      }
      assertSame(oneByOne(s, indices), s.gather(indices));
    }
  }

  @Test
  void gather_ranges_equalTheMembersGathered() {
    Snapshot s = web();
    UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(8L);
    for (int rep = 0; rep < 200; rep++) {
      Ranges.Builder b = new Ranges.Builder();
      long at = rng.nextLong(4);
      while (at < s.size()) {
        long end = Math.min(s.size(), at + 1 + rng.nextLong(12));
        b.add(at, end);
        at = end + rng.nextLong(6);
      }
      Ranges r = b.build();
      assertSame(oneByOne(s, members(r)), s.gather(r));
    }
    assertEquals(0, s.gather(Ranges.EMPTY).size());
    Ranges beyond = new Ranges.Builder().add(s.size() - 1, s.size() + 1).build();
    assertThrows(IndexOutOfBoundsException.class, () -> s.gather(beyond));
  }

  /**
   * Every single range gives what the members gathered one by one give; one within the run of a
   * single uniform contribution (payload values name the agent; agents 1 and 4 are spread) comes
   * with every provenance column constant, any other with none.
   */
  @Test
  void gather_oneRange_isConstantWithinOneUniformContribution() {
    Snapshot s = web();
    for (long from = 0; from < s.size(); from++) {
      for (long to = from + 1; to <= s.size(); to++) {
        Ranges r = new Ranges.Builder().add(from, to).build();
        Items got = s.gather(r);
        assertSame(oneByOne(s, members(r)), got);
        double[] v = got.payload().values();
        long first = (long) (v[0] / 1e3);
        boolean one = first == (long) (v[v.length - 1] / 1e3);
        boolean uniform = one && first % 1000 != 1 && first % 1000 != 4;
        for (Items.Column c : Items.Column.values()) {
          assertEquals(uniform, got.constant(c), "[" + from + ", " + to + ") " + c);
        }
      }
    }
  }

  @Test
  void siteItems_ascendingOrNot_equalSiteItemOfEach() {
    Snapshot s = web();
    UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(10L);
    for (int site = 0; site < SITES; site++) {
      int size = (int) s.siteSize(site);
      long[] ks = new long[size + 3];
      for (int i = 0; i < ks.length; i++) {
        ks[i] = i < size ? i : rng.nextInt(size); // ascending, then back to earlier chunks
      }
      long[] out = new long[ks.length + 1];
      s.siteItems(site, ks, 0, ks.length, out);
      for (int i = 0; i < ks.length; i++) {
        assertEquals(s.siteItem(site, ks[i]), out[i]);
      }
      s.siteItems(site, ks, 0, ks.length, ks); // in place, as the uniform crawl asks
      assertArrayEquals(Arrays.copyOf(out, ks.length), ks);
      int last = site;
      assertThrows(
          IndexOutOfBoundsException.class,
          () -> s.siteItems(last, new long[] {size}, 0, 1, new long[1]));
    }
  }

  @Test
  void uniformCrawl_takingEverything_equalsEachVisitedItemInWebOrder() {
    Snapshot s = web();
    UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(9L);
    for (int[] sites : new int[][] {{2, 0}, {1}, {}, {0, 1, 2}}) {
      List<Long> want = new ArrayList<>();
      for (int site : sites.length == 0 ? new int[] {0, 1, 2} : sites) {
        for (long k = 0; k < s.siteSize(site); k++) {
          want.add(s.siteItem(site, k));
        }
      }
      long[] sorted = want.stream().mapToLong(Long::longValue).sorted().toArray();
      assertSame(oneByOne(s, sorted), new UniformCrawl(sites).crawl(s, (int) s.size() + 5, rng));
    }
    // A site listed twice is visited twice, as the draw over the listed sites' sizes has it.
    Items twice = new UniformCrawl(new int[] {2, 2}).crawl(s, 1000, rng);
    assertEquals(2 * s.siteSize(2), twice.size());
  }
}
