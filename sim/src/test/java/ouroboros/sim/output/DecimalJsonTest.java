package ouroboros.sim.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import ouroboros.sim.scenario.load.Yaml;

/** Doubles written through DecimalJson give the JSON Jackson writes by default, byte for byte. */
class DecimalJsonTest {
  /** A record with a primitive double, as a summary's parts may be. */
  record Part(String name, double value, Double boxed) {}

  @Test
  void module_trickyAndRandomDoubles_writeJacksonsOwnJson() throws Exception {
    List<Double> values =
        new ArrayList<>(
            List.of(
                0.0,
                -0.0,
                1.0,
                46.5,
                1e-3,
                Math.nextDown(1e-3),
                1e7,
                Math.nextDown(1e7),
                1e15,
                1e23,
                Math.scalb(1.0, -1007),
                Double.MIN_VALUE,
                Double.MIN_NORMAL,
                Double.MAX_VALUE,
                Double.NaN,
                Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY));
    SplittableRandom rng = new SplittableRandom(15);
    for (int i = 0; i < 5_000; i++) {
      values.add(
          switch (i % 3) {
            case 0 -> Double.longBitsToDouble(rng.nextLong());
            case 1 -> rng.nextGaussian() * Math.pow(10, rng.nextInt(-30, 12));
            default -> Math.scalb(1.0, rng.nextInt(-1074, 1024));
          });
    }
    Map<String, Object> root = new LinkedHashMap<>();
    List<Object> models = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", "m" + i);
      m.put("value", values.get(i));
      m.put("part", new Part("p", values.get(i), values.get(values.size() - 1 - i)));
      models.add(m);
    }
    root.put("models", models);
    root.put("plain", values);
    ObjectMapper jackson = Yaml.json();
    ObjectMapper ours = Yaml.json().registerModule(DecimalJson.module());
    assertEquals(jackson.writeValueAsString(root), ours.writeValueAsString(root));
  }
}
