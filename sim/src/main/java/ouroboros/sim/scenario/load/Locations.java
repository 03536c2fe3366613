package ouroboros.sim.scenario.load;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each value of a YAML document sits, by JSON Pointer. The loader fills this in one streaming
 * pass before binding, so that semantic checks done later on records can still name the line and
 * column.
 */
public final class Locations {
  /** A 1-based position; 0 when unknown. */
  public record Position(int line, int column) {}

  private final Map<String, Position> values = new HashMap<>();
  private final Map<String, Position> keys = new HashMap<>();

  /** No positions yet; the loader fills them in. */
  public Locations() {}

  /** Records the position of the key or value the parser is now on. */
  void record(JsonParser parser) {
    JsonToken t = parser.currentToken();
    if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
      return;
    }
    JsonPointer ptr;
    if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
      ptr =
          parser.getParsingContext().getParent() == null
              ? JsonPointer.empty()
              : parser.getParsingContext().getParent().pathAsPointer();
    } else {
      ptr = parser.getParsingContext().pathAsPointer();
    }
    JsonLocation loc = parser.currentTokenLocation();
    String key = ptr.toString();
    if (t == JsonToken.FIELD_NAME) {
      keys.putIfAbsent(key, new Position(loc.getLineNr(), loc.getColumnNr()));
    } else {
      values.put(key, new Position(loc.getLineNr(), loc.getColumnNr()));
    }
  }

  /** The position of a pointer's value, or of its nearest recorded ancestor. */
  public Position find(String pointer) {
    String p = pointer;
    while (true) {
      Position at = values.get(p);
      if (at != null) {
        return at;
      }
      if (p.isEmpty()) {
        return new Position(0, 0);
      }
      p = p.substring(0, p.lastIndexOf('/'));
    }
  }

  /** The position of the first key at a pointer, or else as {@link #find}. */
  public Position key(String pointer) {
    Position at = keys.get(pointer);
    return at != null ? at : find(pointer);
  }

  /** {@code /models/1/scrape} as {@code models[1].scrape}. */
  public static String display(String pointer) {
    StringBuilder b = new StringBuilder();
    for (String part : pointer.split("/")) {
      if (part.isEmpty()) {
        continue;
      }
      if (part.chars().allMatch(Character::isDigit)) {
        b.append('[').append(part).append(']');
      } else {
        if (b.length() > 0) {
          b.append('.');
        }
        b.append(part.replace("~1", "/").replace("~0", "~"));
      }
    }
    return b.toString();
  }

  /** Walks a parser to its end, recording every position; returns the first token. */
  static JsonToken scan(JsonParser parser, Locations into, AliasCheck aliases) throws IOException {
    JsonToken first = parser.nextToken();
    JsonToken t = first;
    while (t != null) {
      aliases.check(parser);
      into.record(parser);
      t = parser.nextToken();
    }
    return first;
  }

  /** Rejects YAML aliases as they are met. */
  interface AliasCheck {
    /** Throws when the current token is an alias. */
    void check(JsonParser parser) throws IOException;
  }
}
