package ouroboros.sim.scenario.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import ouroboros.sim.scenario.check.ScenarioError;

/**
 * A YAML file read strictly by {@link ScenarioLoader#read}, as a tree, with where each of its keys
 * and values sits, so that checks done on the tree can still name the line and column.
 *
 * @param name the file as the user named it
 * @param tree the document
 * @param locations the position of every key and value, by JSON Pointer
 */
public record YamlDocument(String name, JsonNode tree, Locations locations) {

  /** Checks the references. */
  public YamlDocument {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(tree, "tree");
    Objects.requireNonNull(locations, "locations");
  }

  /** An error at the value a JSON Pointer names (or its nearest ancestor's). */
  public ScenarioError errorAt(String pointer, String path, String found, String expected) {
    Locations.Position at = locations.find(pointer);
    return new ScenarioError(name, at.line(), at.column(), path, found, expected);
  }

  /** An error at the key a JSON Pointer names, such as {@code /grid/seed}. */
  public ScenarioError errorAtKey(String pointer, String path, String found, String expected) {
    Locations.Position at = locations.key(pointer);
    return new ScenarioError(name, at.line(), at.column(), path, found, expected);
  }
}
