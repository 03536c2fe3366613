package ouroboros.sim.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import ouroboros.agents.data.Items;
import ouroboros.sim.graph.InteractionGraph.Input;
import ouroboros.sim.graph.InteractionGraph.Presence;
import ouroboros.sim.scenario.load.Yaml;

/**
 * The JSON is in the shape of Grafana's Node Graph panel: node ids unique, every edge between two
 * nodes, the fields the panel reads present on every node and edge, arcs adding up to 1.
 */
class GraphJsonTest {
  private static final List<String> NODE_FIELDS =
      List.of(
          "id",
          "title",
          "subtitle",
          "mainstat",
          "secondarystat",
          "arc__human",
          "arc__model",
          "arc__laundered",
          "detail__kind",
          "detail__predicted",
          "detail__ancestry",
          "detail__depth");
  private static final List<String> EDGE_FIELDS =
      List.of("id", "source", "target", "mainstat", "secondarystat", "detail__kind");

  private static JsonNode parse(GraphAnalysis a) throws Exception {
    ObjectMapper m = new ObjectMapper();
    return m.readTree(m.writeValueAsString(GraphJson.toMap(a)));
  }

  @Test
  void json_closedPairAndHumans_hasNodeGraphShape() throws Exception {
    JsonNode doc = parse(Graphs.closedPairAndHumans());
    assertEquals(0, doc.path("window").path("start").asInt());
    assertEquals(9, doc.path("window").path("end").asInt());
    Set<String> ids = new HashSet<>();
    for (JsonNode n : doc.path("nodes")) {
      for (String f : NODE_FIELDS) {
        assertTrue(n.has(f), n + " has " + f);
      }
      assertFalse(n.has("color"), "the panel takes colour from arcs or color, not both");
      assertTrue(ids.add(n.path("id").asText()), "unique id " + n.path("id"));
      double arcs =
          n.path("arc__human").asDouble()
              + n.path("arc__model").asDouble()
              + n.path("arc__laundered").asDouble();
      assertEquals(1, arcs, 1e-12, n.toString());
    }
    assertEquals(Set.of("people", InteractionGraph.ARCHIVE_ID, "a", "b", "c"), ids);
    Set<String> edgeIds = new HashSet<>();
    for (JsonNode e : doc.path("edges")) {
      for (String f : EDGE_FIELDS) {
        assertTrue(e.has(f), e + " has " + f);
      }
      assertTrue(ids.contains(e.path("source").asText()), e.toString());
      assertTrue(ids.contains(e.path("target").asText()), e.toString());
      assertTrue(edgeIds.add(e.path("id").asText()));
      assertTrue(e.path("mainstat").isNumber());
    }
    assertEquals(Set.of("b->a", "a->b", "~archive->c", "people->c", "a->c"), edgeIds);
  }

  @Test
  void json_modelNode_carriesAnalysis() throws Exception {
    JsonNode doc = parse(Graphs.closedPairAndHumans());
    JsonNode c = node(doc, "c");
    assertEquals("collapses", c.path("subtitle").asText());
    assertEquals(0.5, c.path("mainstat").asDouble(), 1e-12, "ancestry");
    assertEquals(2.0, c.path("secondarystat").asDouble(), "depth");
    assertEquals(0.5, c.path("arc__human").asDouble(), 1e-12);
    assertEquals(0.5, c.path("arc__model").asDouble(), 1e-12);
    JsonNode a = node(doc, "a");
    assertTrue(a.path("detail__closed_class").asBoolean());
    JsonNode edge = doc.path("edges").get(4);
    assertEquals("a->c", edge.path("id").asText());
    assertEquals(0.5, edge.path("mainstat").asDouble(), 1e-12);
    assertEquals(50, edge.path("secondarystat").asInt());
    JsonNode closed = doc.path("classes").get(0);
    assertEquals("[\"a\",\"b\"]", closed.path("members").toString());
    assertTrue(closed.path("closed-without-human").asBoolean());
  }

  @Test
  void json_untrainedModel_nullNumbersAndZeroArcs() throws Exception {
    GraphAnalysis a =
        GraphAnalysis.of(new InteractionGraph(0, 0, List.of(), List.of("x"), List.of(Input.NONE)));
    JsonNode x = node(parse(a), "x");
    assertTrue(x.path("mainstat").isNull());
    assertTrue(x.path("secondarystat").isNull());
    assertEquals("unknown", x.path("subtitle").asText());
    assertEquals(0, x.path("arc__model").asDouble());
    assertNull(GraphJson.empty().get("window"));
  }

  /**
   * graph/*.json is streamed by {@link GraphJsonWriter#bytes}; the live feed and the endpoint
   * serialise {@link GraphJson#toMap}, the stream read back as maps. Through the files' indented
   * mapper both write the same bytes (no number changes its type's text, no key its place), on the
   * hand-built graphs and on random ones with every kind of node, edge, presence and missing
   * number.
   */
  @Test
  void write_sameBytesAsToMap() throws Exception {
    ObjectMapper mapper = Yaml.json();
    List<GraphAnalysis> graphs = new ArrayList<>();
    graphs.add(Graphs.closedPairAndHumans());
    graphs.add(
        GraphAnalysis.of(new InteractionGraph(0, 0, List.of(), List.of("x"), List.of(Input.NONE))));
    Random rnd = new Random(15);
    for (int r = 0; r < 20; r++) {
      graphs.add(GraphAnalysis.of(random(rnd)));
    }
    for (GraphAnalysis a : graphs) {
      assertEquals(
          mapper.writeValueAsString(GraphJson.toMap(a)) + "\n",
          new String(GraphJsonWriter.bytes(mapper, a, 0), StandardCharsets.UTF_8));
      assertEquals(
          ((List<?>) GraphJson.toMap(a).get("nodes")).size(),
          GraphJson.nodeCount(a),
          "the nodes the live feed counts");
    }
  }

  /** A random graph of 2 human sources and 12 models, some untrained, retired or not yet out. */
  private static InteractionGraph random(Random rnd) {
    int humans = 2;
    int models = 12;
    List<String> modelIds = new ArrayList<>();
    List<Input> inputs = new ArrayList<>();
    List<Presence> presence = new ArrayList<>();
    for (int i = 0; i < models; i++) {
      modelIds.add("m\"" + i);
      presence.add(Presence.values()[rnd.nextInt(Presence.values().length)]);
      if (rnd.nextInt(5) == 0) {
        inputs.add(Input.NONE);
        continue;
      }
      List<Integer> authors = new ArrayList<>();
      for (int a = Items.ARCHIVE; a < humans + models; a++) {
        if (rnd.nextInt(4) == 0) {
          authors.add(a);
        }
      }
      if (authors.isEmpty()) {
        authors.add(rnd.nextInt(humans + models));
      }
      long[] counts = new long[authors.size()];
      long human = 0;
      long items = 0;
      for (int k = 0; k < counts.length; k++) {
        counts[k] = 1 + rnd.nextInt(100);
        items += counts[k];
        human += authors.get(k) < humans ? counts[k] : 0;
      }
      inputs.add(
          new Input(
              authors.stream().mapToInt(Integer::intValue).toArray(),
              counts,
              human,
              items,
              rnd.nextInt(3) == 0 ? Double.NaN : rnd.nextDouble() * 5,
              rnd.nextInt(4),
              rnd.nextInt(3) - 1,
              rnd.nextBoolean()));
    }
    return new InteractionGraph(0, 9, List.of("h0", "h1"), modelIds, inputs, presence);
  }

  private static JsonNode node(JsonNode doc, String id) {
    for (JsonNode n : doc.path("nodes")) {
      if (n.path("id").asText().equals(id)) {
        return n;
      }
    }
    throw new AssertionError("no node " + id);
  }
}
