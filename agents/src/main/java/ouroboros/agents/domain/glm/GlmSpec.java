package ouroboros.agents.domain.glm;

import java.util.List;
import ouroboros.agents.domain.Domain;
import ouroboros.agents.domain.DomainSpec;
import ouroboros.agents.domain.FitException;
import ouroboros.agents.rng.RngStreams;
import ouroboros.agents.spec.Key;
import ouroboros.agents.spec.Keys;
import ouroboros.agents.spec.Problems;
import ouroboros.agents.spec.Spec;

/**
 * A generalised linear model with a random design (type {@code glm}; He, Xu, Cheng 2025): x ~ N(0,
 * I_p) drawn for every item, y logistic or Poisson given x.b*. Defaults: p = 2 (or the length of
 * {@code coefficients}), b* = (1, ..., 1) as the authors' Beta, family logistic. See {@link
 * GlmDomain}.
 *
 * @param dimensions p
 * @param family logistic or poisson
 * @param coefficients b*, p entries; absent for all ones
 */
@Spec(
    doc =
        "A generalised linear model with a random design (He, Xu, Cheng 2025): every item has "
            + "fresh features x ~ N(0, I_p) and a label y drawn given eta = x.b, Bernoulli with "
            + "P(y = 1) = 1/(1 + e^-eta) (logistic) or Poisson with mean e^eta (poisson, eta clipped "
            + "to [-20, 20] when drawing, as the authors' code). Models are fitted by weighted "
            + "maximum likelihood without intercept or penalty and publish fresh x with labels from "
            + "their own b. An item is [x_1..x_p, y]. Defaults: p = 2 (or the length of "
            + "'coefficients'), b* = (1, ..., 1), family logistic.",
    tag = "A logistic or Poisson regression with a random design, fitted by maximum likelihood.")
public record GlmSpec(
    @Key(
            doc = "The dimension p. Without this key, p is the length of 'coefficients', or 2.",
            min = 1,
            max = 1000,
            def = "2")
        Integer dimensions,
    @Key(
            doc = "The response family: logistic (labels 0 and 1) or poisson (counts).",
            names = GlmFamily.class,
            def = "\"logistic\"")
        String family,
    @Key(
            doc = "b*, the true coefficients, p entries. Default: all 1, as the authors' Beta.",
            minItems = 1,
            items = "{\"type\": \"number\"}")
        List<Double> coefficients)
    implements DomainSpec {
  /** Default p, the authors'. */
  static final int DIMENSIONS = 2;

  @Override
  public void validate(Problems p) {
    Keys.checkBounds(p, "/domain", this, "dimensions");
    if (family != null && !GlmFamily.names().contains(family)) {
      p.add("/domain/family", family, "one of " + GlmFamily.names());
    }
    int d = dimension();
    if (coefficients != null) {
      if (coefficients.size() != d) {
        p.add(
            "/domain/coefficients",
            coefficients.size() + " entries",
            d + " entries, one per dimension");
      }
      for (int i = 0; i < coefficients.size(); i++) {
        Double b = coefficients.get(i);
        if (b == null || !Double.isFinite(b)) {
          p.add("/domain/coefficients/" + i, b, "a finite number");
        }
      }
    }
  }

  @Override
  public GlmSpec resolve() {
    int d = dimension();
    return new GlmSpec(
        d,
        family != null ? family : GlmFamily.LOGISTIC.key(),
        coefficients != null ? coefficients : java.util.Collections.nCopies(d, 1.0));
  }

  @Override
  public List<String> samplingKeys() {
    return List.of();
  }

  @Override
  public Domain build(RngStreams streams) {
    double[] b = coefficients.stream().mapToDouble(Double::doubleValue).toArray();
    try {
      return new GlmDomain(GlmFamily.of(family), GlmModel.of(b));
    } catch (FitException e) {
      throw new IllegalArgumentException("coefficients: " + e.getMessage());
    }
  }

  /** p: as given, else the length of the coefficients, else the default. */
  private int dimension() {
    return dimensions != null
        ? dimensions
        : coefficients != null && !coefficients.isEmpty() ? coefficients.size() : DIMENSIONS;
  }
}
