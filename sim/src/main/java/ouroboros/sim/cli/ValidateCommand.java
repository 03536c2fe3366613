package ouroboros.sim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import ouroboros.sim.scenario.check.ScenarioException;
import ouroboros.sim.scenario.load.ScenarioLoader;
import ouroboros.sim.scenario.path.Overrides;
import ouroboros.sim.scenario.path.Timelines;
import ouroboros.sim.scenario.spec.Scenario;
import ouroboros.sim.sweep.SweepFile;
import ouroboros.sim.sweep.SweepPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ouroboros validate FILE [--set KEY=VALUE]...}: checks a scenario, with the overrides
 * {@code run} would apply, without running it. A sweep file (one with a top-level {@code base:}
 * key, {@link FileKinds}) is checked as {@code sweep} checks it before its first run ({@link
 * SweepPlan#check}): the sweep's own keys, its paths, and every cell's scenario.
 */
@Command(
    name = "validate",
    description =
        "Check a scenario file, or a sweep file and every cell of it, without running it.")
final class ValidateCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The scenario or sweep YAML file.")
  private Path file;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description =
          "Override a scenario value before it is checked, as in 'run'. Repeatable. Not for a"
              + " sweep file.")
  private List<String> sets = new ArrayList<>();

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    try {
      if (FileKinds.isSweep(file)) {
        if (!sets.isEmpty()) {
          err.println(
              "error: --set: found a sweep file, "
                  + file
                  + ", expected a scenario (a sweep varies values in its own grid)");
          return Main.BAD_INPUT;
        }
        SweepPlan plan = SweepPlan.check(SweepFile.read(file));
        SweepFile sweep = plan.sweep();
        out.printf(
            "ok: %s (sweep %s: %s x %s = %s of %s)%n",
            file,
            sweep.name(),
            Commands.plural(sweep.cells().size(), "cell"),
            Commands.plural(sweep.replicates(), "replicate"),
            Commands.plural(sweep.cells().size() * sweep.replicates(), "run"),
            sweep.base());
        return 0;
      }
      Scenario s = Overrides.load(new ScenarioLoader(), file, sets);
      out.printf("ok: %s (%s)%n", file, counts(s));
      return 0;
    } catch (ScenarioException e) {
      Errors.print(err, e);
      return Main.BAD_INPUT;
    }
  }

  /**
   * The scenario's human sources, models and ticks, as the run builds them: with {@code copies:}
   * the world holds R times the agents, so each count reads "3 models x 1000 copies = 3000 models".
   * The models include those the timeline releases, which the run spawns at its start.
   */
  static String counts(Scenario s) {
    Integer r = s.copies() == null ? null : s.copies().count();
    int models = Timelines.allModels(s.models(), s.timeline()).size();
    return times(s.humans().size(), r, "human source")
        + ", "
        + times(models, r, "model")
        + ", "
        + Commands.plural(s.ticks(), "tick");
  }

  /** "3 models", or with R copies "3 models x R copies = 3R models" (none stays none). */
  private static String times(int n, Integer copies, String noun) {
    if (copies == null || n == 0) {
      return Commands.plural(n, noun);
    }
    return Commands.plural(n, noun)
        + " x "
        + copies
        + (copies == 1 ? " copy" : " copies")
        + " = "
        + Commands.plural((long) n * copies, noun);
  }
}
