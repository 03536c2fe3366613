package ouroboros.sim.sweep;

/**
 * Replicate seeds. Replicate r of a cell runs with the (r+1)-th output of a SplitMix64 generator
 * (Steele, Lea and Flood 2014, "Fast splittable pseudorandom number generators") seeded with the
 * cell's seed, so replicates get well-mixed, distinct seeds from one base seed. Every cell with the
 * same seed gets the same replicate seeds: common random numbers, so that differences between cells
 * are not drowned by differences between their random draws.
 */
public final class Seeds {
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private Seeds() {}

  /** The seed of replicate {@code r} (0-based) of a cell whose seed is {@code cellSeed}. */
  public static long replicate(long cellSeed, int r) {
    if (r < 0) {
      throw new IllegalArgumentException("replicate is negative: " + r);
    }
    long z = cellSeed + (r + 1L) * GOLDEN_GAMMA;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
