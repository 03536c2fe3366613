package ouroboros.sim.output;

import java.util.List;
import ouroboros.sim.engine.World;
import ouroboros.sim.scenario.spec.ModelSpec;

/**
 * Which population each model belongs to, for the outputs that aggregate per population
 * (summary.json, the terminal table, the report, the live meters). A model's group is its {@code
 * population} key; a model without one is in the group {@value #DEFAULT}.
 */
public final class Groups {
  /** The group of models that name no population. */
  public static final String DEFAULT = ModelSpec.DEFAULT_GROUP;

  private Groups() {}

  /** Each model's group, in the world's model order (models, then timeline releases). */
  public static List<String> of(World world) {
    return world.groups();
  }

  /** The distinct groups, in order of first appearance. */
  public static List<String> distinct(List<String> groups) {
    return groups.stream().distinct().toList();
  }
}
