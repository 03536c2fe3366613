package ouroboros.sim.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import ouroboros.sim.graph.InteractionGraph.Input;

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

  private static JsonNode node(JsonNode doc, String id) {
    for (JsonNode n : doc.path("nodes")) {
      if (n.path("id").asText().equals(id)) {
        return n;
      }
    }
    throw new AssertionError("no node " + id);
  }
}
