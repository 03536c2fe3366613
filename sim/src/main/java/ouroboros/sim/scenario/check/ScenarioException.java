package ouroboros.sim.scenario.check;

import java.util.List;
import java.util.stream.Collectors;

/** A scenario file was rejected. Carries every problem found, each with its location. */
public final class ScenarioException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient List<ScenarioError> errors;

  /** A rejection with at least one error. */
  public ScenarioException(List<ScenarioError> errors) {
    super(errors.stream().map(ScenarioError::message).collect(Collectors.joining("\n")));
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("a scenario rejection needs at least one error");
    }
    this.errors = List.copyOf(errors);
  }

  /** The problems, in file order where known. */
  public List<ScenarioError> errors() {
    return errors;
  }
}
