package ouroboros.sim.scenario.check;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import ouroboros.sim.scenario.path.Timelines;
import ouroboros.sim.scenario.spec.AiShareSpec;
import ouroboros.sim.scenario.spec.EventSpec;
import ouroboros.sim.scenario.spec.HumanSpec;
import ouroboros.sim.scenario.spec.ModelSpec;
import ouroboros.sim.scenario.spec.Scenario;
import ouroboros.sim.scenario.spec.SiteSpec;

/**
 * The checks on a scenario's {@code ai-share} curves: each names a known site, at most one curve
 * per site, with at least one {@code [tick, share]} point, ticks ascending and shares in [0, 1); a
 * model publishes to at most one site with a curve, and each curve's site has a model to scale, one
 * that publishes there at every tick the curve asks for a share above 0 ({@link AiShareCoverage}).
 */
final class AiShareValidator {
  private final Problems p;
  private final Scenario s;
  private final Set<String> sites;

  private AiShareValidator(Problems p, Scenario s, Set<String> sites) {
    this.p = p;
    this.s = s;
    this.sites = sites;
  }

  /** Adds the curves' problems to {@code p}. */
  static void check(Problems p, Scenario s, Set<String> sites) {
    new AiShareValidator(p, s, sites).curves();
  }

  private void curves() {
    List<AiShareSpec> curves = s.aiShare();
    if (curves == null) {
      return;
    }
    Set<String> seen = new HashSet<>();
    boolean[] ok = new boolean[curves.size()];
    for (int c = 0; c < curves.size(); c++) {
      AiShareSpec curve = curves.get(c);
      String at = "/ai-share/" + c;
      if (curve == null) {
        p.add(at, null, "a mapping with 'site' and 'points'");
        continue;
      }
      int before = p.list().size();
      if (curve.site() == null) {
        p.add(at + "/site", null, "the required key 'site'");
      } else if (!sites.contains(curve.site())) {
        List<String> known = sites.stream().sorted().toList();
        p.add(
            at + "/site",
            curve.site(),
            "one of the scenario's sites "
                + Suggest.list(known)
                + Suggest.didYouMean(curve.site(), known));
      } else if (!seen.add(curve.site())) {
        p.add(at + "/site", curve.site(), "a site without another ai-share curve");
      }
      points(at + "/points", curve.points());
      load(at + "/points", curve);
      ok[c] = curve.site() != null && p.list().size() == before;
    }
    Set<String> scaled = multiCurve(curves);
    for (int c = 0; c < curves.size(); c++) {
      if (ok[c] && scaled.contains(curves.get(c).site())) {
        new AiShareCoverage(p, s, this::sharesOf).check("/ai-share/" + c, curves.get(c));
      }
    }
  }

  /**
   * A curve whose share asks its site's models for more than an agent may publish in a tick: s of
   * the new items is H s / (1 - s) model items for H human ones, which a share near 1 makes
   * billions (0.999999999 ran out of memory at tick 0 after validate said ok). Checked with the
   * human sources' rates before any timeline event, spread evenly over the site's models.
   */
  private void load(String at, AiShareSpec curve) {
    if (curve.site() == null || curve.points() == null || !sites.contains(curve.site())) {
      return;
    }
    double share = 0;
    for (List<Double> pt : curve.points()) {
      if (pt != null && pt.size() == 2 && pt.get(1) != null && pt.get(1) >= 0 && pt.get(1) < 1) {
        share = Math.max(share, pt.get(1));
      }
    }
    double human = 0;
    for (HumanSpec h : s.humans() == null ? List.<HumanSpec>of() : s.humans()) {
      if (h != null && h.publishRate() != null) {
        human += h.publishRate() * shareOn(h.site(), h.publishTo(), curve.site());
      }
    }
    long models =
        Timelines.allModels(s.models(), s.timeline()).stream()
            .filter(m -> m != null && m.id() != null && sitesOf(m).contains(curve.site()))
            .count();
    double perModel = share * human / (1 - share) / Math.max(1, models);
    if (perModel > FieldChecks.MAX_ITEMS) {
      p.addWorded(
          at,
          String.format(
              java.util.Locale.ROOT,
              "a share of %s, which asks the %d model(s) on %s for about %.3g items a tick each"
                  + " (%.3g human items a tick at the start)",
              share,
              models,
              curve.site(),
              perModel,
              human),
          "shares that ask each model for at most "
              + FieldChecks.MAX_ITEMS
              + " items a tick, the most an agent publishes");
    }
  }

  /** The share of an agent's items that go to {@code site}: its site, or its publish-to mix. */
  private double shareOn(String site, java.util.Map<String, Double> publishTo, String target) {
    if (publishTo != null && !publishTo.isEmpty()) {
      double total = 0;
      for (Double w : publishTo.values()) {
        total += w == null ? 0 : w;
      }
      Double w = publishTo.get(target);
      return total > 0 && w != null ? w / total : 0;
    }
    return (site != null ? site : defaultSite()).equals(target) ? 1 : 0;
  }

  private void points(String at, List<List<Double>> points) {
    if (points == null || points.isEmpty()) {
      p.add(at, points, "a list of [tick, share] pairs, at least one");
      return;
    }
    double last = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < points.size(); k++) {
      List<Double> pt = points.get(k);
      String here = at + "/" + k;
      if (pt == null || pt.size() != 2 || pt.get(0) == null || pt.get(1) == null) {
        p.add(here, pt, "a pair [tick, share]");
        continue;
      }
      double t = pt.get(0);
      double share = pt.get(1);
      if (!(t >= 0) || t != Math.rint(t) || t > Integer.MAX_VALUE) {
        p.add(here + "/0", t, "a tick: a whole number of at least 0");
      } else if (t <= last) {
        p.add(here + "/0", (long) t, "a tick after the previous point's " + (long) last);
      } else {
        last = t;
      }
      if (!(share >= 0 && share < 1)) {
        p.add(here + "/1", share, "a share in [0, 1)");
      }
    }
  }

  /**
   * A model may publish on one curve's site at most, and a curve needs a model to scale.
   *
   * @return the curves' sites that some model publishes to
   */
  private Set<String> multiCurve(List<AiShareSpec> curves) {
    Set<String> curveSites = new TreeSet<>();
    for (AiShareSpec c : curves) {
      if (c != null && c.site() != null && sites.contains(c.site())) {
        curveSites.add(c.site());
      }
    }
    Set<String> scaled = new HashSet<>();
    for (ModelSpec m : Timelines.allModels(s.models(), s.timeline())) {
      if (m == null || m.id() == null) {
        continue;
      }
      Set<String> on = new TreeSet<>(sitesOf(m));
      on.retainAll(curveSites);
      scaled.addAll(on);
      if (on.size() > 1) {
        String where = modelPointer(m.id());
        p.addWorded(
            where,
            "a model that publishes to " + on.size() + " sites with an ai-share " + "curve " + on,
            "at most one such site per model: a curve scales the publish rates "
                + "of the models on its site");
      }
    }
    for (int c = 0; c < curves.size(); c++) {
      AiShareSpec curve = curves.get(c);
      if (curve != null && curveSites.contains(curve.site()) && !scaled.contains(curve.site())) {
        p.add(
            "/ai-share/" + c + "/site",
            curve.site(),
            "a site some model publishes to: the "
                + "curve is met by scaling the publish rates of the models there");
      }
    }
    return scaled;
  }

  /** The sites a model publishes to (its default site is the first site). */
  private Set<String> sitesOf(ModelSpec m) {
    if (m.publishTo() != null) {
      return m.publishTo().keySet();
    }
    return Set.of(m.site() != null ? m.site() : defaultSite());
  }

  /** The sites a model publishes to, each with its share of the model's items. */
  private java.util.Map<String, Double> sharesOf(ModelSpec m) {
    if (m.publishTo() != null) {
      double total = 0;
      for (Double w : m.publishTo().values()) {
        total += w == null || !(w > 0) ? 0 : w;
      }
      java.util.Map<String, Double> out = new java.util.HashMap<>();
      for (var e : m.publishTo().entrySet()) {
        Double w = e.getValue();
        out.put(e.getKey(), total > 0 && w != null && w > 0 ? w / total : 0);
      }
      return out;
    }
    return java.util.Map.of(m.site() != null ? m.site() : defaultSite(), 1.0);
  }

  /** The site of an agent that names none: the scenario's first. */
  private String defaultSite() {
    return s.sites() == null || s.sites().isEmpty() || s.sites().get(0) == null
        ? SiteSpec.defaultId()
        : String.valueOf(s.sites().get(0).id());
  }

  /** Where a model is declared: under models, or in its release. */
  private String modelPointer(String id) {
    List<ModelSpec> file = s.models() == null ? List.of() : s.models();
    for (int i = 0; i < file.size(); i++) {
      if (file.get(i) != null && id.equals(file.get(i).id())) {
        return "/models/" + i;
      }
    }
    List<EventSpec> events = s.timeline();
    for (int i = 0; events != null && i < events.size(); i++) {
      if (events.get(i) != null
          && events.get(i).release() != null
          && id.equals(events.get(i).release().id())) {
        return "/timeline/" + i + "/release";
      }
    }
    return "";
  }
}
