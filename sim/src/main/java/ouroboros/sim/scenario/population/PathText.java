package ouroboros.sim.scenario.population;

import com.fasterxml.jackson.databind.JsonNode;
import ouroboros.sim.scenario.load.Locations;

/** How pointers and values read in population messages. */
final class PathText {
  private PathText() {}

  /** How a tree value reads in a message. */
  static String describe(JsonNode v) {
    if (v == null || v.isNull() || v.isMissingNode()) {
      return "nothing";
    }
    if (v.isTextual()) {
      return "'" + v.asText() + "'";
    }
    if (v.isArray()) {
      return v.isEmpty() ? "an empty list" : "a list";
    }
    return v.isObject() ? "a mapping" : v.asText();
  }

  /**
   * A pointer under {@code /populations/K} as displayed, the population named by its id: {@code
   * populations[labs].template.regime}.
   */
  static String display(String pointer, int k, String id) {
    String shown = Locations.display(pointer);
    String index = "populations[" + k + "]";
    if (id != null && id.matches(Expansion.ID) && shown.startsWith(index)) {
      return "populations[" + id + "]" + shown.substring(index.length());
    }
    return shown;
  }
}
