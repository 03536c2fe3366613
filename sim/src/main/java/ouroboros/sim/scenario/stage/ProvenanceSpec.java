package ouroboros.sim.scenario.stage;

import java.util.List;
import ouroboros.agents.pipeline.ProvenanceFilter;
import ouroboros.agents.pipeline.StagePlan;
import ouroboros.agents.spec.Key;
import ouroboros.agents.spec.Spec;
import ouroboros.sim.scenario.check.Problems;
import ouroboros.sim.scenario.check.Suggest;
import ouroboros.sim.scenario.spec.Declared;
import ouroboros.sim.scenario.spec.Names;

/**
 * {@code provenance}: acts on the signatures of human sources that sign ({@code signed:} on a human
 * source).
 *
 * @param mode {@code keep-signed} (drop unsigned items; the default) or {@code weight}
 * @param weight for {@code weight}, the weight multiplier of signed items (default 2)
 */
@Spec(
    doc =
        "Provenance: acts on human sources' signatures (C2PA-like): keeps only signed items, or "
            + "weights them up.",
    tag = "Provenance")
public record ProvenanceSpec(
    @Key(
            doc = "keep-signed (drop unsigned items) or weight. Default keep-signed.",
            names = ProvenanceSpec.Mode.class,
            def = "\"keep-signed\"")
        String mode,
    @Key(
            doc = "With mode weight: the weight multiplier of signed items. Default 2.",
            exclusiveMin = 0,
            def = "2.0",
            expect = "a weight greater than 0")
        Double weight)
    implements StageSpec {
  /** The modes. */
  public enum Mode {
    KEEP_SIGNED,
    WEIGHT
  }

  /** The modes, by name. */
  public static final List<String> MODES = Names.of(Mode.class);

  @Override
  public void validate(String at, Problems p, Context ctx) {
    if (mode != null && !MODES.contains(mode)) {
      p.add(at + "/mode", mode, "one of " + MODES + Suggest.didYouMean(mode, MODES));
    }
    Declared.checkBounds(p, at, this, "weight");
    if (weight != null && !"weight".equals(mode)) {
      p.addWorded(
          at + "/weight",
          "'weight' with mode "
              + (mode == null ? "keep-signed (the " + "default)" : "'" + mode + "'"),
          "mode: weight, or no 'weight'");
    }
  }

  @Override
  public StageSpec resolve() {
    String m = mode == null ? Declared.def(ProvenanceSpec.class, "mode") : mode;
    return Declared.withDefaults(
        new ProvenanceSpec(m, weight),
        key -> !key.equals("weight") || Names.of(Mode.WEIGHT).equals(m));
  }

  @Override
  public StagePlan plan(Context ctx) {
    boolean keepSigned = Names.parse(Mode.class, mode) == Mode.KEEP_SIGNED;
    double w = keepSigned ? 1.0 : weight;
    return env -> new ProvenanceFilter(keepSigned, w);
  }
}
