package ouroboros.sim.scenario.population;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import ouroboros.agents.rng.RngStreams;
import ouroboros.sim.scenario.check.Suggest;

/**
 * A population's template, compiled once: each value is fixed (shared by every member, never
 * copied), cycled from a list by member index, drawn from a distribution, or a text with {@code
 * {i}} and {@code {id}}. A drawn value comes from a stream keyed by the population seed, the
 * population id, the member index and the value's place in the template, so it depends on nothing
 * else: not on other members, other keys, or the thread count.
 */
abstract class Generator {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Problems found while compiling, each at a pointer under the template. */
  record Problem(String pointer, String found, String expected) {}

  /** What a member's value is generated from. */
  record Member(int index, String id, RngStreams streams, String population) {}

  /** The value for one member. */
  abstract JsonNode value(Member m);

  /** Whether every member gets the same value. */
  boolean fixed() {
    return false;
  }

  /** Compiles a template value at {@code pointer}, adding problems to {@code out}. */
  static Generator of(JsonNode node, String pointer, List<Problem> out) {
    if (node.isObject() && node.size() == 1 && node.has("cycle")) {
      return cycle(node.get("cycle"), pointer + "/cycle", out);
    }
    if (node.isObject() && node.size() == 1 && node.has("draw")) {
      return draw(node.get("draw"), pointer + "/draw", out);
    }
    if (node.isObject()) {
      List<IdPattern> keys = new ArrayList<>();
      List<Generator> values = new ArrayList<>();
      boolean keysFixed = true;
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        // A key may name a member's own site, as in publish-to: {"blog-{i}": 0.5}.
        keys.add(IdPattern.of(e.getKey()));
        keysFixed &= !IdPattern.hasPlaceholder(e.getKey());
        values.add(
            of(
                e.getValue(),
                pointer + "/" + e.getKey().replace("~", "~0").replace("/", "~1"),
                out));
      }
      if (keysFixed && values.stream().allMatch(Generator::fixed)) {
        return new Fixed(node);
      }
      return new Generator() {
        @Override
        JsonNode value(Member m) {
          ObjectNode o = NODES.objectNode();
          for (int k = 0; k < keys.size(); k++) {
            o.set(keys.get(k).format(m.index(), m.id()), values.get(k).value(m));
          }
          return o;
        }
      };
    }
    if (node.isArray()) {
      List<Generator> items = new ArrayList<>();
      for (int k = 0; k < node.size(); k++) {
        items.add(of(node.get(k), pointer + "/" + k, out));
      }
      if (items.stream().allMatch(Generator::fixed)) {
        return new Fixed(node);
      }
      return new Generator() {
        @Override
        JsonNode value(Member m) {
          ArrayNode a = NODES.arrayNode(items.size());
          items.forEach(g -> a.add(g.value(m)));
          return a;
        }
      };
    }
    if (node.isTextual() && IdPattern.hasPlaceholder(node.asText())) {
      IdPattern text = IdPattern.of(node.asText());
      return new Generator() {
        @Override
        JsonNode value(Member m) {
          return TextNode.valueOf(text.format(m.index(), m.id()));
        }
      };
    }
    return new Fixed(node);
  }

  /** {@code {cycle: [v0, v1, ...]}}: member i gets v(i mod n). */
  private static Generator cycle(JsonNode list, String pointer, List<Problem> out) {
    if (!list.isArray() || list.isEmpty()) {
      out.add(
          new Problem(
              pointer, PathText.describe(list), "a list of at least one value to cycle through"));
      return new Fixed(list);
    }
    List<Generator> items = new ArrayList<>();
    for (int k = 0; k < list.size(); k++) {
      items.add(of(list.get(k), pointer + "/" + k, out));
    }
    return new Generator() {
      @Override
      JsonNode value(Member m) {
        return items.get(m.index() % items.size()).value(m);
      }
    };
  }

  /** {@code {draw: {NAME: PARAMS}}}, with {@code weights} beside a choice. */
  private static Generator draw(JsonNode spec, String pointer, List<Problem> out) {
    JsonNode weights = spec.get("weights");
    List<String> names = new ArrayList<>();
    spec.fieldNames()
        .forEachRemaining(
            n -> {
              if (!n.equals("weights")) {
                names.add(n);
              }
            });
    if (!spec.isObject() || names.size() != 1) {
      out.add(
          new Problem(
              pointer,
              spec.isObject() ? names.size() + " distributions " + names : PathText.describe(spec),
              "one distribution, one of " + Distributions.names() + ", such as {uniform: [0, 1]}"));
      return new Fixed(spec);
    }
    String name = names.get(0);
    JsonNode params = spec.get(name);
    // A choice's values are templates too ({i}, cycles, draws): it draws an index among them.
    List<Generator> choices = null;
    if (name.equals("choice") && params.isArray()) {
      choices = new ArrayList<>();
      ArrayNode indices = NODES.arrayNode(params.size());
      for (int k = 0; k < params.size(); k++) {
        choices.add(of(params.get(k), pointer + "/choice/" + k, out));
        indices.add(k);
      }
      params = indices;
    }
    Distributions.Sampler sampler;
    try {
      sampler = Distributions.of(name, params, weights);
    } catch (Distributions.Bad e) {
      out.add(new Problem(pointer + "/" + name, e.found, e.expected));
      return new Fixed(spec);
    }
    if (sampler == null) {
      out.add(
          new Problem(
              pointer + "/" + name,
              "the distribution '" + name + "'",
              "one of " + Distributions.names() + Suggest.didYouMean(name, Distributions.names())));
      return new Fixed(spec);
    }
    String purpose = "population-draw\u0000" + pointer;
    List<Generator> among = choices;
    return new Generator() {
      @Override
      JsonNode value(Member m) {
        JsonNode drawn =
            sampler.draw(m.streams().stream(m.population() + "\u0000" + m.index(), purpose));
        return among == null ? drawn : among.get(drawn.asInt()).value(m);
      }
    };
  }

  /** A value every member shares. */
  private static final class Fixed extends Generator {
    private final JsonNode node;

    Fixed(JsonNode node) {
      this.node = node;
    }

    @Override
    JsonNode value(Member m) {
      return node;
    }

    @Override
    boolean fixed() {
      return true;
    }
  }
}
