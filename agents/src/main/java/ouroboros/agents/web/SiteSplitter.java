package ouroboros.agents.web;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;
import ouroboros.agents.state.StateIo;

/**
 * Splits an agent's items among the sites of its {@link SiteMix}, deterministically: each item goes
 * to the site furthest behind its quota, the site k that maximises N s_k − c_k after the item (N
 * items published so far, s_k the share, c_k the items site k has had; ties go to the earlier
 * site). This is the quota method of apportionment (Balinski and Young, "Fair Representation",
 * 1982, ch. 12, in its sequential form): every site's count stays within one item of N s_k at all
 * times, with no random draw, so the sim can mirror an agent's split exactly. Not thread-safe.
 */
public final class SiteSplitter {
  private final SiteMix mix;
  private final long[] counts;
  private long total;

  /** A splitter that has split nothing yet. */
  public SiteSplitter(SiteMix mix) {
    this.mix = Objects.requireNonNull(mix, "mix");
    this.counts = new long[mix.sites().length];
  }

  /** The site of each of the next {@code n} items, and counts them. */
  public short[] assign(int n) {
    short[] sites = mix.sites();
    short[] out = new short[n];
    if (sites.length == 1) {
      Arrays.fill(out, sites[0]);
      counts[0] += n;
      total += n;
      return out;
    }
    double[] shares = mix.shares();
    for (int i = 0; i < n; i++) {
      total++;
      int best = 0;
      double behind = Double.NEGATIVE_INFINITY;
      for (int k = 0; k < shares.length; k++) {
        double d = total * shares[k] - counts[k];
        if (d > behind) {
          behind = d;
          best = k;
        }
      }
      counts[best]++;
      out[i] = sites[best];
    }
    return out;
  }

  /**
   * How many of the next {@code n} items go to each site of the mix (in the mix's order), and
   * counts them: the same split as {@link #assign}.
   */
  public long[] split(int n) {
    long[] before = counts.clone();
    assign(n);
    long[] out = new long[counts.length];
    for (int k = 0; k < out.length; k++) {
      out[k] = counts[k] - before[k];
    }
    return out;
  }

  /** Writes the counts so far for a checkpoint. */
  public void save(DataOutput out) throws IOException {
    StateIo.longs(out, counts);
    out.writeLong(total);
  }

  /** Restores what {@link #save} wrote. */
  public void restore(DataInput in) throws IOException {
    long[] c = StateIo.longs(in);
    if (c == null || c.length != counts.length) {
      throw new IOException("checkpoint does not match this run: a site split of another size");
    }
    System.arraycopy(c, 0, counts, 0, c.length);
    total = in.readLong();
  }
}
