package ouroboros.sim.scenario.check;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import ouroboros.agents.domain.DomainSpec;
import ouroboros.sim.scenario.spec.ModelSpec;
import ouroboros.sim.scenario.stage.StageSpec;

/**
 * What a timeline {@code set} brings to a model: the problems of the model after the change that it
 * did not have before. A model that is wrong on its own (its file entry or template says so, in its
 * own error) is not the event's fault. Called by {@link TimelineValidator}.
 */
final class ModelChange {
  private ModelChange() {}

  /**
   * The problems {@code after} has and {@code before} had not, as a model entry is checked, with
   * what {@code trains-on} excludes (crawl, fresh-human-fraction), as in the model's own entry: the
   * engine of a trains-on model reads neither. (No agent ids: the sources' problems are the model's
   * before the change too.)
   */
  static Problems brought(
      ModelSpec before,
      ModelSpec after,
      Set<String> sites,
      DomainSpec domain,
      StageSpec.Context stages) {
    Problems changed = problems(after, sites, domain, stages);
    if (changed.isEmpty()) {
      return changed;
    }
    List<Problems.Problem> had = problems(before, sites, domain, stages).list();
    Problems brought = new Problems();
    for (Problems.Problem q : changed.list()) {
      if (!had.contains(q)) {
        brought.addWorded(q.pointer(), q.found(), q.expected());
      }
    }
    return brought;
  }

  private static Problems problems(
      ModelSpec m, Set<String> sites, DomainSpec domain, StageSpec.Context stages) {
    Problems p = new Problems();
    ScenarioValidator.checkModel(p, "", m, new HashSet<>(), sites, domain, stages);
    TrainsOnValidator.check(p, "", m, List.of());
    return p;
  }
}
