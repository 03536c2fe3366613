package ouroboros.sim.scenario.stage;

import java.util.List;
import java.util.Map;
import ouroboros.sim.scenario.Plugins;

/**
 * The pipeline stages of the registry in {@link Plugins}, in the order docs/pipeline.md documents
 * them. Adding a policy means a spec record, a stage class in {@code ouroboros.agents.pipeline},
 * and one line in {@link Plugins}.
 */
public final class Stages {
  private static final Map<String, Class<? extends StageSpec>> REGISTRY = Plugins.stages();

  private Stages() {}

  /** The registered names, in registry order. */
  public static List<String> names() {
    return List.copyOf(REGISTRY.keySet());
  }

  /** The spec class of each name, in registry order. */
  public static Map<String, Class<? extends StageSpec>> classes() {
    return java.util.Collections.unmodifiableMap(REGISTRY);
  }

  /** The registered name of a spec. */
  public static String nameOf(StageSpec spec) {
    for (var e : REGISTRY.entrySet()) {
      if (e.getValue() == spec.getClass()) {
        return e.getKey();
      }
    }
    throw new IllegalArgumentException("unregistered stage " + spec.getClass());
  }
}
