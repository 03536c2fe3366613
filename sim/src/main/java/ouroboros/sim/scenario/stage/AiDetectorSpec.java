package ouroboros.sim.scenario.stage;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ouroboros.agents.pipeline.AiDetector;
import ouroboros.agents.pipeline.StagePlan;
import ouroboros.agents.spec.Key;
import ouroboros.agents.spec.Spec;
import ouroboros.sim.scenario.check.Problems;
import ouroboros.sim.scenario.check.Suggest;
import ouroboros.sim.scenario.spec.Declared;

/**
 * {@code ai-detector}: a classifier of synthetic items at an operating point.
 *
 * @param tpr probability of flagging a synthetic item of depth 1
 * @param fpr probability of flagging a human item (default 0)
 * @param depthDecay the true-positive rate is multiplied by this per unit of depth above 1 (default
 *     1: no decay)
 * @param familyTpr true-positive rates for the output of given model families
 */
@Spec(
    doc =
        "AI detector: a classifier of synthetic items at an operating point, which drops what it "
            + "flags.",
    tag = "AI detector")
public record AiDetectorSpec(
    @Key(
            doc = "Probability of flagging a synthetic item of depth 1.",
            required = true,
            min = 0,
            max = 1)
        Double tpr,
    @Key(doc = "Probability of flagging a human item. Default 0.", min = 0, max = 1, def = "0.0")
        Double fpr,
    @Key(
            doc =
                "The true-positive rate is multiplied by this per unit of synthetic depth above 1. "
                    + "Default 1 (no decay).",
            max = 1,
            exclusiveMin = 0,
            def = "1.0",
            expect = "a factor in (0, 1]")
        Double depthDecay,
    @Key(
            doc =
                "True-positive rates for the output of given model families ('family' of a model).",
            schema =
                """
            {
              "additionalProperties": {
                "description": "A true-positive rate.",
                "type": "number",
                "minimum": 0,
                "maximum": 1
              }
            }
            """)
        Map<String, Double> familyTpr)
    implements StageSpec {

  @Override
  public void validate(String at, Problems p, Context ctx) {
    StageSpec.required(p, at, "tpr", tpr, "a probability");
    Declared.checkBounds(p, at, this, "tpr", "fpr", "depth-decay");
    if (familyTpr != null) {
      for (var e : familyTpr.entrySet()) {
        String key = at + "/family-tpr/" + e.getKey();
        if (!ctx.families().containsKey(e.getKey())) {
          p.add(
              key,
              e.getKey(),
              "a model family of this scenario, one of "
                  + ctx.families().keySet().stream().sorted().toList()
                  + Suggest.didYouMean(e.getKey(), ctx.families().keySet()));
        }
        StageSpec.probability(p, key, e.getValue());
        if (e.getValue() == null) {
          p.add(key, null, "a probability in [0, 1]");
        }
      }
    }
  }

  @Override
  public StageSpec resolve() {
    AiDetectorSpec d = Declared.withDefaults(this);
    return new AiDetectorSpec(
        tpr, d.fpr(), d.depthDecay(), familyTpr == null ? Map.of() : familyTpr);
  }

  @Override
  public StagePlan plan(Context ctx) {
    Map<Integer, Double> byAuthor = new HashMap<>();
    familyTpr.forEach(
        (family, rate) -> {
          for (int agent : ctx.families().getOrDefault(family, List.of())) {
            byAuthor.put(agent, rate);
          }
        });
    return env -> new AiDetector(tpr, fpr, depthDecay, byAuthor, env.rng());
  }
}
