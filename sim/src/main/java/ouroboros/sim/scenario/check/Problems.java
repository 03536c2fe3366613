package ouroboros.sim.scenario.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import ouroboros.sim.scenario.load.Locations;

/**
 * Collects validation problems by JSON Pointer ({@link ouroboros.agents.spec.Problems}), then
 * locates each in the file through the {@link Locations} that the loader recorded while parsing.
 */
public final class Problems extends ouroboros.agents.spec.Problems {

  /**
   * The problems as located errors, sorted by position in the file; the empty text found at an
   * empty list entry ("-" and nothing, bound as '') reads "an empty entry".
   */
  public List<ScenarioError> locate(String file, Locations locations) {
    List<ScenarioError> out = new ArrayList<>();
    for (Problem p : list()) {
      Locations.Position at = p.atKey() ? locations.key(p.pointer()) : locations.find(p.pointer());
      out.add(
          new ScenarioError(
              file,
              at.line(),
              at.column(),
              Locations.display(p.pointer()),
              p.found().equals("''") ? locations.found(p.pointer(), p.found()) : p.found(),
              p.expected()));
    }
    out.sort(Comparator.comparingInt(ScenarioError::line).thenComparingInt(ScenarioError::column));
    return out;
  }
}
