package ouroboros.sim.scenario.load;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.reader.ReaderException;
import ouroboros.sim.scenario.check.Problems;
import ouroboros.sim.scenario.check.ScenarioError;
import ouroboros.sim.scenario.check.ScenarioException;
import ouroboros.sim.scenario.check.ScenarioValidator;
import ouroboros.sim.scenario.check.Suggest;
import ouroboros.sim.scenario.domain.DomainSpec;
import ouroboros.sim.scenario.population.Compaction;
import ouroboros.sim.scenario.population.Expansion;
import ouroboros.sim.scenario.spec.Scenario;
import ouroboros.sim.scenario.stage.StageSpec;
import ouroboros.sim.scenario.stage.Stages;

/**
 * Reads, checks and resolves scenario files. Bad input is rejected before the first tick with a
 * {@link ScenarioException} whose every error names the file, the line and column, the key path,
 * what was found and what was expected (ARCHITECTURE.md, invariant 3). YAML anchors and aliases are
 * refused as soon as they are met, so an alias bomb is never expanded.
 */
public final class ScenarioLoader {
  /** The largest scenario file accepted. */
  static final int MAX_BYTES = 1 << 20;

  private final ObjectMapper mapper = Yaml.mapper();

  /** Loads the file, validates it and fills in every default. */
  public Scenario load(Path file) throws ScenarioException {
    return parse(file.toString(), readText(file, "scenario"));
  }

  /**
   * Reads a YAML file as strictly as a scenario (UTF-8, at most {@value #MAX_BYTES} bytes, no
   * anchors or aliases, no duplicate keys) into a tree with the position of every value, without
   * binding it to a scenario: what a sweep file is read with. {@code what} names the kind of file
   * in messages, such as "sweep".
   */
  public YamlDocument read(Path file, String what) throws ScenarioException {
    String name = file.toString();
    String text = readText(file, what);
    Locations locations = new Locations();
    if (scan(name, text, locations) == null) {
      throw fail(
          name,
          0,
          0,
          "",
          text.isBlank() ? "an empty file" : "a file with only comments and blank lines",
          "a YAML mapping");
    }
    try {
      return new YamlDocument(name, mapper.readTree(text), locations);
    } catch (JsonProcessingException e) {
      throw fromSyntax(name, text, e, locations);
    }
  }

  /**
   * Checks and resolves a scenario given as a YAML tree, such as a base scenario with a sweep's
   * values applied. Errors name {@code name} and the key path; they carry no line, since a tree has
   * none: the caller places them.
   */
  public Scenario parse(String name, JsonNode tree) throws ScenarioException {
    if (!tree.isObject()) {
      throw fail(
          name,
          0,
          0,
          "",
          tree.isArray()
              ? "a list"
              : "a " + tree.getNodeType().toString().toLowerCase(java.util.Locale.ROOT),
          "a YAML mapping of scenario keys such as 'name', 'ticks' and 'domain'");
    }
    Locations none = new Locations();
    Scenario raw;
    try (JsonParser parser = mapper.treeAsTokens(tree)) {
      try {
        raw = mapper.readValue(parser, Scenario.class);
      } catch (JsonMappingException e) {
        throw fromBinding(name, e, none);
      }
    } catch (IOException e) {
      throw fail(
          name, 0, 0, "", "a tree that cannot be read (" + e.getMessage() + ")", "a scenario");
    }
    Expansion expansion = Expansion.of(name, raw, none, this);
    return expansion.relocating(() -> check(name, expansion.scenario(), none));
  }

  /** The text of a {@code what} file (scenario, sweep), checked for existence, size and UTF-8. */
  private static String readText(Path file, String what) throws ScenarioException {
    String name = file.toString();
    if (!Files.isRegularFile(file)) {
      throw fail(
          name,
          0,
          0,
          "",
          Files.exists(file) ? "a directory" : "no such file",
          "the path of a " + what + " YAML file");
    }
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw fail(
            name,
            0,
            0,
            "",
            "a file of " + Files.size(file) + " bytes",
            "a " + what + " file of at most " + MAX_BYTES + " bytes");
      }
      return utf8(name, Files.readAllBytes(file));
    } catch (IOException e) {
      throw fail(
          name,
          0,
          0,
          "",
          "a file that cannot be read (" + e.getMessage() + ")",
          "a readable " + what + " file");
    }
  }

  /** Records every position of the text; returns its first token, null for an empty document. */
  private JsonToken scan(String name, String text, Locations locations) throws ScenarioException {
    try (JsonParser parser = mapper.getFactory().createParser(text)) {
      return Locations.scan(parser, locations, ScenarioLoader::refuseAlias);
    } catch (JsonProcessingException e) {
      throw fromSyntax(name, text, e, locations);
    } catch (IOException e) {
      throw fail(name, 0, 0, "", "unreadable text (" + e.getMessage() + ")", "YAML");
    }
  }

  /** Checks and resolves scenario text; {@code name} is used in messages. */
  public Scenario parse(String name, String text) throws ScenarioException {
    Locations locations = new Locations();
    JsonToken first = scan(name, text, locations);
    if (first == null) {
      throw fail(
          name,
          0,
          0,
          "",
          text.isBlank() ? "an empty file" : "a file with only comments and blank lines",
          "a YAML mapping with at least 'name', 'ticks', 'domain' and some agents");
    }
    if (first != JsonToken.START_OBJECT) {
      Locations.Position at = locations.find("");
      throw fail(
          name,
          at.line(),
          at.column(),
          "",
          describe(first, firstText(text)),
          "a YAML mapping of scenario keys such as 'name', 'ticks' and 'domain'");
    }
    Scenario raw;
    try (JsonParser parser = mapper.getFactory().createParser(text)) {
      try {
        raw = mapper.readValue(parser, Scenario.class);
      } catch (JsonMappingException e) {
        throw fromBinding(name, e, locations); // while the parser is open, to name the value
      }
    } catch (JsonProcessingException e) {
      throw fromSyntax(name, text, e, locations);
    } catch (IOException e) {
      throw fail(name, 0, 0, "", "unreadable text (" + e.getMessage() + ")", "YAML");
    }
    Expansion expansion = Expansion.of(name, raw, locations, this);
    return expansion.relocating(() -> check(name, expansion.scenario(), locations));
  }

  /**
   * Binds one generated entry (a model, human source or site) as an entry of a scenario file is
   * bound; an error names the entry's own key path and no line, for the caller to place.
   */
  public <T> T bind(String name, JsonNode entry, Class<T> type) throws ScenarioException {
    try {
      return mapper.treeToValue(entry, type);
    } catch (JsonMappingException e) {
      throw fromBinding(name, e, new Locations());
    } catch (JsonProcessingException e) {
      throw fail(
          name,
          0,
          0,
          "",
          "a value that cannot be read (" + firstLine(e.getOriginalMessage()) + ")",
          "a valid value");
    }
  }

  /** Validates a bound scenario and fills in its defaults. */
  private static Scenario check(String name, Scenario raw, Locations locations)
      throws ScenarioException {
    Problems problems = ScenarioValidator.check(raw);
    if (!problems.isEmpty()) {
      throw new ScenarioException(problems.locate(name, locations));
    }
    return Resolution.resolve(raw);
  }

  /** The scenario as YAML, the form {@code scenario.yaml} takes in a run directory. */
  public String write(Scenario scenario) {
    try {
      return mapper.writeValueAsString(Compaction.compact(scenario));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a scenario as YAML", e);
    }
  }

  /** Refuses a YAML alias the moment the parser meets one. */
  private static void refuseAlias(JsonParser parser) throws IOException {
    if (parser instanceof YAMLParser y && y.isCurrentAlias()) {
      throw new AliasFound(parser, "*" + parser.getText());
    }
  }

  /** Raised by the scan on an alias. */
  private static final class AliasFound extends JsonProcessingException {
    private static final long serialVersionUID = 1L;

    private final String pointer;

    AliasFound(JsonParser parser, String alias) {
      super("alias " + alias, parser.currentTokenLocation());
      this.pointer = parser.getParsingContext().pathAsPointer().toString();
    }
  }

  /** The bytes as UTF-8 text; the first byte that is not UTF-8 is an error at its position. */
  private static String utf8(String name, byte[] bytes) throws ScenarioException {
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

  private static ScenarioException fromSyntax(
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

  private static ScenarioException fromBinding(
      String name, JsonMappingException e, Locations locations) {
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
    if (e instanceof InvalidTypeIdException t
        && t.getBaseType() != null
        && t.getBaseType().getRawClass() == StageSpec.class) {
      String id = t.getTypeId();
      List<String> known = Stages.names();
      String key = pointer + "/stage";
      Locations.Position keyAt = locations.find(key);
      return fail(
          name,
          keyAt.line(),
          keyAt.column(),
          Locations.display(key),
          Problems.describe(id),
          (id == null ? "the required key 'stage', one of " : "a known pipeline stage, one of ")
              + known
              + (id == null ? "" : Suggest.didYouMean(id, known)));
    }
    if (e instanceof InvalidTypeIdException t) {
      String id = t.getTypeId();
      List<String> known = DomainSpec.types();
      String type = (pointer.isEmpty() ? "/domain" : pointer) + "/type";
      Locations.Position typeAt = locations.find(type);
      return fail(
          name,
          typeAt.line(),
          typeAt.column(),
          Locations.display(type),
          Problems.describe(id),
          (id == null ? "the required key 'type', one of " : "a known domain type, one of ")
              + known
              + (id == null ? "" : Suggest.didYouMean(id, known)));
    }
    if (e.getCause() instanceof InputCoercionException c) {
      return fail(
          name,
          line,
          col,
          path,
          describe(c.getInputType(), safeText(c.getProcessor())),
          typeName(c.getTargetType()) + range(c.getTargetType()));
    }
    if (e instanceof ValueInstantiationException v && v.getCause() != null) {
      String msg = v.getCause().getMessage();
      int split = msg.indexOf(", expected ");
      if (msg.startsWith("found ") && split > 0) {
        return fail(name, line, col, path, msg.substring(6, split), msg.substring(split + 11));
      }
      return fail(name, line, col, path, "an invalid value (" + msg + ")", "a valid value");
    }
    if (e instanceof InvalidFormatException f) {
      return fail(
          name, line, col, path, Problems.describe(f.getValue()), typeName(f.getTargetType()));
    }
    if (e instanceof MismatchedInputException m) {
      String found = "a value of the wrong type";
      if (m.getProcessor() instanceof JsonParser p) {
        found = describe(p.currentToken(), safeText(p));
      }
      return fail(name, line, col, path, found, typeName(m.getTargetType()));
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
  private static String pointer(List<JsonMappingException.Reference> refs) {
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

  /** " from MIN to MAX" for a whole-number type, else "". */
  private static String range(Class<?> type) {
    if (type == Integer.class || type == int.class) {
      return " from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
    }
    if (type == Long.class || type == long.class) {
      return " from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;
    }
    return "";
  }

  /** How a target type reads in a message. */
  public static String typeName(Class<?> type) {
    if (type == null) {
      return "a value of another type";
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "a whole number";
    }
    if (type == Double.class || type == double.class) {
      return "a number";
    }
    if (type == String.class) {
      return "a text value";
    }
    if (List.class.isAssignableFrom(type)) {
      return "a list";
    }
    if (type.isRecord() || Map.class.isAssignableFrom(type) || type.isInterface()) {
      return "a mapping";
    }
    return "a value of type " + type.getSimpleName();
  }

  /** How a token reads in a message. */
  private static String describe(JsonToken token, String text) {
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

  /** The text of the document's first token. */
  private String firstText(String text) {
    try (JsonParser p = mapper.getFactory().createParser(text)) {
      p.nextToken();
      return safeText(p);
    } catch (IOException e) {
      return "";
    }
  }

  /** The parser's current text, or "" when it has none. */
  private static String safeText(JsonParser p) {
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
  private static String abbreviate(String s) {
    String one = firstLine(s);
    return one.length() > 60 ? one.substring(0, 57) + "..." : one;
  }

  /** The first line of a message. */
  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).strip();
  }

  /** An error at the position just after {@code before}, the text that precedes the problem. */
  private static ScenarioException failAfter(
      String file, String before, String found, String expected) {
    int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
    int col = before.codePointCount(before.lastIndexOf('\n') + 1, before.length()) + 1;
    return fail(file, line, col, "", found, expected);
  }

  private static ScenarioException fail(
      String file, int line, int col, String path, String found, String expected) {
    return new ScenarioException(
        List.of(new ScenarioError(file, line, col, path, found, expected)));
  }
}
