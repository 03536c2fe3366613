package ouroboros.sim.scenario.check;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import ouroboros.sim.scenario.spec.Declared;
import ouroboros.sim.scenario.spec.HumanSpec;
import ouroboros.sim.scenario.spec.ModelSpec;
import ouroboros.sim.scenario.spec.TrainsOnSpec;
import ouroboros.sim.scenario.stage.StageSpec;

/**
 * Checks a model's static-graph keys ({@code trains-on}, {@code human-share}) and what they exclude
 * ({@code crawl}, {@code fresh-human-fraction}). Called by {@link ScenarioValidator}.
 */
final class TrainsOnValidator {
  private TrainsOnValidator() {}

  /** The kinds of population a source may name. */
  private static final List<String> AGENTS = List.of("human", "model");

  /** Every agent id that is set, humans first, in file order. */
  static List<String> agentIds(List<HumanSpec> humans, List<ModelSpec> models) {
    List<String> out = new java.util.ArrayList<>();
    humans.stream().filter(h -> h != null && h.id() != null).forEach(h -> out.add(h.id()));
    models.stream().filter(m -> m != null && m.id() != null).forEach(m -> out.add(m.id()));
    return out;
  }

  /** Static-graph mode: the trains-on list, its human share, and what it excludes. */
  static void check(Problems p, String at, ModelSpec m, List<String> agents) {
    check(p, at, m, agents, null);
  }

  /**
   * As {@link #check(Problems, String, ModelSpec, List)}; a source that names an unexpanded
   * population (of sites) is refused as such, and a misspelt source may have meant a population of
   * {@code populations} (null: none).
   */
  static void check(
      Problems p, String at, ModelSpec m, List<String> agents, Populations populations) {
    List<TrainsOnSpec> list = m.trainsOn();
    if (list == null) {
      if (m.humanShare() != null) {
        p.addWorded(
            at + "/human-share",
            "'human-share' without 'trains-on'",
            "'trains-on' beside it (static-graph mode), or 'fresh-human-fraction' for a model "
                + "that crawls the web");
      }
      return;
    }
    if (m.crawl() != null) {
      p.addWorded(
          at + "/trains-on",
          "'trains-on' together with 'crawl'",
          "one of them: 'trains-on' fixes the agents the model reads (static-graph mode), "
              + "'crawl' lets it scrape the web");
    }
    if (m.freshHumanFraction() != null) {
      p.addWorded(
          at + "/trains-on",
          "'trains-on' together with 'fresh-human-fraction'",
          "'human-share' for the fresh human data of a model with 'trains-on'");
    }
    if (m.humanShare() != null) {
      StageSpec.probability(p, at + "/human-share", m.humanShare());
    }
    if (list.isEmpty()) {
      p.add(at + "/trains-on", list, "at least one source: {source: AGENT_ID, weight: w}");
      return;
    }
    Set<String> seen = new HashSet<>();
    double sum = 0;
    boolean weightsOk = true;
    for (int k = 0; k < list.size(); k++) {
      String e = at + "/trains-on/" + k;
      TrainsOnSpec t = list.get(k);
      if (t == null) {
        p.add(e, null, "a source: {source: AGENT_ID, weight: w}");
        weightsOk = false;
        continue;
      }
      if (t.source() == null) {
        p.add(
            e + "/source",
            null,
            "the required key 'source' (the id of a human source or " + "model)");
      } else if (!agents.contains(t.source())
          && (populations == null
              || !populations.otherKind(
                  p, e + "/source", t.source(), AGENTS, "a human source or model", agents))) {
        Set<String> named = new HashSet<>(agents);
        if (populations != null) {
          named.addAll(populations.of(AGENTS));
        }
        p.add(
            e + "/source",
            t.source(),
            "the id of a human source or model of this scenario, "
                + "one of "
                + agents
                + Suggest.didYouMean(t.source(), named));
      } else if (!seen.add(t.source())) {
        p.add(e + "/source", t.source(), "a source not listed before in this 'trains-on'");
      }
      if (t.weight() != null && (!(t.weight() >= 0) || t.weight().isInfinite())) {
        p.add(e + "/weight", t.weight(), "a weight of at least 0");
        weightsOk = false;
      } else {
        sum += t.weight() == null ? Declared.<Double>def(TrainsOnSpec.class, "weight") : t.weight();
      }
    }
    if (weightsOk && sum == 0) {
      p.addWorded(at + "/trains-on", "weights that sum to 0", "at least one weight above 0");
    }
  }

  /**
   * A release copies its like model's mode. One like a model with trains-on keeps that trains-on (a
   * release may replace it and its human-share), which excludes crawl and fresh-human-fraction; one
   * like a model that crawls the web keeps its crawl, which excludes trains-on and human-share. A
   * release that gives a key of the other mode (in {@code given}) is refused here, once.
   *
   * @return the keys refused, whose problems as a model's are left out
   */
  static Set<String> releaseLike(
      Problems p, String at, ModelSpec like, String likeId, Set<String> given) {
    boolean graph = like.trainsOn() != null;
    Set<String> refused = new java.util.TreeSet<>();
    List<String> other =
        graph ? List.of("crawl", "fresh-human-fraction") : List.of("trains-on", "human-share");
    for (String key : other) {
      if (!given.contains(key)) {
        continue;
      }
      refused.add(key);
      String found = "'" + key + "' in a release like '" + likeId + "', which ";
      if (graph) {
        p.addWorded(
            at + "/" + key,
            found + "has 'trains-on'",
            (key.equals("crawl")
                    ? "a release like a model that crawls the web"
                    : "'human-share' for its fresh human data, or a release like a model that "
                        + "crawls the web")
                + ": '"
                + likeId
                + "' reads fixed sources (static-graph mode), and the release keeps its "
                + "'trains-on' or replaces it");
      } else {
        p.addWorded(
            at + "/" + key,
            found + "crawls the web",
            (key.equals("trains-on")
                    ? "a release like a model with 'trains-on'"
                    : "'fresh-human-fraction' for its fresh human data, or a release like a model "
                        + "with 'trains-on'")
                + ": '"
                + likeId
                + "' has no 'trains-on' (static-graph mode), and the release crawls the web as it "
                + "does");
      }
    }
    return refused;
  }
}
