package ouroboros.sim.scenario;

import com.fasterxml.jackson.databind.jsontype.NamedType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry of pipeline stages: one line per policy, name to spec class, in the order the
 * README documents them (the way Caffeine's simulator registers its policies). Adding a policy
 * means a spec record, a stage class in {@code ouroboros.agents.pipeline}, and one line here.
 */
public final class Stages {
  private static final Map<String, Class<? extends StageSpec>> REGISTRY = new LinkedHashMap<>();

  static {
    REGISTRY.put("watermark-filter", WatermarkFilterSpec.class);
    REGISTRY.put("ai-detector", AiDetectorSpec.class);
    REGISTRY.put("provenance", ProvenanceSpec.class);
    REGISTRY.put("human-anchor", HumanAnchorSpec.class);
    REGISTRY.put("verification", VerificationSpec.class);
    REGISTRY.put("dedup", DedupSpec.class);
    REGISTRY.put("weighting", WeightingSpec.class);
  }

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

  /** The registry as Jackson subtypes of {@link StageSpec}. */
  static NamedType[] namedTypes() {
    return REGISTRY.entrySet().stream().map(e -> new NamedType(e.getValue(), e.getKey()))
        .toArray(NamedType[]::new);
  }
}
