package ouroboros.sim.sweep;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import ouroboros.sim.engine.RunOutcome;
import ouroboros.sim.engine.Simulation;
import ouroboros.sim.engine.TickListener;
import ouroboros.sim.engine.TickResult;
import ouroboros.sim.engine.World;
import ouroboros.sim.scenario.compile.WorldCompiler;
import ouroboros.sim.scenario.load.ScenarioLoader;
import ouroboros.sim.scenario.spec.Scenario;

/**
 * The main class of a sweep's run in its own JVM, which {@link ChildRun} starts: {@code ChildMain
 * SCENARIO DIR THREADS} runs the resolved scenario (seed included) into the run directory, as a run
 * of a sweep in the sweep's JVM does ({@link SweepRunner#runOne}), and reports on standard output
 * ({@link ChildRun}). Exit code 0 when the run completed, 1 when it did not; it stops at once when
 * its standard input closes (the sweep that started it is gone).
 */
public final class ChildMain {
  private ChildMain() {}

  /** Entry point. */
  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: ChildMain SCENARIO DIR THREADS");
      System.exit(2);
    }
    Thread watch = new Thread(ChildMain::haltAtEndOfInput, "sweep-run-parent");
    watch.setDaemon(true);
    watch.start();
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    Scenario scenario = new ScenarioLoader().load(Path.of(args[0]));
    World world = WorldCompiler.compile(scenario, scenario.seed());
    int threads = Integer.parseInt(args[2]);
    RunOutcome outcome;
    try (Simulation sim = new Simulation(threads)) {
      outcome = SweepRunner.runOne(sim, scenario, world, threads, Path.of(args[1]), new Ticks(out));
    }
    if (!outcome.completed()) {
      out.println(
          ChildRun.FAILED
              + "\t"
              + outcome.ticksCompleted()
              + "\t"
              + outcome.failure().replace('\n', ' ').replace('\r', ' '));
    }
    out.flush();
    System.exit(outcome.completed() ? 0 : 1);
  }

  /** Halts the JVM when standard input ends: the sweep that keeps it open is gone. */
  private static void haltAtEndOfInput() {
    try {
      while (System.in.read() >= 0) {
        // The sweep writes nothing.
      }
    } catch (IOException e) {
      // Gone as well.
    }
    Runtime.getRuntime().halt(1);
  }

  /** One line per tick. */
  private record Ticks(PrintStream out) implements TickListener {
    @Override
    public void onTick(TickResult result) {
      out.println(ChildRun.TICK);
      out.flush();
    }

    @Override
    public void onFinish(RunOutcome outcome) {}
  }
}
