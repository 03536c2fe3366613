package ouroboros.sim.scenario;

/**
 * One site of the web.
 *
 * @param id unique site id
 * @param weight its base traffic weight w, at least 0 (absent: 1)
 * @param attachment a, at least 0: the site's traffic weight at a tick is w + a times the items
 *     it published over the retention window (preferential attachment; absent: 0)
 */
public record SiteSpec(String id, Double weight, Double attachment) {

  /** A site with the default weight and no attachment. */
  public SiteSpec(String id) {
    this(id, null, null);
  }

  /** The base weight, {@link Defaults#SITE_WEIGHT} when absent. */
  public double weightOrDefault() {
    return weight != null ? weight : Defaults.SITE_WEIGHT;
  }

  /** The attachment, {@link Defaults#SITE_ATTACHMENT} when absent. */
  public double attachmentOrDefault() {
    return attachment != null ? attachment : Defaults.SITE_ATTACHMENT;
  }
}
