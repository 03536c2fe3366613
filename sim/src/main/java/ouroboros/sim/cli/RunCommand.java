package ouroboros.sim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import ouroboros.sim.engine.RunOutcome;
import ouroboros.sim.engine.Simulation;
import ouroboros.sim.engine.TickListener;
import ouroboros.sim.engine.World;
import ouroboros.sim.output.RunWriter;
import ouroboros.sim.scenario.Scenario;
import ouroboros.sim.scenario.ScenarioException;
import ouroboros.sim.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ouroboros run SCENARIO}: runs a scenario and writes a run directory. */
@Command(name = "run", description = "Run a scenario and write a run directory.")
final class RunCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Parameters(paramLabel = "SCENARIO", description = "The scenario YAML file.")
  private Path file;

  @Option(names = "--seed", description = "Seed; overrides the scenario's.")
  private Long seed;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Run directory (default: runs/<scenario-name>-<timestamp>).")
  private Path out;

  @Option(names = "--threads", paramLabel = "N",
      description = "Dispatcher threads (default: the number of cores).")
  private Integer threads;

  @Option(names = "--quiet", description = "No progress bar and no summary table.")
  private boolean quiet;

  @Override
  public Integer call() throws IOException {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    Scenario scenario;
    try {
      scenario = new ScenarioLoader().load(file);
    } catch (ScenarioException e) {
      Errors.print(stderr, e);
      return Main.BAD_INPUT;
    }
    int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    if (n < 1) {
      stderr.println("error: --threads: found " + n + ", expected a whole number of at least 1");
      return Main.BAD_INPUT;
    }
    long runSeed = seed != null ? seed
        : scenario.seed() != null ? scenario.seed() : new SecureRandom().nextLong();
    World world = World.of(scenario, runSeed);
    Path dir = out != null ? out : defaultDir(scenario.name());
    if (!quiet) {
      stdout.printf("%s: seed %d, %s, %s, %s, %s%n", scenario.name(), runSeed,
          plural(world.ticks(), "tick"), plural(world.humans().size(), "human source"),
          plural(world.models().size(), "model"), plural(n, "thread"));
      stdout.flush();
    }
    RunOutcome outcome;
    try (RunWriter writer = new RunWriter(dir, world, n);
        Simulation sim = new Simulation(n)) {
      List<TickListener> listeners = new ArrayList<>();
      listeners.add(writer);
      if (!quiet) {
        listeners.add(new ProgressListener(scenario.name(), world.ticks()));
      }
      outcome = sim.run(world, new Listeners(listeners));
      if (!quiet) {
        SummaryTable.print(stdout, world, writer.summary());
      }
    }
    if (!outcome.completed()) {
      stderr.println("error: the run stopped after " + outcome.ticksCompleted() + " ticks: "
          + outcome.failure());
      stderr.println("partial results: " + dir);
      return Main.RUN_FAILED;
    }
    if (!quiet) {
      stdout.println("run directory: " + dir);
    }
    return 0;
  }

  /** "1 tick", "2 ticks". */
  static String plural(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /** runs/NAME-TIMESTAMP, with a suffix when that exists already. */
  private static Path defaultDir(String name) {
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    Path dir = Path.of("runs", name + "-" + stamp);
    for (int i = 2; Files.exists(dir); i++) {
      dir = Path.of("runs", name + "-" + stamp + "-" + i);
    }
    return dir;
  }
}
