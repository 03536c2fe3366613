package ouroboros.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import ouroboros.agents.data.Batch;
import ouroboros.agents.domain.Domain;
import ouroboros.agents.domain.FitException;
import ouroboros.agents.domain.Model;
import ouroboros.agents.model.ModelSettings;
import ouroboros.agents.rng.RngStreams;
import ouroboros.sim.engine.World;
import ouroboros.sim.scenario.compile.WorldCompiler;
import ouroboros.sim.scenario.load.ScenarioLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Fit, sample and evaluate cost of each domain at the sizes its example scenarios use: for every
 * model of every scenario under {@code scenarios/domains/} (and the quickstart), a fit on {@code
 * scrape} truth items, a draw of {@code publish-rate} items from the fitted model, and an
 * evaluation against the truth. Each operation is repeated until it has run for at least the given
 * time (after a warm-up twice as long) and the median of the repetitions is printed. It prints
 * figures and asserts nothing.
 */
@Command(
    name = "domain-benchmark",
    mixinStandardHelpOptions = true,
    description = "Times fit, sample and evaluate for each domain at its example sizes.")
public final class DomainBenchmark implements Callable<Integer> {
  @Option(names = "--millis", description = "time per operation and per warm-up (default 500)")
  long millis = 500;

  /** Where results go, so that the JIT cannot drop the work that made them. */
  private static volatile Object sink;

  @Option(names = "--scenarios", description = "folder of scenarios (default scenarios/domains)")
  Path folder = Path.of("scenarios", "domains");

  /** Entry point. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new DomainBenchmark()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    List<Path> files;
    try (Stream<Path> s = Files.list(folder)) {
      files =
          Stream.concat(
                  Stream.of(Path.of("scenarios", "quickstart.yaml")),
                  s.filter(p -> p.toString().endsWith(".yaml")).sorted())
              .toList();
    }
    System.out.printf(
        Locale.ROOT,
        "%-28s %-18s %-16s %7s %12s %9s %7s %12s %12s%n",
        "scenario",
        "domain",
        "model",
        "fit n",
        "fit us",
        "fit fails",
        "draw k",
        "sample us",
        "evaluate us");
    for (Path file : files) {
      World world = WorldCompiler.compile(new ScenarioLoader().load(file), 1);
      Domain domain = world.domain();
      UniformRandomProvider rng = new RngStreams(1).stream("bench", "draws");
      for (ModelSettings m : world.models()) {
        Batch data = domain.sampleTruth(m.scrape(), rng);
        Model fitted = firstFit(domain, m, rng);
        failures = 0;
        attempts = 0;
        double fit = median(() -> tryFit(domain, data, m));
        double failed = attempts == 0 ? 0 : (double) failures / attempts;
        int k = Math.max(1, m.publishRate());
        double sample = median(() -> domain.sample(fitted, k, m.sampling(), rng));
        double evaluate = median(() -> domain.evaluate(fitted));
        System.out.printf(
            Locale.ROOT,
            "%-28s %-18s %-16s %7d %12.1f %8.0f%% %7d %12.1f %12.1f%n",
            file.getFileName(),
            domain.family(),
            m.id(),
            m.scrape(),
            fit,
            100 * failed,
            k,
            sample,
            evaluate);
      }
    }
    return 0;
  }

  private int failures;
  private int attempts;

  /** A fit, or null when it fails (failures are counted: small samples can be degenerate). */
  private Model tryFit(Domain domain, Batch data, ModelSettings m) {
    attempts++;
    try {
      return domain.fit(data, null, m.estimator());
    } catch (FitException e) {
      failures++;
      return null;
    }
  }

  /** A successful fit on fresh truth items, for the sampling benchmark. */
  private static Model firstFit(Domain domain, ModelSettings m, UniformRandomProvider rng)
      throws FitException {
    FitException last = null;
    for (int i = 0; i < 100; i++) {
      try {
        return domain.fit(domain.sampleTruth(m.scrape(), rng), null, m.estimator());
      } catch (FitException e) {
        last = e;
      }
    }
    throw last;
  }

  /** An operation to time. */
  private interface Op {
    Object run() throws Exception;
  }

  /** Median microseconds per call, after a warm-up. */
  private double median(Op op) throws Exception {
    for (long end = System.nanoTime() + 2 * millis * 1_000_000; System.nanoTime() < end; ) {
      sink = op.run();
    }
    double[] times = new double[100_000];
    int n = 0;
    for (long end = System.nanoTime() + millis * 1_000_000;
        System.nanoTime() < end && n < times.length;
        n++) {
      long t = System.nanoTime();
      sink = op.run();
      times[n] = (System.nanoTime() - t) / 1e3;
    }
    java.util.Arrays.sort(times, 0, n);
    return times[n / 2];
  }
}
