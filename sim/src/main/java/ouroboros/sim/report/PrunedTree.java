package ouroboros.sim.report;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The part of a JSON or YAML document that a reader looks at, as a Jackson tree: the keys it names
 * are kept, every other key is skipped by the parser without building its nodes or decoding its
 * numbers. A kept value is the node {@link ObjectMapper#readTree} builds for it, so a reader that
 * looks only at kept paths sees the values of the whole tree. A run's summary.json at a thousand
 * models is megabytes, of which the report reads a few numbers per model.
 */
final class PrunedTree {
  /**
   * The keys kept below an object (applied to each element of an array).
   *
   * @param children each kept key and what is kept below it; null keeps the whole value
   */
  record Keep(Map<String, Keep> children) {
    /** The whole value. */
    static final Keep ALL = new Keep(null);

    /** These keys of an object, each with what is kept below it. */
    static Keep of(Map<String, Keep> children) {
      return new Keep(Map.copyOf(children));
    }

    /** These keys of an object, each whole. */
    static Keep all(String... keys) {
      Map<String, Keep> m = new java.util.HashMap<>();
      for (String k : keys) {
        m.put(k, ALL);
      }
      return of(m);
    }
  }

  private PrunedTree() {}

  /** The kept part of {@code file}, read with {@code mapper}; a missing node when it is empty. */
  static JsonNode read(ObjectMapper mapper, Path file, Keep keep) throws IOException {
    try (JsonParser p = mapper.createParser(file.toFile())) {
      if (p.nextToken() == null) {
        return MissingNode.getInstance();
      }
      return read(mapper, p, keep);
    }
  }

  /** The kept part of the value at the parser's current token, which it ends on. */
  private static JsonNode read(ObjectMapper mapper, JsonParser p, Keep keep) throws IOException {
    JsonToken t = p.currentToken();
    if (keep.children() == null) {
      return mapper.readTree(p);
    }
    if (t == JsonToken.START_ARRAY) {
      ArrayNode a = mapper.createArrayNode();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        a.add(read(mapper, p, keep));
      }
      return a;
    }
    if (t != JsonToken.START_OBJECT) {
      return mapper.readTree(p);
    }
    ObjectNode o = mapper.createObjectNode();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      Keep k = keep.children().get(name);
      if (k == null) {
        p.skipChildren();
      } else {
        o.set(name, read(mapper, p, k));
      }
    }
    return o;
  }
}
