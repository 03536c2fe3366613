package ouroboros.agents.crawl;

import java.util.ArrayList;
import java.util.List;
import ouroboros.agents.data.AuthorKind;
import ouroboros.agents.data.Batch;
import ouroboros.agents.data.Items;
import ouroboros.agents.web.WebView;

/**
 * A small web for policy tests, laid out like the web store (by tick, then site, then author): item
 * i's payload is i, and {@link #siteRanges} and {@link #authorRanges} are {@link WebView}'s
 * reference implementations. Build it with {@link #add}.
 */
final class ListWeb implements WebView {
  private final int sites;
  private final List<int[]> items = new ArrayList<>(); // {tick, site, author}
  private int tick;

  /** An empty web with {@code sites} sites. */
  ListWeb(int sites) {
    this.sites = sites;
  }

  /** Appends {@code count} items by {@code author} on {@code site} at {@code tick}, in order. */
  ListWeb add(int tickOf, int site, int author, int count) {
    for (int i = 0; i < count; i++) {
      items.add(new int[] {tickOf, site, author});
    }
    tick = Math.max(tick, tickOf);
    return this;
  }

  @Override
  public int tick() {
    return tick;
  }

  @Override
  public long size() {
    return items.size();
  }

  @Override
  public int width() {
    return 1;
  }

  @Override
  public int siteCount() {
    return sites;
  }

  @Override
  public long siteSize(int site) {
    return items.stream().filter(it -> it[1] == site).count();
  }

  @Override
  public long siteItem(int site, long k) {
    long seen = 0;
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i)[1] == site && seen++ == k) {
        return i;
      }
    }
    throw new IndexOutOfBoundsException("site " + site + " has no item " + k);
  }

  @Override
  public Items gather(long[] indices) {
    int n = indices.length;
    double[] v = new double[n];
    int[] author = new int[n];
    byte[] kind = new byte[n];
    int[] ticks = new int[n];
    float[] depth = new float[n];
    short[] site = new short[n];
    for (int i = 0; i < n; i++) {
      int[] it = items.get((int) indices[i]);
      v[i] = indices[i];
      ticks[i] = it[0];
      site[i] = (short) it[1];
      author[i] = it[2];
      kind[i] = AuthorKind.MODEL;
      depth[i] = 1f;
    }
    return new Items(new Batch(n, 1, v), author, kind, ticks, new int[n], depth, new byte[n], site);
  }

  /** Provenance column of the items a crawl returned: 0 tick, 1 site, 2 author. */
  int[] column(Items got, int c) {
    int[] out = new int[got.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = items.get((int) got.payload().values()[i])[c];
    }
    return out;
  }
}
