package ouroboros.sim.scenario.stage;

import ouroboros.agents.pipeline.StagePlan;
import ouroboros.agents.pipeline.Weighting;
import ouroboros.agents.spec.Key;
import ouroboros.agents.spec.Spec;
import ouroboros.sim.scenario.check.Problems;
import ouroboros.sim.scenario.spec.Declared;

/**
 * {@code weighting}: sample weights of real and synthetic items, either as the real items' share of
 * the total weight ({@code real-share}; golden-ratio weighting is 0.618) or as per-item multipliers
 * ({@code real-weight}, {@code synthetic-weight}: at least one of them, the other 1).
 *
 * @param realShare share of the total weight carried by real items, in (0, 1)
 * @param realWeight weight multiplier of each real item (1 when only synthetic-weight is given)
 * @param syntheticWeight weight multiplier of each synthetic item (1 when only real-weight is
 *     given)
 */
@Spec(
    doc =
        "Weighting: sample weights for real and synthetic items, as the real items' share of the "
            + "total weight (golden ratio: 0.618) or as per-item multipliers.",
    tag = "Weighting")
public record WeightingSpec(
    @Key(
            doc = "Share of the total weight carried by real items, in (0, 1).",
            exclusiveMin = 0,
            exclusiveMax = 1,
            expect = "a share in (0, 1)")
        Double realShare,
    @Key(
            doc =
                "Weight multiplier of each real item. Per-item weights take at least one of "
                    + "'real-weight' and 'synthetic-weight', the other then 1; not with "
                    + "'real-share'. Default 1.",
            exclusiveMin = 0,
            def = "1.0",
            expect = "a weight greater than 0")
        Double realWeight,
    @Key(
            doc =
                "Weight multiplier of each synthetic item. Per-item weights take at least one of "
                    + "'real-weight' and 'synthetic-weight', the other then 1; not with "
                    + "'real-share'. Default 1.",
            exclusiveMin = 0,
            def = "1.0",
            expect = "a weight greater than 0")
        Double syntheticWeight)
    implements StageSpec {

  @Override
  public void validate(String at, Problems p, Context ctx) {
    boolean perItem = realWeight != null || syntheticWeight != null;
    if ((realShare == null) == !perItem) {
      p.addWorded(
          at,
          realShare == null ? "no weights" : "both 'real-share' and per-item weights",
          "either 'real-share', or at least one of 'real-weight' and 'synthetic-weight' (the other"
              + " then 1)");
    }
    Declared.checkBounds(p, at, this);
  }

  @Override
  public StageSpec resolve() {
    if (realShare != null) {
      return this;
    }
    return new WeightingSpec(
        null,
        realWeight == null ? Declared.<Double>def(WeightingSpec.class, "real-weight") : realWeight,
        syntheticWeight == null
            ? Declared.<Double>def(WeightingSpec.class, "synthetic-weight")
            : syntheticWeight);
  }

  @Override
  public StagePlan plan(Context ctx) {
    if (realShare != null) {
      double w = realShare;
      return env -> Weighting.share(w);
    }
    double r = realWeight;
    double s = syntheticWeight;
    return env -> Weighting.perItem(r, s);
  }
}
