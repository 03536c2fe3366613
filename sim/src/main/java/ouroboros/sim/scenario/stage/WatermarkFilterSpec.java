package ouroboros.sim.scenario.stage;

import ouroboros.agents.domain.text.TextSpec;
import ouroboros.agents.pipeline.Detector;
import ouroboros.agents.pipeline.StagePlan;
import ouroboros.agents.pipeline.WatermarkFilter;
import ouroboros.agents.spec.Key;
import ouroboros.agents.spec.Spec;
import ouroboros.sim.scenario.check.Problems;
import ouroboros.sim.scenario.check.ScenarioValidator;
import ouroboros.sim.scenario.spec.Declared;

/**
 * {@code watermark-filter}: drops items its detector flags as watermarked. The detector is an
 * operating point ({@code tpr}, {@code fpr}) or the {@code z-score} model.
 *
 * @param tpr probability of flagging a watermarked item
 * @param fpr probability of flagging any other item (default 0)
 * @param zScore the z-score detector, instead of tpr and fpr
 */
@Spec(
    doc =
        "Watermark filter: drops the items its detector flags as watermarked. Give 'tpr' (and "
            + "'fpr'), or 'z-score'.",
    tag = "Watermark filter")
public record WatermarkFilterSpec(
    @Key(doc = "Probability of flagging a watermarked item.", min = 0, max = 1) Double tpr,
    @Key(doc = "Probability of flagging any other item. Default 0.", min = 0, max = 1) Double fpr,
    ZScoreSpec zScore)
    implements StageSpec {

  @Override
  public void validate(String at, Problems p, Context ctx) {
    if (zScore == null) {
      StageSpec.required(p, at, "tpr", tpr, "a probability, or give 'z-score' instead");
      Declared.checkBounds(p, at, this, "tpr", "fpr");
      return;
    }
    if (tpr != null || fpr != null) {
      p.addWorded(
          at + (tpr != null ? "/tpr" : "/fpr"),
          "both 'z-score' and an operating point",
          "either 'tpr' and 'fpr', or 'z-score'");
    }
    Declared.checkBounds(p, at + "/z-score", zScore, "gamma");
    if (zScore.threshold() != null && !Double.isFinite(zScore.threshold())) {
      p.add(at + "/z-score/threshold", zScore.threshold(), "a finite z-score");
    }
    Declared.checkBounds(p, at + "/z-score", zScore, "tokens");
    if (zScore.tokens() == null && ctx.domain() != null && !(ctx.domain() instanceof TextSpec)) {
      p.addWorded(
          at + "/z-score",
          "a z-score detector without 'tokens' in a "
              + ScenarioValidator.typeOf(ctx.domain())
              + " domain",
          "'tokens' (tokens per item); only the ngram-text domain has item lengths");
    }
  }

  @Override
  public StageSpec resolve() {
    if (zScore == null) {
      return new WatermarkFilterSpec(tpr, fpr == null ? 0.0 : fpr, null);
    }
    return new WatermarkFilterSpec(
        null,
        null,
        new ZScoreSpec(
            zScore.gamma() == null ? 0.25 : zScore.gamma(),
            zScore.threshold() == null ? 4.0 : zScore.threshold(),
            zScore.tokens()));
  }

  @Override
  public StagePlan plan(Context ctx) {
    return env ->
        new WatermarkFilter(
            zScore == null
                ? Detector.operatingPoint(tpr, fpr)
                : Detector.zScore(
                    zScore.gamma(),
                    zScore.threshold(),
                    zScore.tokens() == null ? 0 : zScore.tokens(),
                    env.domain()),
            env.rng());
  }
}
