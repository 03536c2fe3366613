package ouroboros.sim.scenario;

import ouroboros.agents.pipeline.StagePlan;
import ouroboros.agents.pipeline.Verification;

/**
 * {@code verification}: keeps the items a noisy verifier scores best against the truth.
 *
 * @param noise sd of the verifier's noise on the truth log-likelihood (default 0: an oracle)
 * @param keep share of items kept, the top by score, in (0, 1]
 * @param threshold instead of {@code keep}: the lowest score kept
 */
public record VerificationSpec(Double noise, Double keep, Double threshold) implements StageSpec {

  @Override
  public void validate(String at, Problems p, Context ctx) {
    if ((keep == null) == (threshold == null)) {
      p.addWorded(at, keep == null ? "neither 'keep' nor 'threshold'" : "both 'keep' and "
          + "'threshold'", "exactly one of 'keep' (a share of items) or 'threshold' (a score)");
    }
    if (keep != null && !(keep > 0 && keep <= 1)) {
      p.add(at + "/keep", keep, "a share in (0, 1]");
    }
    if (threshold != null && !Double.isFinite(threshold)) {
      p.add(at + "/threshold", threshold, "a finite score");
    }
    if (noise != null && !(noise >= 0 && Double.isFinite(noise))) {
      p.add(at + "/noise", noise, "a standard deviation of at least 0");
    }
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
