package ouroboros.sim.scenario.load;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

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
  private final Set<String> emptyEntries = new HashSet<>();

  /** No positions yet; the loader fills them in. */
  public Locations() {}

  /** Records the position of the key or value the parser is now on. */
  void record(JsonParser parser) throws IOException {
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
    if (t == JsonToken.VALUE_NULL
        && parser.getParsingContext().inArray()
        && "".equals(parser.getText())) {
      emptyEntries.add(key); // "-" and nothing, not ~ or null
    }
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

  /**
   * Whether the value at a pointer is an empty entry of a list: a {@code -} with nothing after it,
   * which binds as the empty text where a value is expected, and reads as {@code ''} in a message.
   */
  public boolean emptyEntry(String pointer) {
    return emptyEntries.contains(pointer);
  }

  /** {@code found}, or "an empty entry" for the value at a pointer that is one. */
  public String found(String pointer, String found) {
    return emptyEntry(pointer) ? "an empty entry" : found;
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

  /**
   * Walks a parser to its end, recording every position and refusing a second document and what
   * {@code check} refuses; returns the first token.
   */
  static JsonToken scan(JsonParser parser, Locations into, TokenCheck check) throws IOException {
    if (parser instanceof YAMLParser y) {
      y.enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL); // to tell "-" from "- ''" (record)
    }
    JsonToken first = parser.nextToken();
    int depth = 0;
    boolean done = false; // the first document's value has ended
    for (JsonToken t = first; t != null; t = parser.nextToken()) {
      if (done) {
        throw new LoadErrors.Refused(
            parser,
            "",
            "a second YAML document",
            "one YAML document per file: a '---' line starts another document; remove it, or"
                + " put the second document in a file of its own");
      }
      check.check(parser);
      into.record(parser);
      depth += t.isStructStart() ? 1 : t.isStructEnd() ? -1 : 0;
      done = depth == 0;
    }
    return first;
  }

  /** Refuses what may not be in a file (aliases, non-finite numbers) as it is met. */
  interface TokenCheck {
    /** Throws when the current token is refused. */
    void check(JsonParser parser) throws IOException;
  }
}
