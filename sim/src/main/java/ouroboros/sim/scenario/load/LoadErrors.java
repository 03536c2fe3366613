package ouroboros.sim.scenario.load;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeSet;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.reader.ReaderException;
import ouroboros.sim.scenario.Plugins;
import ouroboros.sim.scenario.check.Problems;
import ouroboros.sim.scenario.check.ScenarioError;
import ouroboros.sim.scenario.check.ScenarioException;
import ouroboros.sim.scenario.check.Suggest;
import ouroboros.sim.scenario.stage.StageSpec;
import ouroboros.sim.scenario.stage.Stages;

/**
 * How the loader words what Jackson and SnakeYAML report: the file, line and column, key path,
 * found and expected of every encoding, syntax and binding error.
 */
final class LoadErrors {
  private LoadErrors() {}

  /** Raised by the scan on an alias. */
  static final class AliasFound extends JsonProcessingException {
    private static final long serialVersionUID = 1L;

    final String pointer;

    AliasFound(JsonParser parser, String alias) {
      super("alias " + alias, parser.currentTokenLocation());
      this.pointer = parser.getParsingContext().pathAsPointer().toString();
    }
  }

  /** Raised by the scan on a token that no file may hold, with what to say about it. */
  static final class Refused extends JsonProcessingException {
    private static final long serialVersionUID = 1L;

    final String pointer;
    final String found;
    final String expected;

    Refused(JsonParser parser, String pointer, String found, String expected) {
      super(found, parser.currentTokenLocation());
      this.pointer = pointer;
      this.found = found;
      this.expected = expected;
    }
  }

  /** Raised when a number is bound that is NaN or infinite, such as the text 'NaN'. */
  static final class NonFinite extends JsonMappingException {
    private static final long serialVersionUID = 1L;

    final String found;

    NonFinite(JsonParser parser, String found) {
      super(parser, found);
      this.found = found;
    }
  }

  /** What a number that is NaN or infinite is expected to be instead. */
  static final String FINITE =
      "a finite number (NaN and infinities are not numbers a scenario takes)";

  /** The bytes as UTF-8 text; the first byte that is not UTF-8 is an error at its position. */
  static String utf8(String name, byte[] bytes) throws ScenarioException {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length); // UTF-8 never has more chars than bytes
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    String text = out.flip().toString();
    if (result.isError()) {
      throw failAfter(
          name,
          text,
          String.format("the byte 0x%02X, which is not UTF-8 text", bytes[in.position()] & 0xFF),
          "a UTF-8 YAML file");
    }
    return text;
  }

  static ScenarioException fromSyntax(
      String name, String text, JsonProcessingException e, Locations locations) {
    // The start of the token the parser stopped on; the exception's own location is its end.
    JsonLocation at =
        e.getProcessor() instanceof JsonParser p ? p.currentTokenLocation() : e.getLocation();
    int line = at == null ? 0 : Math.max(at.getLineNr(), 0);
    int col = at == null ? 0 : Math.max(at.getColumnNr(), 0);
    if (e instanceof AliasFound a) {
      return fail(
          name,
          line,
          col,
          Locations.display(a.pointer),
          "the YAML " + e.getOriginalMessage(),
          "plain values: scenario files may not use anchors and aliases, so that an alias bomb "
              + "is refused instead of expanded");
    }
    if (e instanceof Refused r) {
      return fail(name, line, col, Locations.display(r.pointer), r.found, r.expected);
    }
    if (e.getCause() instanceof MarkedYAMLException m && m.getProblemMark() != null) {
      Mark mark = m.getProblemMark();
      return fail(
          name,
          mark.getLine() + 1,
          mark.getColumn() + 1,
          "",
          "text that is not valid YAML (" + firstLine(m.getProblem()) + ")",
          "a YAML mapping of scenario keys");
    }
    if (e.getCause() instanceof ReaderException r) {
      int end =
          text.offsetByCodePoints(
              0, Math.min(r.getPosition(), text.codePointCount(0, text.length())));
      return failAfter(
          name,
          text.substring(0, end),
          String.format("the non-printable character U+%04X", r.getCodePoint()),
          "YAML text of printable characters");
    }
    String problem = e.getOriginalMessage();
    if (problem != null
        && problem.startsWith("Duplicate field")
        && e.getProcessor() instanceof JsonParser p) {
      String pointer = p.getParsingContext().pathAsPointer().toString();
      String key = p.getParsingContext().getCurrentName();
      return fail(
          name,
          line,
          col,
          Locations.display(pointer),
          "the key '" + key + "' a second time",
          "each key at most once per mapping (the first '"
              + key
              + "' is on line "
              + locations.key(pointer).line()
              + ")");
    }
    if (problem != null && problem.startsWith("Expected a field name")) {
      String key =
          problem.contains("MappingStartEvent")
              ? "a mapping"
              : problem.contains("SequenceStartEvent") ? "a list" : "a value";
      return fail(
          name, line, col, "", key + " used as a key", "a plain key such as 'name' or 'ticks'");
    }
    return fail(
        name,
        line,
        col,
        "",
        "text that is not valid YAML (" + firstLine(problem) + ")",
        "a YAML mapping of scenario keys");
  }

  static ScenarioException fromBinding(String name, JsonMappingException e, Locations locations) {
    return fromBinding(name, e, locations, null);
  }

  /**
   * As {@link #fromBinding(String, JsonMappingException, Locations)}, with the document's {@code
   * tree} (null: none) for what a value's expectation depends on elsewhere in it: a timeline
   * event's tick expects a tick of the run (its {@code ticks}), not the range of a Java int.
   */
  static ScenarioException fromBinding(
      String name, JsonMappingException e, Locations locations, JsonNode tree) {
    String tick = ExpectedType.eventTick(e.getPath(), tree);
    String pointer = pointer(e.getPath());
    String path = Locations.display(pointer);
    Locations.Position at = locations.find(pointer);
    if (pointer.isEmpty() && e.getLocation() != null) {
      at =
          new Locations.Position(
              Math.max(e.getLocation().getLineNr(), 0), Math.max(e.getLocation().getColumnNr(), 0));
    }
    int line = at.line();
    int col = at.column();
    if (e instanceof UnrecognizedPropertyException u) {
      TreeSet<String> known = new TreeSet<>();
      u.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
      Locations.Position key = locations.key(pointer);
      return fail(
          name,
          key.line(),
          key.column(),
          Locations.display(pointer.substring(0, pointer.lastIndexOf('/'))),
          "unknown key '" + u.getPropertyName() + "'",
          "one of " + known + Suggest.didYouMean(u.getPropertyName(), known));
    }
    if (e instanceof NonFinite n) {
      return fail(name, line, col, path, n.found, FINITE);
    }
    if (e instanceof InvalidTypeIdException t) {
      boolean stage = t.getBaseType() != null && t.getBaseType().getRawClass() == StageSpec.class;
      return TypeKeyErrors.of(
          name,
          t,
          stage ? pointer : pointer.isEmpty() ? "/domain" : pointer,
          stage ? "stage" : "type",
          stage ? Stages.names() : Plugins.domainTypes(),
          locations);
    }
    if (e.getCause() instanceof InputCoercionException c) {
      return fail(
          name,
          line,
          col,
          path,
          describe(c.getInputType(), safeText(c.getProcessor())),
          ExpectedType.or(
              tick,
              null,
              ExpectedType.of(c.getTargetType())
                  + ExpectedType.range(c.getTargetType(), ExpectedType.keyAt(e.getPath()))));
    }
    if (e instanceof ValueInstantiationException v && v.getCause() != null) {
      String msg = v.getCause().getMessage();
      int split = msg.indexOf(", expected ");
      if (msg.startsWith("found ") && split > 0) {
        return fail(name, line, col, path, msg.substring(6, split), msg.substring(split + 11));
      }
      return fail(name, line, col, path, "an invalid value (" + msg + ")", "a valid value");
    }
    if (e instanceof InvalidFormatException f
        && f.getValue() instanceof Double d
        && ExpectedType.whole(f.getTargetType())) {
      // A whole value written as a decimal (1e3, 10.0): say so, since "found 1000.0, expected a
      // whole number" reads as a contradiction.
      String written =
          f.getProcessor() instanceof JsonParser p && !safeText(p).isEmpty()
              ? safeText(p)
              : String.valueOf(d);
      return fail(
          name,
          line,
          col,
          path,
          "the decimal number " + abbreviate(written),
          tick != null
              ? ExpectedType.tickFor(d, tree)
              : ExpectedType.wholeFor(d, f.getTargetType(), ExpectedType.keyAt(e.getPath())));
    }
    if (e instanceof InvalidFormatException f) {
      return fail(
          name,
          line,
          col,
          path,
          locations.found(pointer, Problems.describe(f.getValue())),
          ExpectedType.or(
              tick, f.getValue(), ExpectedType.instead(f.getValue(), f.getTargetType())));
    }
    if (e instanceof MismatchedInputException m) {
      String found = "a value of the wrong type";
      String text = null;
      if (m.getProcessor() instanceof JsonParser p) {
        found = describe(p.currentToken(), safeText(p));
        text = p.currentToken() == JsonToken.VALUE_STRING ? safeText(p) : null;
      }
      String expected = ExpectedType.instead(text, m.getTargetType());
      return fail(
          name,
          line,
          col,
          path,
          locations.found(pointer, found),
          ExpectedType.or(tick, text, expected));
    }
    return fail(
        name,
        line,
        col,
        path,
        "a value that cannot be read (" + firstLine(e.getOriginalMessage()) + ")",
        "a valid value");
  }

  /** Jackson's reference path as a JSON Pointer, {@code /models/0/scrape}. */
  static String pointer(List<JsonMappingException.Reference> refs) {
    StringBuilder b = new StringBuilder();
    for (JsonMappingException.Reference r : refs) {
      if (r.getFieldName() != null) {
        b.append('/').append(r.getFieldName().replace("~", "~0").replace("/", "~1"));
      } else if (r.getIndex() >= 0) {
        b.append('/').append(r.getIndex());
      }
    }
    return b.toString();
  }

  /** How a token reads in a message. */
  static String describe(JsonToken token, String text) {
    if (token == null) {
      return "nothing";
    }
    return switch (token) {
      case START_OBJECT -> "a mapping";
      case START_ARRAY -> "a list";
      case VALUE_STRING -> "the text '" + abbreviate(text) + "'";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + text;
      case VALUE_TRUE, VALUE_FALSE -> "the boolean " + text;
      case VALUE_NULL -> "an empty value";
      default -> "'" + abbreviate(text) + "'";
    };
  }

  /**
   * How a document that is one plain value reads in a message, never quoting it: such a file is not
   * a scenario (it may be a password file or a {@code .env} that a sweep's {@code base} names), and
   * its content is not for the terminal.
   */
  static String rootValue(JsonToken token) {
    String kind =
        switch (token) {
          case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
          case VALUE_TRUE, VALUE_FALSE -> "boolean";
          case VALUE_NULL -> "empty value";
          default -> "text value";
        };
    return "a single " + kind + " (not shown: the file is not a YAML mapping)";
  }

  /** The parser's current text, or "" when it has none. */
  static String safeText(JsonParser p) {
    if (p == null) {
      return "";
    }
    try {
      String t = p.getText();
      return t == null ? "" : t;
    } catch (IOException e) {
      return "";
    }
  }

  /** At most 60 characters of a text, on one line. */
  static String abbreviate(String s) {
    String one = firstLine(s);
    return one.length() > 60 ? one.substring(0, 57) + "..." : one;
  }

  /** The first line of a message. */
  static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).strip();
  }

  /** An error at the position just after {@code before}, the text that precedes the problem. */
  static ScenarioException failAfter(String file, String before, String found, String expected) {
    int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
    int col = before.codePointCount(before.lastIndexOf('\n') + 1, before.length()) + 1;
    return fail(file, line, col, "", found, expected);
  }

  static ScenarioException fail(
      String file, int line, int col, String path, String found, String expected) {
    return new ScenarioException(
        List.of(new ScenarioError(file, line, col, path, found, expected)));
  }
}
