package ouroboros.sim.scenario.population;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The distributions a template value may be drawn from ({@code {draw: {NAME: [...]}}}), keyed by
 * name. Each checks its parameters once, then draws from a member's own stream.
 */
final class Distributions {
  /** Draws one value from a stream. */
  interface Sampler {
    /** One value. */
    JsonNode draw(UniformRandomProvider rng);
  }

  /** A distribution: checks its parameters and returns a sampler, or throws what is wrong. */
  private interface Family {
    /** The sampler for these parameters and (for choice) weights, which may be null. */
    Sampler of(JsonNode params, JsonNode weights) throws Bad;
  }

  /** Parameters that do not fit a distribution: what was found, what was expected. */
  static final class Bad extends Exception {
    private static final long serialVersionUID = 1L;

    final String found;
    final String expected;

    Bad(String found, String expected) {
      super("found " + found + ", expected " + expected);
      this.found = found;
      this.expected = expected;
    }
  }

  private static final Map<String, Family> REGISTRY = new LinkedHashMap<>();

  /**
   * The largest whole number int-uniform takes as a bound: 2<sup>53</sup>, up to which a YAML
   * number read as a double is exact, and the width of such a range fits a long.
   */
  static final long EXACT_WHOLE = 1L << 53;

  static {
    REGISTRY.put(
        "uniform",
        (p, w) -> {
          double[] v = numbers(p, "uniform", "[lo, hi]");
          ordered(v, "uniform");
          if (Double.isInfinite(v[1] - v[0])) {
            throw new Bad(
                "uniform [" + num(v[0]) + ", " + num(v[1]) + "], whose width hi - lo overflows",
                "a width of at most " + Double.MAX_VALUE);
          }
          return rng -> DoubleNode.valueOf(v[0] + (v[1] - v[0]) * rng.nextDouble());
        });
    REGISTRY.put(
        "normal",
        (p, w) -> {
          double[] v = numbers(p, "normal", "[mean, sd]");
          atLeastZero(v[1], "normal", "sd");
          return rng ->
              DoubleNode.valueOf(v[0] + v[1] * ZigguratSampler.NormalizedGaussian.of(rng).sample());
        });
    REGISTRY.put(
        "lognormal",
        (p, w) -> {
          double[] v = numbers(p, "lognormal", "[mu, sigma]");
          atLeastZero(v[1], "lognormal", "sigma");
          return rng ->
              DoubleNode.valueOf(
                  Math.exp(v[0] + v[1] * ZigguratSampler.NormalizedGaussian.of(rng).sample()));
        });
    REGISTRY.put(
        "int-uniform",
        (p, w) -> {
          double[] v = numbers(p, "int-uniform", "[lo, hi]");
          if (v[0] != Math.rint(v[0]) || v[1] != Math.rint(v[1])) {
            throw new Bad(
                "int-uniform [" + p.get(0).asText() + ", " + p.get(1).asText() + "]",
                "whole numbers lo and hi");
          }
          ordered(v, "int-uniform");
          if (Math.abs(v[0]) > EXACT_WHOLE || Math.abs(v[1]) > EXACT_WHOLE) {
            throw new Bad(
                "int-uniform [" + p.get(0).asText() + ", " + p.get(1).asText() + "]",
                "whole numbers lo and hi from -" + EXACT_WHOLE + " to " + EXACT_WHOLE);
          }
          long lo = (long) v[0];
          long span = (long) v[1] - lo + 1;
          return rng -> LongNode.valueOf(lo + rng.nextLong(span));
        });
    REGISTRY.put("choice", Distributions::choice);
    REGISTRY.put("dirichlet", Distributions::dirichlet);
  }

  private Distributions() {}

  /** The known names, in the order messages list them. */
  static Set<String> names() {
    return REGISTRY.keySet();
  }

  /** The sampler of a known distribution; null for an unknown name. */
  static Sampler of(String name, JsonNode params, JsonNode weights) throws Bad {
    Family f = REGISTRY.get(name);
    if (f == null) {
      return null;
    }
    if (weights != null && !name.equals("choice")) {
      throw new Bad("'weights' with " + name, "'weights' only with choice");
    }
    return f.of(params, weights);
  }

  /** A choice among values, equally likely or by weight. */
  private static Sampler choice(JsonNode p, JsonNode w) throws Bad {
    if (p == null || !p.isArray() || p.isEmpty()) {
      throw new Bad(
          p == null || !p.isArray()
              ? "choice of " + PathText.describe(p)
              : "choice of an empty list",
          "a list of at least one value");
    }
    List<JsonNode> values = new ArrayList<>();
    p.forEach(values::add);
    if (w == null) {
      return rng -> values.get(rng.nextInt(values.size()));
    }
    if (!w.isArray() || w.size() != values.size()) {
      throw new Bad(
          "weights of " + PathText.describe(w) + (w.isArray() ? " of " + w.size() : ""),
          "a list of " + values.size() + " weights, one per value");
    }
    double[] cum = new double[values.size()];
    double total = 0;
    for (int k = 0; k < cum.length; k++) {
      double x = w.get(k).isNumber() ? w.get(k).asDouble() : Double.NaN;
      if (!(x >= 0) || Double.isInfinite(x)) {
        throw new Bad("the weight " + w.get(k).asText(), "weights of at least 0");
      }
      total += x;
      cum[k] = total;
    }
    if (!(total > 0)) {
      throw new Bad("weights summing to 0", "weights with a positive sum");
    }
    if (Double.isInfinite(total)) {
      throw new Bad(
          "weights whose sum overflows", "weights with a sum of at most " + Double.MAX_VALUE);
    }
    double sum = total;
    return rng -> {
      double u = rng.nextDouble() * sum;
      for (int k = 0; k < cum.length; k++) {
        if (u < cum[k]) {
          return values.get(k);
        }
      }
      return values.get(values.size() - 1);
    };
  }

  /**
   * {@code dirichlet: [a1, ..., aK]}: K probabilities summing to 1, from independent Gamma(a_k, 1)
   * draws divided by their sum (a categorical truth's {@code probabilities}). With a concentration
   * under 1 the draws are taken as logarithms, {@code log Gamma(a + 1) + log(U) / a} (Marsaglia and
   * Tsang's boost), and normalised from the largest: a small concentration's Gamma draw is often
   * below the smallest double, and every component of a draw at 0.001 can be, which gave 0 / 0.
   */
  private static Sampler dirichlet(JsonNode p, JsonNode w) throws Bad {
    if (p == null || !p.isArray() || p.size() < 2) {
      throw new Bad(
          "dirichlet of " + PathText.describe(p), "a list of at least two concentrations");
    }
    double[] alpha = new double[p.size()];
    for (int k = 0; k < alpha.length; k++) {
      alpha[k] = p.get(k).isNumber() ? p.get(k).asDouble() : Double.NaN;
      if (!(alpha[k] > 0) || Double.isInfinite(alpha[k])) {
        throw new Bad("the concentration " + p.get(k).asText(), "concentrations above 0");
      }
    }
    boolean small = Arrays.stream(alpha).anyMatch(a -> a < 1);
    return rng -> {
      double[] g = new double[alpha.length];
      ArrayNode out = JsonNodeFactory.instance.arrayNode(g.length);
      if (!small) {
        double sum = 0;
        for (int k = 0; k < g.length; k++) {
          g[k] = AhrensDieterMarsagliaTsangGammaSampler.of(rng, alpha[k], 1).sample();
          sum += g[k];
        }
        for (double x : g) {
          out.add(x / sum);
        }
        return out;
      }
      double max = Double.NEGATIVE_INFINITY;
      for (int k = 0; k < g.length; k++) {
        double a = alpha[k];
        g[k] =
            a < 1
                ? Math.log(AhrensDieterMarsagliaTsangGammaSampler.of(rng, a + 1, 1).sample())
                    + Math.log(rng.nextDouble()) / a
                : Math.log(AhrensDieterMarsagliaTsangGammaSampler.of(rng, a, 1).sample());
        max = Math.max(max, g[k]);
      }
      double sum = 0;
      for (int k = 0; k < g.length; k++) {
        g[k] = Math.exp(g[k] - max);
        sum += g[k];
      }
      for (double x : g) {
        out.add(x / sum);
      }
      return out;
    };
  }

  /** Two finite numbers. */
  private static double[] numbers(JsonNode p, String name, String shape) throws Bad {
    if (p == null
        || !p.isArray()
        || p.size() != 2
        || !p.get(0).isNumber()
        || !p.get(1).isNumber()) {
      throw new Bad(name + " of " + PathText.describe(p), "two numbers " + shape);
    }
    double[] v = {p.get(0).asDouble(), p.get(1).asDouble()};
    if (!Double.isFinite(v[0]) || !Double.isFinite(v[1])) {
      throw new Bad(name + " " + p, "finite numbers " + shape);
    }
    return v;
  }

  /** lo at most hi. */
  private static void ordered(double[] v, String name) throws Bad {
    if (v[0] > v[1]) {
      throw new Bad(
          name + " [" + num(v[0]) + ", " + num(v[1]) + "] with lo above hi", "lo at most hi");
    }
  }

  /** A scale of at least 0. */
  private static void atLeastZero(double x, String name, String param) throws Bad {
    if (x < 0) {
      throw new Bad(name + " " + param + " " + num(x), param + " at least 0");
    }
  }

  /** A number as written: 3 rather than 3.0. */
  static String num(double x) {
    return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
  }
}
