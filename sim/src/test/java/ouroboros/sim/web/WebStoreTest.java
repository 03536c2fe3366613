package ouroboros.sim.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import ouroboros.agents.data.AuthorKind;
import ouroboros.agents.data.Batch;
import ouroboros.agents.data.Items;
import ouroboros.agents.web.WebView;

/** The columnar web: canonical order, sites, retention and immutable snapshots. */
class WebStoreTest {

  /** n items from one agent, payload value = agent*100 + i, on a site. */
  private static Items from(int agent, int n, int tick, int site, float depth) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = agent * 100 + i;
    }
    return Items.uniform(
        new Batch(n, 1, v),
        agent,
        depth == 0 ? AuthorKind.HUMAN : AuthorKind.MODEL,
        tick,
        0,
        depth,
        (short) site);
  }

  private static double[] values(Items items) {
    return items.payload().values();
  }

  @Test
  void seal_itemsInSiteThenAgentOrder_withProvenance() {
    WebStore web = new WebStore(1, 2, WebStore.KEEP_ALL);
    Snapshot s =
        web.appendAndSeal(
            0, new Items[] {from(0, 2, 0, 1, 0f), from(1, 1, 0, 0, 1f), from(2, 2, 0, 1, 2f)});
    assertEquals(5, s.size());
    Items all = s.gather(new long[] {0, 1, 2, 3, 4});
    assertArrayEquals(new double[] {100, 0, 1, 200, 201}, values(all));
    assertArrayEquals(new int[] {1, 0, 0, 2, 2}, all.author());
    assertArrayEquals(new short[] {0, 1, 1, 1, 1}, all.site());
    assertArrayEquals(new float[] {1f, 0f, 0f, 2f, 2f}, all.depth());
    assertEquals(1, s.siteSize(0));
    assertEquals(4, s.siteSize(1));
    assertEquals(3, s.siteItem(1, 2));
    assertEquals(0.6, s.syntheticShare(), 1e-12);
  }

  @Test
  void seal_retentionDropsOldTicks_oldSnapshotsUnchanged() {
    WebStore web = new WebStore(1, 1, 2);
    Snapshot s0 = web.appendAndSeal(0, new Items[] {from(0, 3, 0, 0, 0f)});
    web.appendAndSeal(1, new Items[] {from(1, 2, 1, 0, 1f)});
    Snapshot s2 = web.appendAndSeal(2, new Items[] {from(2, 1, 2, 0, 1f)});
    assertEquals(3, s2.size(), "tick 0 dropped, ticks 1 and 2 kept");
    assertArrayEquals(new int[] {1, 1, 2}, s2.gather(new long[] {0, 1, 2}).tick());
    assertEquals(3, s0.size(), "a sealed snapshot never changes");
    assertArrayEquals(new double[] {0, 1, 2}, values(s0.gather(new long[] {0, 1, 2})));
    assertArrayEquals(new long[] {1, 1}, s2.newItems());
  }

  @Test
  void seal_keepAll_siteIndexSpansTicks() {
    WebStore web = new WebStore(1, 2, WebStore.KEEP_ALL);
    web.appendAndSeal(0, new Items[] {from(0, 2, 0, 0, 0f), from(1, 2, 0, 1, 1f)});
    Snapshot s = web.appendAndSeal(1, new Items[] {from(0, 1, 1, 0, 0f), from(1, 3, 1, 1, 1f)});
    assertEquals(8, s.size());
    assertEquals(3, s.siteSize(0));
    assertEquals(4, s.siteItem(0, 2), "third forum item is the first of tick 1");
    assertEquals(16 * 8 + 4 * 3 * 2, s.provenanceBytes());
    assertThrows(IndexOutOfBoundsException.class, () -> s.siteItem(0, 3));
    assertThrows(IllegalStateException.class, () -> web.appendAndSeal(1, new Items[0]));
  }

  @Test
  void siteWeight_baseWeightPlusAttachmentTimesVisibleItems() {
    WebStore web = new WebStore(1, 2, 2, new double[] {3.0, 0.5}, new double[] {0.0, 0.25});
    web.appendAndSeal(0, new Items[] {from(0, 4, 0, 0, 0f), from(1, 2, 0, 1, 1f)});
    Snapshot s1 = web.appendAndSeal(1, new Items[] {from(0, 4, 1, 0, 0f), from(1, 6, 1, 1, 1f)});
    assertEquals(3.0, s1.siteWeight(0), 1e-12, "no attachment: the base weight");
    assertEquals(0.5 + 0.25 * 8, s1.siteWeight(1), 1e-12, "8 items on the blog over 2 ticks");
    Snapshot s2 = web.appendAndSeal(2, new Items[] {from(0, 4, 2, 0, 0f), from(1, 0, 2, 1, 1f)});
    assertEquals(0.5 + 0.25 * 6, s2.siteWeight(1), 1e-12, "tick 0 has left the window");
    assertEquals(
        1.0,
        new WebStore(1, 2, 0).appendAndSeal(0, new Items[0]).siteWeight(1),
        "a web without weights weighs every site 1");
  }

  @Test
  void newItemsBySite_countsThisTicksItemsAndTheirSyntheticShare() {
    WebStore web = new WebStore(1, 2, WebStore.KEEP_ALL);
    web.appendAndSeal(0, new Items[] {from(0, 5, 0, 0, 0f)});
    Snapshot s =
        web.appendAndSeal(
            1, new Items[] {from(0, 3, 1, 0, 0f), from(1, 2, 1, 0, 1f), from(2, 4, 1, 1, 2f)});
    assertArrayEquals(new long[] {5, 2}, s.newItems(0));
    assertArrayEquals(new long[] {4, 4}, s.newItems(1));
  }

  /** The snapshot seen only through WebView's abstract methods: its reference range queries. */
  private static WebView reference(Snapshot s) {
    return new WebView() {
      @Override
      public int tick() {
        return s.tick();
      }

      @Override
      public long size() {
        return s.size();
      }

      @Override
      public int width() {
        return s.width();
      }

      @Override
      public int siteCount() {
        return s.siteCount();
      }

      @Override
      public long siteSize(int site) {
        return s.siteSize(site);
      }

      @Override
      public long siteItem(int site, long k) {
        return s.siteItem(site, k);
      }

      @Override
      public Items gather(long[] indices) {
        return s.gather(indices);
      }
    };
  }

  @Test
  void ranges_indexAnswers_equalTheReference() {
    // Five agents on three sites over six ticks, retention 4; agent 3 publishes on two sites.
    WebStore web = new WebStore(1, 3, 4);
    Snapshot s = null;
    for (int t = 0; t < 6; t++) {
      Items three = Items.concat(java.util.List.of(from(3, 2, t, 0, 1f), from(3, t, t, 2, 1f)), 1);
      s =
          web.appendAndSeal(
              t,
              new Items[] {
                from(0, 3, t, 1, 0f),
                from(1, t % 2, t, 0, 0f),
                from(2, 4, t, 1, 1f),
                three,
                from(4, 1, t, 2, 2f)
              });
    }
    WebView ref = reference(s);
    int[][] siteSets = {{0}, {1}, {2}, {0, 2}, {2, 0, 1}};
    for (int[] sites : siteSets) {
      for (int from : new int[] {Integer.MIN_VALUE, 0, 2, 3, 5, 6}) {
        assertEquals(
            ref.siteRanges(sites, from),
            s.siteRanges(sites, from),
            java.util.Arrays.toString(sites) + " from tick " + from);
      }
    }
    for (int author = -1; author <= 5; author++) {
      assertEquals(ref.authorRanges(author), s.authorRanges(author), "author " + author);
    }
    assertEquals(ref.authorRanges(3).size(), 2 * 4 + (2 + 3 + 4 + 5), "agent 3 in ticks 2..5");
  }

  @Test
  void seal_contributionOnInterleavedSites_groupedBySiteInItsOwnOrder() {
    // One agent's five items on sites 2, 0, 2, 1, 0 of a four-site web (site 3 stays empty),
    // between two single-site agents.
    short[] sites = {2, 0, 2, 1, 0};
    int n = sites.length;
    Items mixed =
        new Items(
            new Batch(n, 1, new double[] {10, 11, 12, 13, 14}),
            new int[] {1, 1, 1, 1, 1},
            new byte[n],
            new int[n],
            new int[n],
            new float[n],
            new byte[n],
            sites);
    WebStore web = new WebStore(1, 4, WebStore.KEEP_ALL);
    web.appendAndSeal(0, new Items[] {from(0, 1, 0, 2, 0f), mixed, from(2, 1, 0, 0, 0f)});
    Snapshot s = web.appendAndSeal(1, new Items[] {from(0, 1, 1, 0, 0f), mixed, Items.empty(1)});
    assertEquals(0, s.siteSize(3));
    double[][] expected = {
      {11, 14, 200, 0, 11, 14}, {13, 13}, {0, 10, 12, 10, 12}, {},
    };
    for (int site = 0; site < 4; site++) {
      long[] at = new long[(int) s.siteSize(site)];
      for (int k = 0; k < at.length; k++) {
        at[k] = s.siteItem(site, k);
      }
      Items got = s.gather(at);
      assertArrayEquals(expected[site], values(got), "site " + site);
      for (int k = 0; k < at.length; k++) {
        assertEquals(site, got.siteAt(k), "site column of site " + site + " item " + k);
      }
    }
  }

  /** Agent {@code agent}'s n items of a tick on site 0, payload tick*1000 + agent*100 + i. */
  private static Items ofTick(int agent, int n, int tick) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = tick * 1000 + agent * 100 + i;
    }
    return Items.uniform(new Batch(n, 1, v), agent, AuthorKind.HUMAN, tick, 0, 0f, (short) 0);
  }

  private static long[] all(Snapshot s) {
    long[] ix = new long[(int) s.size()];
    for (int i = 0; i < ix.length; i++) {
      ix[i] = i;
    }
    return ix;
  }

  @Test
  void reusePayloads_everyGatherEqualsAStoreThatAllocates_andArraysAreReused() {
    WebStore fresh = new WebStore(1, 1, 2);
    WebStore reusing = new WebStore(1, 1, 2);
    reusing.reusePayloads();
    for (int tick = 0; tick < 16; tick++) {
      // Ticks grow and shrink, so that some dropped arrays are too small to take a new tick.
      int n = 2 + (tick * 5) % 7;
      Items[] c = {ofTick(0, n, tick), ofTick(1, 9 - n, tick), ofTick(2, tick % 3, tick)};
      Snapshot a = fresh.appendAndSeal(tick, c);
      Snapshot b = reusing.appendAndSeal(tick, c);
      assertArrayEquals(values(a.gather(all(a))), values(b.gather(all(b))), "tick " + tick);
      long[] backwards = all(a);
      for (int i = 0; i < backwards.length / 2; i++) {
        long x = backwards[i];
        backwards[i] = backwards[backwards.length - 1 - i];
        backwards[backwards.length - 1 - i] = x;
      }
      assertArrayEquals(values(a.gather(backwards)), values(b.gather(backwards)), "tick " + tick);
      int[] site0 = {0};
      assertArrayEquals(
          values(a.gather(a.siteRanges(site0, tick - 1))),
          values(b.gather(b.siteRanges(site0, tick - 1))),
          "tick " + tick);
      assertEquals(a.payloadBytes(), b.payloadBytes(), "the payload's bytes, not the array's");
    }
    assertEquals(0, fresh.payloadsReused());
    assertTrue(reusing.payloadsReused() >= 8, "reused " + reusing.payloadsReused());
  }

  @Test
  void reusePayloads_aSnapshotIsReadableTwoTicksOn_thenAReadFailsWithAClearError() {
    WebStore web = new WebStore(1, 1, 1);
    web.reusePayloads();
    Snapshot s0 = web.appendAndSeal(0, new Items[] {ofTick(0, 4, 0)});
    double[] at0 = values(s0.gather(all(s0)));
    web.appendAndSeal(1, new Items[] {ofTick(0, 4, 1)});
    web.appendAndSeal(2, new Items[] {ofTick(0, 4, 2)});
    assertArrayEquals(at0, values(s0.gather(all(s0))), "newest tick 2: still readable");
    for (int tick = 3; tick < 8; tick++) {
      web.appendAndSeal(tick, new Items[] {ofTick(0, 4, tick)});
    }
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> s0.gather(new long[] {1}));
    assertTrue(e.getMessage().startsWith("the snapshot of tick 0 was read after"), e.getMessage());
    assertThrows(IllegalStateException.class, () -> s0.gather(s0.siteRanges(new int[] {0}, 0)));
    assertEquals(4, s0.size(), "counts and provenance stay readable");
    assertArrayEquals(new long[] {4, 0}, s0.newItems());
  }

  @Test
  void reusePayloads_noEffectWhenRetentionKeepsEverything() {
    WebStore web = new WebStore(1, 1, WebStore.KEEP_ALL);
    web.reusePayloads();
    Snapshot s0 = web.appendAndSeal(0, new Items[] {ofTick(0, 3, 0)});
    for (int tick = 1; tick < 10; tick++) {
      web.appendAndSeal(tick, new Items[] {ofTick(0, 3, tick)});
    }
    assertArrayEquals(new double[] {0, 1, 2}, values(s0.gather(all(s0))));
    assertEquals(0, web.payloadsReused());
  }
}
