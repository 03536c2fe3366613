package ouroboros.sim.graph;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An analysed graph in the shape of Grafana's Node Graph panel, for {@code graph/*.json} and the
 * live endpoint: {@code {"window", "nodes", "edges", "classes"}}. Keys in a fixed order, so the
 * output is byte-stable.
 *
 * <p>Nodes: one per human source, one for the archive when a model drew fresh data from it ({@value
 * InteractionGraph#ARCHIVE_ID}), one per model. Fields the panel reads: {@code id}, {@code title},
 * {@code subtitle} (the kind, or a model's predicted verdict), {@code mainstat} (human ancestry; 1
 * for human nodes), {@code secondarystat} (mean synthetic depth of the training data; 0 for human
 * nodes), and the arcs {@code arc__human}, {@code arc__model}, {@code arc__laundered} (the shares
 * of the training data, adding up to 1; all 0 for a model that has not trained). The panel takes a
 * node's colour from either {@code color} or the arcs, not both; the arcs are used, and the verdict
 * is in the subtitle. The context menu shows the {@code detail__*} fields. A missing number is
 * null.
 *
 * <p>A model not released yet is left out, as is one that retired before the window and whose
 * output no model trained on in it (with its class, when that holds no other model).
 *
 * <p>Edges: one per author and model that trained on it, source the author, target the model:
 * {@code id} ({@code source->target}), {@code source}, {@code target}, {@code mainstat} (the
 * weight: the share of the target's training items the source wrote), {@code secondarystat} (those
 * items), and {@code detail__kind} ({@code model} or {@code human}).
 *
 * <p>{@link GraphJsonWriter} writes the document, streamed, for graph/*.json; this class reads what
 * it writes back as maps, for the live feed and the endpoint, so that the document has one source.
 * GraphJsonTest checks that the maps write the same bytes as the stream.
 */
public final class GraphJson {
  /** Reads the streamed document back: objects as LinkedHashMaps, in the writer's key order. */
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private GraphJson() {}

  /**
   * The whole document, as {@link GraphJsonWriter#write} streams it: numbers as Integer, Long or
   * Double, each the value written, so that a mapper writes the same JSON.
   */
  public static Map<String, Object> toMap(GraphAnalysis a) {
    try (TokenBuffer tokens = new TokenBuffer(MAPPER, false)) {
      GraphJsonWriter.write(tokens, a);
      return MAPPER.readValue(tokens.asParser(), MAP);
    } catch (IOException e) {
      throw new UncheckedIOException("the interaction graph's JSON: " + e.getMessage(), e);
    }
  }

  /**
   * How many nodes the document of {@code a} lists (human sources, the archive when used, the
   * models shown), without writing it: the live feed sends the document only when there are few.
   */
  public static int nodeCount(GraphAnalysis a) {
    InteractionGraph g = a.graph();
    int n = g.humans().size() + (g.usesArchive() ? 1 : 0);
    for (int i = 0; i < g.models().size(); i++) {
      if (a.shown(i)) {
        n++;
      }
    }
    return n;
  }

  /** A document with no window, no nodes and no edges, for before the first tick. */
  public static Map<String, Object> empty() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("window", null);
    root.put("nodes", List.of());
    root.put("edges", List.of());
    root.put("classes", List.of());
    return root;
  }
}
