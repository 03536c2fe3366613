package ouroboros.sim.scenario.load;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import ouroboros.sim.scenario.check.ScenarioError;
import ouroboros.sim.scenario.check.ScenarioException;
import ouroboros.sim.scenario.population.Expansion;
import ouroboros.sim.scenario.spec.Scenario;

/**
 * A scenario's unknown keys, all of them in one pass: binding takes each out of the tree as it
 * finds it, and goes on, so that the file's other problems are reported with them (one unknown key
 * used to hide everything else, the other unknown keys included).
 */
final class UnknownKeys {
  /** The most unknown keys one pass reports. */
  private static final int MAX_UNKNOWN_KEYS = 100;

  private UnknownKeys() {}

  /**
   * Binds {@code tree}, taking each unknown key out of it as binding finds it and adding its error
   * to {@code unknown}, so that the rest of the file is bound and checked in the same pass; an
   * empty list entry is bound as nothing, likewise; a binding error of another kind ends it, after
   * them.
   */
  static Scenario bind(
      ObjectMapper mapper,
      String name,
      ObjectNode tree,
      Locations locations,
      List<ScenarioError> unknown)
      throws ScenarioException {
    for (int taken = unknown.size(); ; taken++) {
      try (JsonParser parser = mapper.treeAsTokens(tree)) {
        return mapper.readValue(parser, Scenario.class);
      } catch (UnrecognizedPropertyException e) {
        unknown.addAll(LoadErrors.fromBinding(name, e, locations).errors());
        if (taken >= MAX_UNKNOWN_KEYS || !remove(tree, LoadErrors.pointer(e.getPath()))) {
          throw Expansion.byPopulationId(new ScenarioException(unknown), tree);
        }
      } catch (JsonMappingException e) {
        List<ScenarioError> all = new ArrayList<>(unknown);
        all.addAll(LoadErrors.fromBinding(name, e, locations, tree).errors());
        if (taken >= MAX_UNKNOWN_KEYS
            || !emptied(tree, LoadErrors.pointer(e.getPath()), locations)) {
          throw Expansion.byPopulationId(new ScenarioException(all), tree);
        }
        if (!(e instanceof InvalidTypeIdException)) {
          unknown.add(all.get(all.size() - 1)); // a typed entry's validator says it (below)
        }
      } catch (IOException e) {
        throw LoadErrors.fail(
            name, 0, 0, "", "a tree that cannot be read (" + e.getMessage() + ")", "a scenario");
      }
    }
  }

  /**
   * Binds an empty list entry ("-" and nothing, the empty text that a value's binding refuses) at
   * {@code pointer} in {@code tree} as nothing, for the validator's checks of the rest; whether it
   * was one.
   */
  static boolean emptied(ObjectNode tree, String pointer, Locations locations) {
    int slash = pointer.lastIndexOf('/');
    if (!locations.emptyEntry(pointer) || slash <= 0) {
      return false;
    }
    int index = Integer.parseInt(pointer.substring(slash + 1));
    if (!(tree.at(pointer.substring(0, slash)) instanceof ArrayNode list)
        || index >= list.size()
        || list.get(index).isNull()) {
      return false; // not a list entry, or already nothing: binding it as nothing failed too
    }
    list.set(index, NullNode.getInstance());
    return true;
  }

  /** Removes the key at {@code pointer} from {@code tree}; whether there was one. */
  static boolean remove(ObjectNode tree, String pointer) {
    int slash = pointer.lastIndexOf('/');
    if (slash < 0) {
      return false;
    }
    JsonNode parent = slash == 0 ? tree : tree.at(pointer.substring(0, slash));
    String key = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
    return parent instanceof ObjectNode o && o.remove(key) != null;
  }

  /**
   * The problems of the rest of the file, {@code others}, but those of an entry as a whole that has
   * an unknown key ({@code unknown}): such a problem (a timeline event with no event left) most
   * likely comes from that key. Problems of the entry's keys (a required one missing) stay.
   */
  static List<ScenarioError> besides(List<ScenarioError> unknown, List<ScenarioError> others) {
    Set<String> entries = new HashSet<>();
    unknown.forEach(u -> entries.add(u.path()));
    List<ScenarioError> out = new ArrayList<>();
    for (ScenarioError e : others) {
      if (!entries.contains(e.path())) {
        out.add(e);
      }
    }
    return out;
  }
}
