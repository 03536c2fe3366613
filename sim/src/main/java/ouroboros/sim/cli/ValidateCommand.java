package ouroboros.sim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import ouroboros.sim.scenario.check.ScenarioException;
import ouroboros.sim.scenario.load.ScenarioLoader;
import ouroboros.sim.scenario.path.Overrides;
import ouroboros.sim.scenario.spec.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ouroboros validate FILE [--set KEY=VALUE]...}: checks a scenario, with the overrides
 * {@code run} would apply, without running it.
 */
@Command(name = "validate", description = "Check a scenario file without running it.")
final class ValidateCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Parameters(paramLabel = "SCENARIO", description = "The scenario YAML file.")
  private Path file;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "Override a scenario value before it is checked, as in 'run'. Repeatable.")
  private List<String> sets = new ArrayList<>();

  @Override
  public Integer call() {
    try {
      Scenario s = Overrides.load(new ScenarioLoader(), file, sets);
      spec.commandLine()
          .getOut()
          .printf(
              "ok: %s (%s, %s, %s)%n",
              file,
              RunCommand.plural(s.humans().size(), "human source"),
              RunCommand.plural(s.models().size(), "model"),
              RunCommand.plural(s.ticks(), "tick"));
      return 0;
    } catch (ScenarioException e) {
      Errors.print(spec.commandLine().getErr(), e);
      return Main.BAD_INPUT;
    }
  }
}
