package ouroboros.sim.cli;

import java.io.PrintWriter;
import ouroboros.sim.scenario.check.ScenarioError;
import ouroboros.sim.scenario.check.ScenarioException;

/** Prints a rejected scenario's errors, one per line, with no stack trace. */
final class Errors {
  private Errors() {}

  /** One {@code error: file:line:col: path: found X, expected Y} line per problem. */
  static void print(PrintWriter err, ScenarioException e) {
    for (ScenarioError error : e.errors()) {
      err.println("error: " + error.message());
    }
    err.flush();
  }

  /**
   * Prints {@code instead} as the one error, when it is not null (the file is of the other kind,
   * {@link FileKinds}), else each of the scenario's errors.
   */
  static void print(PrintWriter err, ScenarioException e, String instead) {
    if (instead == null) {
      print(err, e);
      return;
    }
    err.println("error: " + instead);
    err.flush();
  }
}
