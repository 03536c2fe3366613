package ouroboros.sim.scenario.stage;

import ouroboros.agents.pipeline.StagePlan;
import ouroboros.agents.pipeline.Verification;
import ouroboros.agents.spec.Key;
import ouroboros.agents.spec.Spec;
import ouroboros.sim.scenario.check.Problems;
import ouroboros.sim.scenario.spec.Declared;

/**
 * {@code verification}: keeps the items a noisy verifier scores best against the truth.
 *
 * @param noise sd of the verifier's noise on the truth log-likelihood (default 0: an oracle)
 * @param keep share of items kept, the top by score, in (0, 1]
 * @param threshold instead of {@code keep}: the lowest score kept
 */
@Spec(
    doc =
        "Verification: a noisy verifier scores items against the truth; the stage keeps the best "
            + "(Feng et al. 2025). Give 'keep' or 'threshold'.",
    tag = "Verification")
public record VerificationSpec(
    @Key(
            doc = "Sd of the verifier's noise on the truth log-likelihood. Default 0 (an oracle).",
            min = 0,
            expect = "a standard deviation of at least 0")
        Double noise,
    @Key(
            doc = "Share of items kept, the top by score, in (0, 1].",
            max = 1,
            exclusiveMin = 0,
            expect = "a share in (0, 1]")
        Double keep,
    @Key(doc = "Instead of 'keep': the lowest score kept.") Double threshold)
    implements StageSpec {

  @Override
  public void validate(String at, Problems p, Context ctx) {
    if ((keep == null) == (threshold == null)) {
      p.addWorded(
          at,
          keep == null ? "neither 'keep' nor 'threshold'" : "both 'keep' and " + "'threshold'",
          "exactly one of 'keep' (a share of items) or 'threshold' (a score)");
    }
    Declared.checkBounds(p, at, this, "keep");
    if (threshold != null && !Double.isFinite(threshold)) {
      p.add(at + "/threshold", threshold, "a finite score");
    }
    Declared.checkBounds(p, at, this, "noise");
  }

  @Override
  public StageSpec resolve() {
    return new VerificationSpec(noise == null ? 0.0 : noise, keep, threshold);
  }

  @Override
  public StagePlan plan(Context ctx) {
    double k = keep == null ? Double.NaN : keep;
    double t = threshold == null ? Double.NaN : threshold;
    return env -> new Verification(noise, k, t, env);
  }
}
