package ouroboros.sim.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads, checks and resolves scenario files. Bad input is rejected before the first tick with a
 * {@link ScenarioException} whose every error names the file, the line and column, the key path,
 * what was found and what was expected (ARCHITECTURE.md, invariant 3). YAML anchors and aliases
 * are refused as soon as they are met, so an alias bomb is never expanded.
 */
public final class ScenarioLoader {
  /** The largest scenario file accepted. */
  static final int MAX_BYTES = 1 << 20;

  private final ObjectMapper mapper = Yaml.mapper();

  /** Loads the file, validates it and fills in every default. */
  public Scenario load(Path file) throws ScenarioException {
    String name = file.toString();
    if (!Files.isRegularFile(file)) {
      throw fail(name, 0, 0, "", Files.exists(file) ? "a directory" : "no such file",
          "the path of a scenario YAML file");
    }
    String text;
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw fail(name, 0, 0, "", "a file of " + Files.size(file) + " bytes",
            "a scenario file of at most " + MAX_BYTES + " bytes");
      }
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
    } catch (CharacterCodingException e) {
      throw fail(name, 0, 0, "", "bytes that are not UTF-8 text", "a UTF-8 YAML file");
    } catch (IOException e) {
      throw fail(name, 0, 0, "", "a file that cannot be read (" + e.getMessage() + ")",
          "a readable scenario file");
    }
    return parse(name, text);
  }

  /** Checks and resolves scenario text; {@code name} is used in messages. */
  public Scenario parse(String name, String text) throws ScenarioException {
    Locations locations = new Locations();
    JsonToken first;
    try (JsonParser parser = mapper.getFactory().createParser(text)) {
      first = Locations.scan(parser, locations, ScenarioLoader::refuseAlias);
    } catch (JsonProcessingException e) {
      throw fromSyntax(name, e);
    } catch (IOException e) {
      throw fail(name, 0, 0, "", "unreadable text (" + e.getMessage() + ")", "YAML");
    }
    if (first == null) {
      throw fail(name, 0, 0, "", "an empty file",
          "a YAML mapping with at least 'name', 'ticks', 'domain' and some agents");
    }
    if (first != JsonToken.START_OBJECT) {
      throw fail(name, 1, 1, "", describe(first, text.strip()),
          "a YAML mapping of scenario keys such as 'name', 'ticks' and 'domain'");
    }
    Scenario raw;
    try {
      raw = mapper.readValue(text, Scenario.class);
    } catch (JsonMappingException e) {
      throw fromBinding(name, e);
    } catch (JsonProcessingException e) {
      throw fromSyntax(name, e);
    }
    Problems problems = ScenarioValidator.check(raw);
    if (!problems.isEmpty()) {
      throw new ScenarioException(problems.locate(name, locations));
    }
    return resolve(raw);
  }

  /** The scenario as YAML, the form {@code scenario.yaml} takes in a run directory. */
  public String write(Scenario scenario) {
    try {
      return mapper.writeValueAsString(scenario);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a scenario as YAML", e);
    }
  }

  /** Fills in every default. */
  static Scenario resolve(Scenario s) {
    List<SiteSpec> sites = s.sites() != null ? s.sites() : List.of(new SiteSpec(Defaults.SITE));
    String firstSite = sites.get(0).id();
    List<HumanSpec> humans = new ArrayList<>();
    for (HumanSpec h : s.humans() == null ? List.<HumanSpec>of() : s.humans()) {
      humans.add(new HumanSpec(h.id(), h.publishRate(), or(h.site(), firstSite)));
    }
    List<ModelSpec> models = new ArrayList<>();
    for (ModelSpec m : s.models() == null ? List.<ModelSpec>of() : s.models()) {
      CrawlSpec crawl = m.crawl() == null ? new CrawlSpec(null, null) : m.crawl();
      models.add(new ModelSpec(m.id(), m.regime(),
          "window".equals(m.regime()) ? or(m.window(), Defaults.WINDOW) : m.window(),
          or(m.retrainEvery(), Defaults.RETRAIN_EVERY), or(m.firstRetrain(), Defaults.FIRST_RETRAIN),
          m.scrape(), or(m.freshHumanFraction(), Defaults.FRESH_HUMAN_FRACTION), m.publishRate(),
          or(m.site(), firstSite), or(m.initial(), Defaults.INITIAL),
          new CrawlSpec(or(crawl.policy(), Defaults.CRAWL_POLICY),
              crawl.sites() != null ? crawl.sites() : sites.stream().map(SiteSpec::id).toList()),
          new SamplingSpec(m.sampling() == null ? Defaults.TEMPERATURE
              : or(m.sampling().temperature(), Defaults.TEMPERATURE)),
          new EstimatorSpec(m.estimator() == null ? Defaults.VARIANCE
              : or(m.estimator().variance(), Defaults.VARIANCE))));
    }
    WebSpec web = new WebSpec(s.web() == null || s.web().retention() == null
        ? Defaults.RETENTION : s.web().retention());
    EngineSpec engine = new EngineSpec(s.engine() == null || s.engine().phaseTimeoutSeconds() == null
        ? Defaults.PHASE_TIMEOUT_SECONDS : s.engine().phaseTimeoutSeconds());
    return new Scenario(s.name(), s.description(), s.seed(), s.ticks(), s.domain().resolve(), web,
        sites, engine, humans, models);
  }

  /** The value, or the default when it is null. */
  private static <T> T or(T value, T fallback) {
    return value != null ? value : fallback;
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

    AliasFound(JsonParser parser, String alias) {
      super("alias " + alias, parser.currentTokenLocation());
    }
  }

  private static ScenarioException fromSyntax(String name, JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    int line = at == null ? 0 : at.getLineNr();
    int col = at == null ? 0 : at.getColumnNr();
    if (e instanceof AliasFound) {
      return fail(name, line, col, "", "the YAML " + e.getOriginalMessage(),
          "plain values: scenario files may not use anchors and aliases, so that an alias bomb "
              + "is refused instead of expanded");
    }
    String problem = e.getOriginalMessage();
    if (problem != null && problem.startsWith("Duplicate field")) {
      return fail(name, line, col, "", "a key given twice (" + problem + ")",
          "each key at most once per mapping");
    }
    return fail(name, line, col, "", "text that is not valid YAML ("
        + firstLine(problem) + ")", "a YAML mapping of scenario keys");
  }

  private static ScenarioException fromBinding(String name, JsonMappingException e) {
    JsonLocation at = e.getLocation();
    int line = at == null ? 0 : at.getLineNr();
    int col = at == null ? 0 : at.getColumnNr();
    String path = path(e.getPath());
    if (e instanceof UnrecognizedPropertyException u) {
      TreeSet<String> known = new TreeSet<>();
      u.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
      String parent = path.contains(".") || path.contains("[")
          ? path.substring(0, Math.max(path.lastIndexOf('.'), 0)) : "";
      return fail(name, line, col, parent, "unknown key '" + u.getPropertyName() + "'",
          "one of " + known + Suggest.didYouMean(u.getPropertyName(), known));
    }
    if (e instanceof InvalidTypeIdException t) {
      String id = t.getTypeId();
      List<String> known = List.of("gaussian");
      return fail(name, line, col, path.isEmpty() ? "domain" : path,
          id == null ? "no 'type' key" : "unknown domain type '" + id + "'",
          "a 'type' key, one of " + known + (id == null ? "" : Suggest.didYouMean(id, known)));
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
      return fail(name, line, col, path, Problems.describe(f.getValue()), typeName(f.getTargetType()));
    }
    if (e instanceof MismatchedInputException m) {
      String found = "a value of the wrong type";
      if (m.getProcessor() instanceof JsonParser p) {
        found = describe(p.currentToken(), safeText(p));
      }
      return fail(name, line, col, path, found, typeName(m.getTargetType()));
    }
    return fail(name, line, col, path, "a value that cannot be read (" + firstLine(
        e.getOriginalMessage()) + ")", "a valid value");
  }

  /** Jackson's reference path as {@code models[0].scrape}. */
  private static String path(List<JsonMappingException.Reference> refs) {
    StringBuilder b = new StringBuilder();
    for (JsonMappingException.Reference r : refs) {
      if (r.getFieldName() != null) {
        if (b.length() > 0) {
          b.append('.');
        }
        b.append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        b.append('[').append(r.getIndex()).append(']');
      }
    }
    return b.toString();
  }

  /** How a target type reads in a message. */
  private static String typeName(Class<?> type) {
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

  /** The parser's current text, or "" when it has none. */
  private static String safeText(JsonParser p) {
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

  private static ScenarioException fail(
      String file, int line, int col, String path, String found, String expected) {
    return new ScenarioException(List.of(new ScenarioError(file, line, col, path, found, expected)));
  }
}
