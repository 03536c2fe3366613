package ouroboros.agents.domain.regression;

import java.util.Arrays;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import ouroboros.agents.domain.Baseline;
import ouroboros.agents.domain.FitException;
import ouroboros.agents.rng.Normals;

/**
 * Definition 4's baseline of the fixed-design regression: the risk of the least-squares fit on n
 * fresh truth items, as {@link Baseline#refitting} computes it, with the same draws and the same
 * doubles, in O(n d) time instead of O(n d^2) and without the n items.
 *
 * <p>{@link RegressionDomain#sampleTruth} labels floor(n/T) full cycles of the design, then n mod T
 * rows chosen afresh. The normal equations' X'X adds the items' products in item order, and over
 * the full cycles it depends on n alone, not on the draws; so this keeps the running sums after
 * each full cycle (the state {@link LeastSquares#solve} reaches after those items, the same sums in
 * the same order), extends them one cycle at a time as n grows, adds the chosen rows' products
 * after them, and accumulates X'y item by item from the labels x.w* (computed once per row) plus
 * the noise, drawn in the same order as {@code sampleTruth} draws it. Not thread-safe: one per
 * model, as {@link Baseline} says.
 */
final class RegressionBaseline implements Baseline {
  private final RegressionDomain domain;
  private final double ridge;
  private final double[] design;
  private final int rows;
  private final int d;

  /**
   * The lower triangle of X'X summed over {@link #cycles} full cycles of the design, in order; null
   * until a call needs a full cycle (8 d^2 bytes, which a model that never gathers T items, or
   * never asks, does not hold).
   */
  private double[][] cycled;

  private int cycles;

  /** The baseline of a domain whose design values are all finite, fitted with ridge lambda. */
  RegressionBaseline(RegressionDomain domain, double ridge) {
    this.domain = Objects.requireNonNull(domain, "domain");
    this.ridge = ridge;
    this.design = domain.designValues();
    this.rows = domain.rows();
    this.d = domain.dimension();
  }

  @Override
  public double risk(int n, UniformRandomProvider rng) throws FitException {
    if (n < 1) {
      throw new FitException("too few items to fit: " + n);
    }
    int full = n / rows;
    int cycledItems = n - n % rows;
    int[] chosen = cycledItems < n ? domain.choose(n - cycledItems, rng) : null;
    ZigguratSampler.NormalizedGaussian normal = Normals.of(rng);
    double sd = domain.noiseSd();
    double[] moment = new double[d];
    int bad = -1;
    double badLabel = 0;
    int row = 0; // k mod T over the full cycles, without a division per item
    for (int k = 0; k < n; k++) {
      int r;
      if (k < cycledItems) {
        r = row;
        row = row + 1 == rows ? 0 : row + 1;
      } else {
        r = chosen[k - cycledItems];
      }
      double y = domain.truthFit(r) + sd * normal.sample();
      if (!Double.isFinite(y)) {
        // The refit draws all n labels before its solve fails: draw on, to leave the stream where
        // the refit leaves it.
        if (bad < 0) {
          bad = k;
          badLabel = y;
        }
        continue;
      }
      int at = r * d;
      for (int a = 0; a < d; a++) {
        moment[a] += design[at + a] * y;
      }
    }
    if (bad >= 0) {
      throw new FitException("label of item " + bad + " is not finite: " + badLabel);
    }
    double[][] gram = gramOfCycles(full);
    if (chosen != null) {
      for (int r : chosen) {
        addRow(gram, r);
      }
    }
    RegressionModel fit = RegressionModel.of(LeastSquares.finish(gram, moment, n, ridge));
    return domain.risk(fit);
  }

  /** A copy of X'X's lower triangle summed over {@code full} cycles, extending the kept sums. */
  private double[][] gramOfCycles(int full) {
    if (full == 0) {
      return new double[d][d];
    }
    if (cycled == null) {
      cycled = new double[d][d];
    } else if (full < cycles) {
      for (double[] row : cycled) {
        Arrays.fill(row, 0);
      }
      cycles = 0;
    }
    for (; cycles < full; cycles++) {
      for (int r = 0; r < rows; r++) {
        addRow(cycled, r);
      }
    }
    double[][] copy = new double[d][];
    for (int a = 0; a < d; a++) {
      copy[a] = cycled[a].clone();
    }
    return copy;
  }

  /** Whether the sums of full cycles are held: for tests. */
  boolean keepsCycles() {
    return cycled != null;
  }

  /** Adds design row r's products to the lower triangle of g, as {@link LeastSquares} does. */
  private void addRow(double[][] g, int r) {
    LeastSquares.addRow(g, design, r * d, d, 1.0);
  }
}
