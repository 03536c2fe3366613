package ouroboros.sim.scenario.path;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import ouroboros.sim.scenario.check.ScenarioError;
import ouroboros.sim.scenario.check.ScenarioException;
import ouroboros.sim.scenario.load.Locations;
import ouroboros.sim.scenario.load.ScenarioLoader;
import ouroboros.sim.scenario.load.YamlDocument;
import ouroboros.sim.scenario.population.Expansion;
import ouroboros.sim.scenario.spec.Scenario;

/**
 * Command-line overrides, {@code --set KEY=VALUE}: KEY is a {@link ScenarioPath} (the grammar of
 * sweep paths), VALUE is YAML ({@code 0.5}, {@code accumulate}, {@code [forum, blog]}, {@code
 * {policy: recent, window: 3}}). They are applied in order to the scenario file's YAML tree, before
 * it is validated, so a value is checked exactly as if the file held it. A path that addresses
 * nothing, or a value the scenario refuses, fails with an error that names the {@code --set}
 * argument; problems the file has on its own keep their file, line and column.
 */
public final class Overrides {
  /** What an override should look like, for messages. */
  static final String EXPECTED =
      "KEY=VALUE, KEY a path such as models[lab-a].regime and VALUE"
          + " YAML such as accumulate, 0.5 or [forum, blog]";

  /**
   * One parsed {@code --set} argument.
   *
   * @param text the argument as given
   * @param path the path before the first '='
   * @param value the YAML value after it
   */
  public record Override(String text, ScenarioPath path, JsonNode value) {
    /** Checks the references. */
    public Override {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(value, "value");
    }
  }

  /** One place an override set, to trace errors back to it. */
  private record Placed(Override override, String display) {}

  private Overrides() {}

  /**
   * Loads a scenario file with {@code args} ({@code KEY=VALUE} each) applied; with none, exactly
   * {@link ScenarioLoader#load}. Throws with every problem found.
   */
  public static Scenario load(ScenarioLoader loader, Path file, List<String> args)
      throws ScenarioException {
    if (args == null || args.isEmpty()) {
      return loader.load(file);
    }
    List<ScenarioError> errors = new ArrayList<>();
    List<Override> overrides = new ArrayList<>();
    for (String arg : args) {
      try {
        overrides.add(parse(arg));
      } catch (IllegalArgumentException e) {
        errors.add(
            error(
                arg,
                "",
                e.getMessage(),
                e instanceof ValueRefused v
                    ? v.expected
                    : arg.indexOf('=') < 0 || arg.startsWith("=")
                        ? EXPECTED
                        : ScenarioPath.EXPECTED));
      }
    }
    YamlDocument doc = loader.read(file, "scenario");
    if (!(doc.tree() instanceof ObjectNode tree)) {
      return loader.load(file); // throws the file's own error
    }
    PathResolver resolver = new PathResolver(ScenarioSchema.shared(), "the scenario");
    List<Placed> placed = new ArrayList<>();
    for (Override o : overrides) {
      try {
        for (PathResolver.Target t : resolver.resolve(o.path(), tree)) {
          t.set(o.value());
          String display = Locations.display(t.pointer());
          placed.add(new Placed(o, display));
          // Population messages name a population by its id: placed under that name too.
          String byId = Expansion.byPopulationId(display, tree);
          if (!byId.equals(display)) {
            placed.add(new Placed(o, byId));
          }
        }
      } catch (PathResolver.PathException e) {
        errors.add(error(o.text(), "", e.found(), e.expected()));
      }
    }
    if (!errors.isEmpty()) {
      throw new ScenarioException(errors);
    }
    try {
      return loader.parse(doc.name(), tree);
    } catch (ScenarioException e) {
      Map<String, ScenarioError> traced = new LinkedHashMap<>();
      for (ScenarioError error : e.errors()) {
        ScenarioError t = trace(doc, error, placed);
        traced.putIfAbsent(t.message(), t);
      }
      throw new ScenarioException(List.copyOf(traced.values()));
    }
  }

  /** A value refused as a file's would be (such as {@code 010}), with what was expected. */
  static final class ValueRefused extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    final String expected;

    ValueRefused(String found, String expected) {
      super(found);
      this.expected = expected;
    }
  }

  /** Parses {@code KEY=VALUE}; throws IllegalArgumentException with what is wrong in it. */
  public static Override parse(String arg) {
    int eq = arg.indexOf('=');
    if (eq < 0) {
      throw new IllegalArgumentException("no '=' in '" + arg + "'");
    }
    if (eq == 0) {
      throw new IllegalArgumentException("no key before '='");
    }
    ScenarioPath path = ScenarioPath.parse(arg.substring(0, eq));
    String text = arg.substring(eq + 1);
    JsonNode value;
    try {
      value = text.isBlank() ? null : ScenarioLoader.readValue(text);
    } catch (ScenarioException e) {
      ScenarioError refused = e.errors().get(0);
      throw new ValueRefused(refused.found(), refused.expected());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "the value '"
              + text
              + "', which is not YAML ("
              + firstLine(e.getOriginalMessage())
              + ")");
    }
    if (value == null || value.isMissingNode()) {
      throw new ValueRefused(
          "no value after '=' in '" + arg + "'",
          "a value after '=', YAML such as accumulate, 0.5 or [forum, blog]");
    }
    return new Override(arg, path, value);
  }

  /** Places an error: at the override that caused it, or in the file. */
  private static ScenarioError trace(YamlDocument doc, ScenarioError error, List<Placed> placed) {
    String path = error.path();
    // A member's value comes from its template's: a set into that value's draw or cycle caused it.
    int named = path.indexOf(" (member ");
    String drawn = named < 0 ? null : path.substring(0, named);
    for (int i = placed.size() - 1; i >= 0; i--) {
      String d = placed.get(i).display();
      if (path.equals(d)
          || path.startsWith(d + ".")
          || path.startsWith(d + "[")
          || path.startsWith(d + " (member ")
          || drawn != null && (d.startsWith(drawn + ".draw") || d.startsWith(drawn + ".cycle"))) {
        return error(placed.get(i).override().text(), path, error.found(), error.expected());
      }
    }
    if (error.line() > 0) {
      return error;
    }
    // A population's message names it by id, and may name members after the path: the file
    // position is that of the entry at its index.
    int member = path.indexOf(" (member ");
    String place =
        Expansion.byPopulationIndex(member < 0 ? path : path.substring(0, member), doc.tree());
    return doc.errorAt(pointer(place), path, error.found(), error.expected());
  }

  /** An error that names a {@code --set} argument in place of a file position. */
  private static ScenarioError error(String arg, String path, String found, String expected) {
    return new ScenarioError("--set " + arg, 0, 0, path, found, expected);
  }

  /** A displayed path, such as {@code models[1].crawl}, as a JSON Pointer. */
  private static String pointer(String displayed) {
    StringBuilder b = new StringBuilder();
    for (String part : displayed.split("[.\\[\\]]")) {
      if (!part.isEmpty()) {
        b.append('/').append(part.replace("~", "~0").replace("/", "~1"));
      }
    }
    return b.toString();
  }

  /** The first line of a message. */
  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).strip();
  }
}
