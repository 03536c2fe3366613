package ouroboros.sim.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import ouroboros.sim.scenario.Scenario;
import ouroboros.sim.scenario.ScenarioException;
import ouroboros.sim.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ouroboros validate FILE}: checks a scenario without running it. */
@Command(name = "validate", description = "Check a scenario file without running it.")
final class ValidateCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Parameters(paramLabel = "SCENARIO", description = "The scenario YAML file.")
  private Path file;

  @Override
  public Integer call() {
    try {
      Scenario s = new ScenarioLoader().load(file);
      spec.commandLine().getOut().printf("ok: %s (%s, %s, %s)%n", file,
          RunCommand.plural(s.humans().size(), "human source"),
          RunCommand.plural(s.models().size(), "model"), RunCommand.plural(s.ticks(), "tick"));
      return 0;
    } catch (ScenarioException e) {
      Errors.print(spec.commandLine().getErr(), e);
      return Main.BAD_INPUT;
    }
  }
}
