package ouroboros.sim.output;

import static ouroboros.sim.output.Meter.gauge;
import static ouroboros.sim.output.MetricTable.family;
import static ouroboros.sim.output.MetricTable.row;
import static ouroboros.sim.output.MetricTable.web;

import java.util.List;
import ouroboros.sim.output.Metric.Scope;

/**
 * The metrics of the web's rows (agent {@code web}) of {@code metrics.csv}, declared once, after
 * the models' in {@link MetricCatalogue}, which lists them all.
 */
public final class WebMetrics {
  /** Visible items. */
  public static final Metric ITEMS =
      row(
          web("items", "items visible after retention", "count")
              .live(gauge("ouroboros.web.size", "Visible items on the web")));

  /** Visible items by author kind. */
  public static final List<Metric> ITEMS_BY_KIND =
      family(
          "`items-human`, `items-model`",
          Scope.WEB,
          "visible items by author kind",
          "count",
          gauge("ouroboros.web.items", "Visible items by author kind"),
          "kind",
          n -> n.substring("items-".length()),
          "items-human",
          "items-model");

  /** Items published this tick. */
  public static final Metric NEW_ITEMS =
      row(web("new-items", "items published this tick", "count"));

  /** Synthetic share of the visible web. */
  public static final Metric SYNTHETIC_SHARE =
      row(
          web("synthetic-share", "share of visible items with synthetic depth above 0", "ratio")
              .live(
                  gauge(
                          "ouroboros.web.synthetic.share",
                          "Share of visible items that are synthetic (depth above 0)")
                      .panel("percentunit")));

  /** Synthetic share of this tick's items. */
  public static final Metric NEW_SYNTHETIC_SHARE =
      row(
          web("new-synthetic-share", "the same, for this tick's items", "ratio")
              .live(
                  gauge(
                          "ouroboros.web.new.synthetic.share",
                          "Share of the items published at the latest tick that are synthetic")
                      .panel("percentunit")));

  /** A site's visible items, and its items published this tick. */
  public static final List<Metric> SITE_ITEMS =
      family(
          "`site-S-items`, `site-S-new-items`",
          Scope.WEB,
          "site S's visible items, and its items published this tick; only when a site"
              + " sets `weight` or `attachment` or the scenario has an `ai-share` curve",
          "count",
          null,
          null,
          null,
          "site-S-items",
          "site-S-new-items");

  /** A site's synthetic share of this tick's items. */
  public static final Metric SITE_NEW_SYNTHETIC_SHARE =
      row(
          web(
              "site-S-new-synthetic-share",
              "the synthetic share of site S's items published this tick (same condition)",
              "ratio"));

  /** A site's traffic weight. */
  public static final Metric SITE_WEIGHT =
      row(
          web(
              "site-S-weight",
              "site S's traffic weight, w + a × `site-S-items` (same condition)",
              "weight"));

  private WebMetrics() {}
}
