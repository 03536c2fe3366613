package ouroboros.sim.scenario.population;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import ouroboros.sim.scenario.load.Yaml;

/** Draws at the edges of their parameters (QA, stop 32): a clear refusal or a valid value. */
class DistributionsTest {
  private static JsonNode yaml(String text) throws Exception {
    return Yaml.mapper().readTree(text);
  }

  private static String refused(String name, String params, String weights) throws Exception {
    Distributions.Bad bad =
        assertThrows(
            Distributions.Bad.class,
            () -> Distributions.of(name, yaml(params), weights == null ? null : yaml(weights)));
    return bad.getMessage();
  }

  @Test
  void schemaDraw_listsEveryDistribution() throws Exception {
    // The schema's draw left out dirichlet, which the loader accepts (additionalProperties false).
    JsonNode schema;
    try (java.io.InputStream in = Population.class.getResourceAsStream("population-schema.json")) {
      schema = Yaml.json().readTree(in);
    }
    java.util.Set<String> listed = new java.util.TreeSet<>();
    schema
        .at("/population-value/properties/draw/properties")
        .fieldNames()
        .forEachRemaining(listed::add);
    java.util.Set<String> known = new java.util.TreeSet<>(Distributions.names());
    known.add("weights");
    assertEquals(known, listed);
    String described =
        schema.at("/population-value/properties/draw/description").asText()
            + schema.at("/population-entry/properties/template/description").asText();
    for (String name : Distributions.names()) {
      assertTrue(described.contains(name + ": ["), name + " in " + described);
    }
  }

  @Test
  void intUniform_boundsBeyondExactWholeNumbers_refused() throws Exception {
    // [0, 2^63 - 1] overflowed hi - lo + 1 and failed inside the sampler (exit 1).
    assertEquals(
        "found int-uniform [0, 9223372036854775807], expected whole numbers lo and hi from"
            + " -9007199254740992 to 9007199254740992",
        refused("int-uniform", "[0, 9223372036854775807]", null));
    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(1L);
    Distributions.Sampler widest =
        Distributions.of("int-uniform", yaml("[-9007199254740992, 9007199254740992]"), null);
    for (int k = 0; k < 100; k++) {
      long x = widest.draw(rng).asLong();
      assertTrue(Math.abs(x) <= Distributions.EXACT_WHOLE, "drew " + x);
    }
  }

  @Test
  void uniformWhoseWidthOverflows_andChoiceWeightsWhoseSumOverflows_refused() throws Exception {
    assertTrue(
        refused("uniform", "[-1e308, 1e308]", null).contains("whose width hi - lo overflows"));
    // [1e308, 1e308] summed to Infinity, and every member drew the last value.
    assertEquals(
        "found weights whose sum overflows, expected weights with a sum of at most "
            + Double.MAX_VALUE,
        refused("choice", "[0.1, 5]", "[1e308, 1e308]"));
  }

  @Test
  void dirichlet_smallConcentrations_probabilitiesNotNaN() throws Exception {
    // At 0.001 both Gamma draws were often 0, and a member's weights 0 / 0.
    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(7L);
    Distributions.Sampler tiny = Distributions.of("dirichlet", yaml("[0.001, 0.001]"), null);
    int firstWins = 0;
    for (int k = 0; k < 2000; k++) {
      JsonNode p = tiny.draw(rng);
      double a = p.get(0).asDouble();
      double b = p.get(1).asDouble();
      assertTrue(a >= 0 && b >= 0 && Math.abs(a + b - 1) < 1e-12, p.toString());
      firstWins += a > 0.5 ? 1 : 0;
    }
    // Symmetric: each component takes almost all the mass about half the time.
    assertTrue(firstWins > 900 && firstWins < 1100, "first component won " + firstWins);
    // A mix of small and large concentrations: the mean of component k is a_k / sum(a).
    Distributions.Sampler mixed = Distributions.of("dirichlet", yaml("[0.5, 1.5, 3]"), null);
    double[] mean = new double[3];
    int n = 20000;
    for (int k = 0; k < n; k++) {
      JsonNode p = mixed.draw(rng);
      for (int j = 0; j < 3; j++) {
        mean[j] += p.get(j).asDouble() / n;
      }
    }
    assertEquals(0.1, mean[0], 0.01);
    assertEquals(0.3, mean[1], 0.01);
    assertEquals(0.6, mean[2], 0.01);
  }
}
