package ouroboros.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.rng.UniformRandomProvider;
import ouroboros.agents.data.AuthorKind;
import ouroboros.agents.data.Items;
import ouroboros.agents.domain.gaussian.GaussianDomain;
import ouroboros.agents.domain.gaussian.GaussianModel;
import ouroboros.agents.rng.RngStreams;
import ouroboros.sim.web.WebStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * P3's publish phase without actors: what sampling, appending and sealing cost per item, so that
 * {@link EngineBenchmark}'s publish-phase figure can be split into the web's and the sampler's work
 * and the rest (messages, scheduling, waiting for a core).
 *
 * <p>Each tick, every agent draws its items from the Gaussian truth N(0, 1) (the engine's draw
 * loop, {@code ZigguratSampler.NormalizedGaussian} on an {@code L64_X128_MIX} stream of its own)
 * and wraps them as {@link Items#uniform}, as {@code ModelCore.publish} does; the agents are split
 * into {@code --threads} contiguous blocks drawn in parallel. Then the calling thread appends every
 * contribution in canonical order and seals the snapshot ({@link WebStore#appendAndSeal}), as the
 * clock does. Retention is {@code all}, as in {@link EngineBenchmark}.
 *
 * <p>It prints one line per pass: wall and CPU nanoseconds per item of the sampling and of the seal
 * (CPU from {@link ThreadMXBean}: the sampling threads' and the sealing thread's own time, GC
 * threads excluded), and the items per second of sample + append + seal in wall time. The first
 * pass includes the JIT warm-up; the last line is the fastest pass.
 */
@Command(
    name = "publish-benchmark",
    mixinStandardHelpOptions = true,
    description = "Times sampling, appending and sealing a tick's items, without actors.")
public final class PublishBenchmark implements Callable<Integer> {
  @Option(names = "--agents", description = "agents publishing each tick (default 1010)")
  int agents = 1010;

  @Option(names = "--items", description = "items per agent per tick (default 100)")
  int items = 100;

  @Option(names = "--ticks", description = "ticks per pass (default 100)")
  int ticks = 100;

  @Option(names = "--threads", description = "sampling threads (default 2)")
  int threads = 2;

  @Option(names = "--passes", description = "repetitions of the whole run (default 5)")
  int passes = 5;

  @Option(names = "--seed", description = "seed (default 42)")
  long seed = 42;

  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  /** Entry point. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new PublishBenchmark()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    if (agents < 1 || items < 1 || ticks < 1 || threads < 1 || passes < 1) {
      throw new CommandLine.ParameterException(
          new CommandLine(this), "every option must be at least 1");
    }
    GaussianModel truth = GaussianModel.of(new double[] {0}, new double[][] {{1}});
    GaussianDomain domain = new GaussianDomain(truth);
    double total = (double) agents * items * ticks;
    double best = 0;
    double bestSample = 0;
    double bestSeal = 0;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int pass = 1; pass <= passes; pass++) {
        RngStreams streams = new RngStreams(seed + pass);
        UniformRandomProvider[] rng = new UniformRandomProvider[agents];
        for (int a = 0; a < agents; a++) {
          rng[a] = streams.stream("agent-" + a, "publish");
        }
        WebStore web = new WebStore(1, 1, WebStore.KEEP_ALL);
        long sampleWall = 0;
        long sampleCpu = 0;
        long sealWall = 0;
        long sealCpu = 0;
        for (int t = 0; t < ticks; t++) {
          Items[] contributions = new Items[agents];
          long w0 = System.nanoTime();
          sampleCpu += sample(pool, domain, rng, t, contributions);
          long w1 = System.nanoTime();
          long c1 = CPU.getCurrentThreadCpuTime();
          web.appendAndSeal(t, contributions);
          sealCpu += CPU.getCurrentThreadCpuTime() - c1;
          long w2 = System.nanoTime();
          sampleWall += w1 - w0;
          sealWall += w2 - w1;
        }
        double rate = total / ((sampleWall + sealWall) / 1e9);
        if (rate > best) {
          best = rate;
          bestSample = sampleCpu / total;
          bestSeal = sealCpu / total;
        }
        System.out.printf(
            Locale.ROOT,
            "pass %d: sample %.2f ns/item wall, %.2f CPU; append+seal %.2f ns/item wall,"
                + " %.2f CPU; %.1f M items/s%n",
            pass,
            sampleWall / total,
            sampleCpu / total,
            sealWall / total,
            sealCpu / total,
            rate / 1e6);
      }
    } finally {
      pool.shutdownNow();
    }
    System.out.printf(
        Locale.ROOT,
        "RESULT publish %.2f M items/s, CPU ns/item sample %.2f seal %.2f (fastest of %d passes;"
            + " %d agents x %d items, %d threads)%n",
        best / 1e6,
        bestSample,
        bestSeal,
        passes,
        agents,
        items,
        threads);
    return 0;
  }

  /** Draws one tick's contributions on the pool; returns the CPU nanoseconds the draws took. */
  private long sample(
      ExecutorService pool,
      GaussianDomain domain,
      UniformRandomProvider[] rng,
      int tick,
      Items[] out)
      throws Exception {
    List<Future<Long>> parts = new ArrayList<>(threads);
    for (int p = 0; p < threads; p++) {
      int from = (int) ((long) agents * p / threads);
      int to = (int) ((long) agents * (p + 1) / threads);
      parts.add(
          pool.submit(
              () -> {
                long c0 = CPU.getCurrentThreadCpuTime();
                for (int a = from; a < to; a++) {
                  out[a] =
                      Items.uniform(
                          domain.sampleTruth(items, rng[a]),
                          a,
                          AuthorKind.MODEL,
                          tick,
                          1,
                          1f,
                          (short) 0);
                }
                return CPU.getCurrentThreadCpuTime() - c0;
              }));
    }
    long cpu = 0;
    for (Future<Long> f : parts) {
      cpu += f.get();
    }
    return cpu;
  }
}
