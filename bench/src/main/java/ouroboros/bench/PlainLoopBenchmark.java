package ouroboros.bench;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.SplitMix64;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * P2's baseline: the recursive Gaussian loop of P1 (N chains, M items a generation, G generations,
 * replace, MLE variance) as one plain Java loop on one thread, with the samplers the engine uses
 * (an {@code L64_X128_MIX} stream per chain, {@code ZigguratSampler.NormalizedGaussian} scaled by
 * the fit's standard deviation). No actors, no web, no metrics.
 *
 * <p>It runs the whole loop {@code --passes} times in one JVM, each pass with fresh streams, and
 * prints one line per pass and then the fastest: {@code RESULT plain-loop <seconds> <us per
 * chain-generation>}. The first pass includes the JIT warm-up; the fastest is the baseline P2
 * compares the engine against.
 */
@Command(
    name = "plain-loop-benchmark",
    mixinStandardHelpOptions = true,
    description = "Runs P1's Gaussian loop as a plain Java loop and prints its time.")
public final class PlainLoopBenchmark implements Callable<Integer> {
  @Option(names = "--chains", description = "independent chains (default 1000)")
  int chains = 1000;

  @Option(names = "--samples", description = "M: items drawn per generation (default 100)")
  int samples = 100;

  @Option(names = "--generations", description = "G: fits per chain (default 100)")
  int generations = 100;

  @Option(names = "--passes", description = "repetitions of the whole loop (default 3)")
  int passes = 3;

  @Option(names = "--seed", description = "seed (default 42)")
  long seed = 42;

  /** Entry point. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new PlainLoopBenchmark()).execute(args));
  }

  @Override
  public Integer call() {
    if (chains < 1 || samples < 2 || generations < 1 || passes < 1) {
      throw new CommandLine.ParameterException(
          new CommandLine(this),
          "--chains, --generations"
              + " and --passes must be at least 1 and --samples at least 2: "
              + chains
              + ", "
              + generations
              + ", "
              + passes
              + ", "
              + samples);
    }
    double work = (double) chains * generations;
    double best = Double.MAX_VALUE;
    double sink = 0;
    for (int p = 0; p < passes; p++) {
      long t0 = System.nanoTime();
      sink += run(p);
      double s = (System.nanoTime() - t0) / 1e9;
      best = Math.min(best, s);
      System.out.printf(
          Locale.ROOT,
          "# pass %d: %.4f s, %.3f us per chain-generation%n",
          p + 1,
          s,
          s / work * 1e6);
    }
    System.out.printf(
        Locale.ROOT, "# checksum %.6f (sum over passes and chains of the last variances)%n", sink);
    System.out.printf(Locale.ROOT, "RESULT plain-loop %.4f %.4f%n", best, best / work * 1e6);
    return 0;
  }

  /** One pass over every chain; returns the sum of the last variances (so nothing is dead code). */
  private double run(int pass) {
    double sink = 0;
    for (int c = 0; c < chains; c++) {
      ZigguratSampler.NormalizedGaussian normal =
          ZigguratSampler.NormalizedGaussian.of(stream(pass, c));
      double mean = 0;
      double sd = 1;
      for (int g = 0; g < generations; g++) {
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < samples; i++) {
          double x = mean + sd * normal.sample();
          sum += x;
          sumSq += x * x;
        }
        mean = sum / samples;
        double variance = Math.max(0, sumSq / samples - mean * mean); // MLE: divided by M
        sd = Math.sqrt(variance);
      }
      sink += sd * sd;
    }
    return sink;
  }

  /** An {@code L64_X128_MIX} stream per (pass, chain), seeded from a SplitMix64 as the engine's. */
  private UniformRandomProvider stream(int pass, int chain) {
    SplitMix64 mixer = new SplitMix64(seed ^ (((long) pass << 32) | chain) * 0x9E3779B97F4A7C15L);
    mixer.nextLong();
    long[] words = {mixer.nextLong(), mixer.nextLong(), mixer.nextLong(), mixer.nextLong()};
    return RandomSource.L64_X128_MIX.create(words);
  }
}
