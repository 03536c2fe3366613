package ouroboros.sim.scenario.load;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import ouroboros.sim.scenario.check.Problems;
import ouroboros.sim.scenario.check.ScenarioError;
import ouroboros.sim.scenario.check.ScenarioException;
import ouroboros.sim.scenario.check.ScenarioValidator;
import ouroboros.sim.scenario.population.Compaction;
import ouroboros.sim.scenario.population.Copies;
import ouroboros.sim.scenario.population.Expansion;
import ouroboros.sim.scenario.spec.Scenario;

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
      throw LoadErrors.fail(
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
      throw LoadErrors.fromSyntax(name, text, e, locations);
    }
  }

  /**
   * Checks and resolves a scenario given as a YAML tree, such as a base scenario with a sweep's
   * values applied. Errors name {@code name} and the key path; they carry no line, since a tree has
   * none: the caller places them.
   */
  public Scenario parse(String name, JsonNode tree) throws ScenarioException {
    if (!tree.isObject()) {
      throw LoadErrors.fail(
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
    List<ScenarioError> unknown = new ArrayList<>();
    try (JsonParser parser = mapper.treeAsTokens(tree)) {
      try {
        raw = mapper.readValue(parser, Scenario.class);
      } catch (UnrecognizedPropertyException e) {
        unknown.addAll(LoadErrors.fromBinding(name, e, none).errors());
        ObjectNode copy = ((ObjectNode) tree).deepCopy();
        if (!UnknownKeys.remove(copy, LoadErrors.pointer(e.getPath()))) {
          throw Expansion.byPopulationId(new ScenarioException(unknown), tree);
        }
        raw = UnknownKeys.bind(mapper, name, copy, none, unknown);
      } catch (JsonMappingException e) {
        throw Expansion.byPopulationId(LoadErrors.fromBinding(name, e, none, tree), tree);
      }
    } catch (IOException e) {
      throw LoadErrors.fail(
          name, 0, 0, "", "a tree that cannot be read (" + e.getMessage() + ")", "a scenario");
    }
    return checked(name, raw, none, unknown, tree);
  }

  /** The text of a {@code what} file (scenario, sweep), checked for existence, size and UTF-8. */
  private static String readText(Path file, String what) throws ScenarioException {
    String name = file.toString();
    if (!Files.isRegularFile(file)) {
      throw LoadErrors.fail(
          name,
          0,
          0,
          "",
          Files.exists(file) ? PathKind.of(file) : "no such file",
          "the path of a " + what + " YAML file");
    }
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw LoadErrors.fail(
            name,
            0,
            0,
            "",
            "a file of " + Files.size(file) + " bytes",
            "a " + what + " file of at most " + MAX_BYTES + " bytes");
      }
      return LoadErrors.utf8(name, Files.readAllBytes(file));
    } catch (IOException e) {
      throw LoadErrors.fail(
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
      return Locations.scan(parser, locations, ScenarioLoader::refuse);
    } catch (JsonProcessingException e) {
      throw LoadErrors.fromSyntax(name, text, e, locations);
    } catch (IOException e) {
      throw LoadErrors.fail(name, 0, 0, "", "unreadable text (" + e.getMessage() + ")", "YAML");
    }
  }

  /** The YAML tree of a text, or null when it has none (its error is reported elsewhere). */
  private JsonNode readTreeOrNull(String text) {
    try {
      return mapper.readTree(text);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** Checks and resolves scenario text; {@code name} is used in messages. */
  public Scenario parse(String name, String text) throws ScenarioException {
    Locations locations = new Locations();
    JsonToken first = scan(name, text, locations);
    if (first == null) {
      throw LoadErrors.fail(
          name,
          0,
          0,
          "",
          text.isBlank() ? "an empty file" : "a file with only comments and blank lines",
          "a YAML mapping with at least 'name', 'ticks', 'domain' and some agents");
    }
    if (first != JsonToken.START_OBJECT) {
      Locations.Position at = locations.find("");
      throw LoadErrors.fail(
          name,
          at.line(),
          at.column(),
          "",
          first == JsonToken.START_ARRAY ? "a list" : LoadErrors.rootValue(first),
          "a YAML mapping of scenario keys such as 'name', 'ticks' and 'domain'");
    }
    Scenario raw;
    List<ScenarioError> unknown = new ArrayList<>();
    try (JsonParser parser = mapper.getFactory().createParser(text)) {
      try {
        raw = mapper.readValue(parser, Scenario.class);
      } catch (UnrecognizedPropertyException e) {
        // Every unknown key, and the file's other problems, in one pass (below).
        unknown.addAll(LoadErrors.fromBinding(name, e, locations).errors());
        JsonNode tree = readTreeOrNull(text);
        if (!(tree instanceof ObjectNode object)
            || !UnknownKeys.remove(object, LoadErrors.pointer(e.getPath()))) {
          throw Expansion.byPopulationId(new ScenarioException(unknown), tree);
        }
        raw = UnknownKeys.bind(mapper, name, object, locations, unknown);
      } catch (JsonMappingException e) {
        // While the parser is open, to name the value. An empty list entry ("-") is reported with
        // the file's other problems, bound as nothing (below).
        JsonNode tree = readTreeOrNull(text);
        ScenarioException located = LoadErrors.fromBinding(name, e, locations, tree);
        if (!(tree instanceof ObjectNode object)
            || !UnknownKeys.emptied(object, LoadErrors.pointer(e.getPath()), locations)) {
          throw Expansion.byPopulationId(located, tree);
        }
        if (!(e instanceof InvalidTypeIdException)) {
          unknown.addAll(located.errors()); // a typed entry's (a stage's) validator says it
        }
        raw = UnknownKeys.bind(mapper, name, object, locations, unknown);
      }
    } catch (JsonProcessingException e) {
      throw LoadErrors.fromSyntax(name, text, e, locations);
    } catch (IOException e) {
      throw LoadErrors.fail(name, 0, 0, "", "unreadable text (" + e.getMessage() + ")", "YAML");
    }
    return checked(name, raw, locations, unknown, readTreeOrNull(text));
  }

  /**
   * Expands and checks a bound scenario; with {@code unknown} keys (taken out to bind the rest),
   * throws them followed by the rest's problems.
   */
  private Scenario checked(
      String name, Scenario raw, Locations locations, List<ScenarioError> unknown, JsonNode tree)
      throws ScenarioException {
    if (unknown.isEmpty()) {
      Expansion expansion = Expansion.of(name, raw, locations, this);
      return expansion.relocating(() -> check(name, expansion.scenario(), locations));
    }
    List<ScenarioError> all = new ArrayList<>(unknown);
    try {
      Expansion expansion = Expansion.of(name, raw, locations, this);
      expansion.relocating(() -> check(name, expansion.scenario(), locations));
    } catch (ScenarioException e) {
      all.addAll(UnknownKeys.besides(unknown, e.errors()));
    }
    throw Expansion.byPopulationId(new ScenarioException(all), tree);
  }

  /**
   * Binds one generated entry (a model, human source or site) as an entry of a scenario file is
   * bound; an error names the entry's own key path and no line, for the caller to place.
   */
  public <T> T bind(String name, JsonNode entry, Class<T> type) throws ScenarioException {
    try {
      return mapper.treeToValue(entry, type);
    } catch (JsonMappingException e) {
      throw LoadErrors.fromBinding(name, e, new Locations());
    } catch (JsonProcessingException e) {
      throw LoadErrors.fail(
          name,
          0,
          0,
          "",
          "a value that cannot be read (" + LoadErrors.firstLine(e.getOriginalMessage()) + ")",
          "a valid value");
    }
  }

  /** Validates a bound scenario and fills in its defaults. */
  private static Scenario check(String name, Scenario raw, Locations locations)
      throws ScenarioException {
    Problems problems = ScenarioValidator.check(raw);
    if (problems.isEmpty() && raw.copies() != null) {
      // The truths each copy draws, checked with the file's seed; a run with another seed checks
      // its own (Copies.check) before its first tick.
      Copies.check(problems, raw, raw.seed() != null ? raw.seed() : 0L);
    }
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

  /**
   * Refuses, the moment the parser meets one, a YAML alias, a number that is NaN, infinite or too
   * large for a double ({@code .nan}, {@code .inf}, {@code 1e309}), a whole number with a leading
   * zero, which YAML 1.1 would silently read as octal ({@code 010} is 8), and a base-60 float
   * ({@code 1:30.5} is 90.5; a base-60 whole number such as {@code 1:30} reaches the binding as
   * text, and {@link Sexagesimal} words its refusal there).
   */
  private static void refuse(JsonParser parser) throws IOException {
    if (parser instanceof YAMLParser y && y.isCurrentAlias()) {
      throw new LoadErrors.AliasFound(parser, "*" + parser.getText());
    }
    JsonToken t = parser.currentToken();
    if (t != JsonToken.VALUE_NUMBER_FLOAT && t != JsonToken.VALUE_NUMBER_INT) {
      return;
    }
    String text = parser.getText();
    String pointer = parser.getParsingContext().pathAsPointer().toString();
    if (t == JsonToken.VALUE_NUMBER_FLOAT && Sexagesimal.is(text)) {
      throw new LoadErrors.Refused(
          parser, pointer, "the number " + text, Sexagesimal.expected(text, false));
    }
    if (t == JsonToken.VALUE_NUMBER_FLOAT && !finite(parser)) {
      throw new LoadErrors.Refused(
          parser,
          pointer,
          text.toLowerCase(java.util.Locale.ROOT).matches("[-+]?\\.(inf|nan)")
              ? "the YAML value " + text
              : "the number " + text + ", beyond the largest double (about 1.8e308)",
          LoadErrors.FINITE);
    }
    if (t == JsonToken.VALUE_NUMBER_INT && text.matches("[-+]?0[0-7_]+")) {
      String decimal = text.replace("_", "").replaceFirst("^([-+]?)0+(?=\\d)", "$1");
      throw new LoadErrors.Refused(
          parser,
          pointer,
          "the number " + text,
          "a whole number without a leading zero (YAML reads "
              + text
              + " as the octal number "
              + Long.parseLong(text.replace("_", ""), 8)
              + "; write "
              + decimal
              + " for the decimal number)");
    }
  }

  /** Whether the parser's float is a finite double. */
  private static boolean finite(JsonParser parser) {
    try {
      return Double.isFinite(parser.getDoubleValue());
    } catch (IOException | NumberFormatException e) {
      return false; // .nan and .inf are not numbers Jackson's YAML parser reads
    }
  }

  /**
   * One YAML value given on the command line ({@code --set KEY=VALUE}), refused for what a file's
   * value is refused for (a non-finite number, a leading zero); a refusal is a {@link
   * ScenarioException} of one error without a file, a syntax error Jackson's exception.
   */
  public static JsonNode readValue(String text) throws JsonProcessingException, ScenarioException {
    ObjectMapper m = Yaml.mapper();
    try (JsonParser p = m.getFactory().createParser(text)) {
      Locations.scan(p, new Locations(), ScenarioLoader::refuse);
    } catch (LoadErrors.Refused r) {
      throw LoadErrors.fail("", 0, 0, "", r.found, r.expected);
    } catch (JsonProcessingException e) {
      throw e;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return m.readTree(text);
  }

  /**
   * How a YAML tree that is not a mapping reads in a message; a single value is never quoted (see
   * {@link LoadErrors#rootValue}).
   */
  public static String describeRoot(JsonNode tree) {
    if (tree.isArray()) {
      return tree.isEmpty() ? "an empty list" : "a list";
    }
    if (tree.isObject()) {
      return "a mapping";
    }
    return LoadErrors.rootValue(tree.asToken());
  }

  /** How a target type reads in a message, such as "a whole number". */
  public static String typeName(Class<?> type) {
    return ExpectedType.of(type);
  }
}
