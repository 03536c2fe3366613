package ouroboros.agents.web;

import java.util.Arrays;

/**
 * The sites an agent publishes to and each one's share of its items. A single site is a mix of one.
 * Shares are positive and sum to 1 (the scenario loader checks it); each tick's items are split
 * among the sites by a {@link SiteSplitter}, which keeps every site's count within one item of its
 * share of everything published so far.
 *
 * @param sites site indices, distinct, in the order the scenario lists them
 * @param shares each site's share, positive, summing to 1
 */
public record SiteMix(short[] sites, double[] shares) {

  /** Checks the mix; messages name the parameter and its value. */
  public SiteMix {
    sites = sites.clone();
    shares = shares.clone();
    if (sites.length == 0 || sites.length != shares.length) {
      throw new IllegalArgumentException(
          "a mix needs one share per site, at least one: "
              + Arrays.toString(sites)
              + " "
              + Arrays.toString(shares));
    }
    double sum = 0;
    for (double s : shares) {
      if (!(s > 0 && s <= 1)) {
        throw new IllegalArgumentException("share is not in (0,1]: " + s);
      }
      sum += s;
    }
    if (Math.abs(sum - 1) > 1e-6) {
      throw new IllegalArgumentException("shares do not sum to 1: " + sum);
    }
  }

  /** All items to one site. */
  public static SiteMix single(short site) {
    return new SiteMix(new short[] {site}, new double[] {1.0});
  }

  /** Whether the mix has one site only. */
  public boolean isSingle() {
    return sites.length == 1;
  }

  /** The first site: the only one of a single-site mix. */
  public short first() {
    return sites[0];
  }

  /** The share of {@code site}, 0 when the mix does not publish there. */
  public double shareOf(int site) {
    for (int k = 0; k < sites.length; k++) {
      if (sites[k] == site) {
        return shares[k];
      }
    }
    return 0;
  }

  @Override
  public short[] sites() {
    return sites.clone();
  }

  @Override
  public double[] shares() {
    return shares.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SiteMix m
        && Arrays.equals(sites, m.sites)
        && Arrays.equals(shares, m.shares);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(sites) + Arrays.hashCode(shares);
  }

  @Override
  public String toString() {
    return "SiteMix[sites=" + Arrays.toString(sites) + ", shares=" + Arrays.toString(shares) + "]";
  }
}
