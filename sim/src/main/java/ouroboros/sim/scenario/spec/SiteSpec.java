package ouroboros.sim.scenario.spec;

import java.util.List;
import ouroboros.agents.spec.Key;
import ouroboros.agents.spec.Spec;

/**
 * One site of the web.
 *
 * @param id unique site id
 * @param weight its base traffic weight w, at least 0 (absent: 1)
 * @param attachment a, at least 0: the site's traffic weight at a tick is w + a times the items it
 *     published over the retention window (preferential attachment; absent: 0)
 */
@Spec(name = "site", doc = "One site of the web, with its traffic weight.")
public record SiteSpec(
    @Key(
            doc =
                "Unique site id of letters, digits, '.', '_' or '-', named by agents' 'site', "
                    + "'publish-to' and 'crawl.sites' (and by per-site rows of metrics.csv).",
            required = true,
            pattern = "^[A-Za-z0-9._-]+$")
        String id,
    @Key(
            doc =
                "w: the site's base traffic weight, at least 0. Crawl policies that visit sites by "
                    + "traffic visit a site in proportion to its weight (the 'uniform' policy ignores "
                    + "weights). Default 1.",
            min = 0,
            def = "1.0",
            expect = "a traffic weight of at least 0")
        Double weight,
    @Key(
            doc =
                "a: preferential attachment, at least 0. The site's traffic weight at a tick is w + "
                    + "a times the items it published over the web's retention window, so a site that "
                    + "publishes more draws more traffic. Default 0.",
            min = 0,
            def = "0.0",
            expect = "an attachment of at least 0 (weight per item published)")
        Double attachment) {

  /** A site with the default weight and no attachment. */
  public SiteSpec(String id) {
    this(id, null, null);
  }

  /** The id of the one site of a scenario that names none. */
  public static String defaultId() {
    return Declared.<List<SiteSpec>>def(Scenario.class, "sites").get(0).id();
  }

  /** The base weight, its declared default when absent. */
  public double weightOrDefault() {
    return weight != null ? weight : Declared.<Double>def(SiteSpec.class, "weight");
  }

  /** The attachment, its declared default when absent. */
  public double attachmentOrDefault() {
    return attachment != null ? attachment : Declared.<Double>def(SiteSpec.class, "attachment");
  }
}
