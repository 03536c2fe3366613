package ouroboros.agents.human;

import java.util.Objects;
import ouroboros.agents.web.SiteMix;

/**
 * One human content source.
 *
 * @param id unique agent id
 * @param publishRate k: items published per tick
 * @param site the site it publishes to (the first of {@code publishTo})
 * @param community the community whose sub-distribution it draws from, or {@link #WHOLE_TRUTH}
 * @param launderShare share of its items that repost synthetic items found on the web (laundering),
 *     in [0, 1]
 * @param launderStrip probability that a repost loses the original's watermark, in [0, 1]
 * @param signedShare share of its own (not reposted) items it signs, in [0, 1]
 * @param publishTo the sites it publishes to and their shares; null for {@code site} alone
 */
public record HumanSettings(
    String id,
    int publishRate,
    short site,
    int community,
    double launderShare,
    double launderStrip,
    double signedShare,
    SiteMix publishTo) {

  /** Community value of a source that draws from the whole truth. */
  public static final int WHOLE_TRUTH = -1;

  /** A source that draws from the whole truth. */
  public HumanSettings(String id, int publishRate, short site) {
    this(id, publishRate, site, WHOLE_TRUTH);
  }

  /** A source that neither launders nor signs. */
  public HumanSettings(String id, int publishRate, short site, int community) {
    this(id, publishRate, site, community, 0, 0, 0);
  }

  /** A source that publishes to one site. */
  public HumanSettings(
      String id,
      int publishRate,
      short site,
      int community,
      double launderShare,
      double launderStrip,
      double signedShare) {
    this(id, publishRate, site, community, launderShare, launderStrip, signedShare, null);
  }

  /** Checks the settings; a null mix is {@code site} alone. */
  public HumanSettings {
    Objects.requireNonNull(id, "id");
    if (publishTo == null) {
      publishTo = SiteMix.single(site);
    } else if (publishTo.first() != site) {
      throw new IllegalArgumentException(
          "site " + site + " is not the mix's first site: " + publishTo);
    }
    if (publishRate < 0) {
      throw new IllegalArgumentException("publishRate is negative: " + publishRate);
    }
    if (community < WHOLE_TRUTH) {
      throw new IllegalArgumentException("community is out of range: " + community);
    }
    share("launderShare", launderShare);
    share("launderStrip", launderStrip);
    share("signedShare", signedShare);
  }

  private static void share(String name, double v) {
    if (!(v >= 0 && v <= 1)) {
      throw new IllegalArgumentException(name + " is not in [0,1]: " + v);
    }
  }
}
