package ouroboros.agents.domain.empirical;

import java.util.List;
import ouroboros.agents.domain.Domain;
import ouroboros.agents.domain.DomainSpec;
import ouroboros.agents.rng.RngStreams;
import ouroboros.agents.spec.Key;
import ouroboros.agents.spec.Keys;
import ouroboros.agents.spec.Problems;
import ouroboros.agents.spec.Spec;

/**
 * A weighted empirical distribution fitted to a one-dimensional normal truth (type {@code
 * empirical}; He, Xu, Cheng 2025's CDF estimate). Defaults: the truth N(0, 1), as the authors'. See
 * {@link EmpiricalDomain}.
 *
 * @param mean the truth's mean
 * @param sd the truth's standard deviation
 */
@Spec(
    doc =
        "A nonparametric model of a one-dimensional truth N(mean, sd^2) (He, Xu, Cheng 2025's CDF "
            + "estimate): a model is the weighted empirical distribution of its training set, "
            + "each item an atom with probability proportional to its weight (the 'weighting' "
            + "stage's), and publishes by resampling its atoms with those probabilities. The risk "
            + "is the Cramér–von Mises distance to the truth, the integral of (F - G)^2 dG, "
            + "computed exactly. An item is one value. Defaults: N(0, 1).",
    tag =
        "A weighted empirical distribution of a 1-D normal, scored by the Cramér–von Mises distance.")
public record EmpiricalSpec(
    @Key(doc = "The truth's mean.", def = "0.0") Double mean,
    @Key(doc = "The truth's standard deviation.", exclusiveMin = 0, def = "1.0") Double sd)
    implements DomainSpec {

  @Override
  public void validate(Problems p) {
    Keys.checkBounds(p, "/domain", this, "mean", "sd");
    if (mean != null && !Double.isFinite(mean)) {
      p.add("/domain/mean", mean, "a finite number");
    }
    if (sd != null && !Double.isFinite(sd)) {
      p.add("/domain/sd", sd, "a finite number");
    }
  }

  @Override
  public EmpiricalSpec resolve() {
    return new EmpiricalSpec(mean != null ? mean : 0.0, sd != null ? sd : 1.0);
  }

  @Override
  public List<String> samplingKeys() {
    return List.of();
  }

  @Override
  public List<String> estimatorKeys() {
    return List.of("combine");
  }

  @Override
  public Domain build(RngStreams streams) {
    return new EmpiricalDomain(mean, sd);
  }
}
