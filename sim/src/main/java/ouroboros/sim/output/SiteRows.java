package ouroboros.sim.output;

import static ouroboros.sim.output.WebMetrics.SITE_ITEMS;
import static ouroboros.sim.output.WebMetrics.SITE_NEW_SYNTHETIC_SHARE;
import static ouroboros.sim.output.WebMetrics.SITE_WEIGHT;

import java.util.ArrayList;
import java.util.List;
import ouroboros.sim.engine.TickResult;
import ouroboros.sim.scenario.spec.Scenario;
import ouroboros.sim.scenario.spec.SiteSpec;
import ouroboros.sim.web.Snapshot;

/**
 * Per-site rows of {@code metrics.csv}, agent {@code web}, for scenarios that structure the web:
 * those whose sites set a {@code weight} or an {@code attachment}, or that have an {@code ai-share}
 * curve. For each site S at each tick: {@code site-S-items} (visible after retention), {@code
 * site-S-new-items}, {@code site-S-new-synthetic-share} (NA when it published nothing) and {@code
 * site-S-weight} (its traffic weight, w + a × items). Other scenarios get no such rows, so their
 * files stay as they were.
 */
public final class SiteRows implements RunMetrics.Contributor {
  private final List<String> sites;

  private SiteRows(List<String> sites) {
    this.sites = List.copyOf(sites);
  }

  /** The rows of a scenario's sites, or null when the scenario does not structure its web. */
  public static SiteRows of(Scenario scenario) {
    boolean weighted =
        scenario.sites().stream().anyMatch(s -> s.weight() != null || s.attachment() != null);
    boolean curves = scenario.aiShare() != null && !scenario.aiShare().isEmpty();
    return weighted || curves
        ? new SiteRows(scenario.sites().stream().map(SiteSpec::id).toList())
        : null;
  }

  @Override
  public List<MetricRow> rows(TickResult r) {
    Snapshot web = r.web();
    List<MetricRow> rows = new ArrayList<>();
    for (int s = 0; s < sites.size(); s++) {
      String id = sites.get(s);
      long[] fresh = web.newItems(s);
      rows.add(
          new MetricRow(r.tick(), RunMetrics.WEB, 0, SITE_ITEMS.get(0).name(id), web.siteSize(s)));
      rows.add(new MetricRow(r.tick(), RunMetrics.WEB, 0, SITE_ITEMS.get(1).name(id), fresh[0]));
      rows.add(
          new MetricRow(
              r.tick(),
              RunMetrics.WEB,
              0,
              SITE_NEW_SYNTHETIC_SHARE.name(id),
              fresh[0] == 0 ? Double.NaN : (double) fresh[1] / fresh[0]));
      rows.add(new MetricRow(r.tick(), RunMetrics.WEB, 0, SITE_WEIGHT.name(id), web.siteWeight(s)));
    }
    return rows;
  }
}
