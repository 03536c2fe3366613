package ouroboros.sim.report;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.DoublePredicate;
import java.util.stream.IntStream;

/**
 * Each model's latest value at each tick, for the charts that sum up many models over ticks (the
 * run report's median and band, the sweep report's mean over the kept models). A model has a row
 * only at the ticks it reports, e.g. every other tick with {@code retrain-every: 2}: grouping by
 * tick alone would take the median over whichever models reported at that tick, and a mix of
 * cadences would zigzag. Here every model counts at every tick from its first row on, with the
 * value of its latest row at or before that tick (a retired model keeps its last value, as its
 * model does); a model counts nowhere before its first row. The cost is one pass over the ticks
 * with a cursor per model, and scratch space for one tick's values.
 */
final class LatestValues {
  private LatestValues() {}

  /** What is done with the values at one tick. */
  interface Sink {
    /**
     * Takes the values at {@code tick}, {@code values[0]} to {@code values[n - 1]}, in model order;
     * the array is reused for the next tick.
     */
    void accept(double tick, double[] values, int n);
  }

  /**
   * For each tick at which some model has a row, in ascending order, hands {@code sink} the value
   * of each model's latest row at or before it that {@code keep} accepts (a model whose latest row
   * {@code keep} refuses, e.g. NaN, is left out at that tick). {@code x.get(j)} and {@code
   * y.get(j)} are model j's ticks and values, in any order; of two rows at the same tick the later
   * counts.
   */
  static void each(List<double[]> x, List<double[]> y, DoublePredicate keep, Sink sink) {
    int models = x.size();
    double[][] xs = new double[models][];
    double[][] ys = new double[models][];
    for (int j = 0; j < models; j++) {
      xs[j] = x.get(j);
      ys[j] = y.get(j);
      if (!ascending(xs[j])) {
        Integer[] order = IntStream.range(0, xs[j].length).boxed().toArray(Integer[]::new);
        double[] xj = xs[j];
        Arrays.sort(order, Comparator.comparingDouble(i -> xj[i]));
        xs[j] = new double[order.length];
        ys[j] = new double[order.length];
        for (int i = 0; i < order.length; i++) {
          xs[j][i] = xj[order[i]];
          ys[j][i] = y.get(j)[order[i]];
        }
      }
    }
    double[] ticks = ticks(xs);
    int[] next = new int[models];
    double[] values = new double[models];
    for (double t : ticks) {
      int n = 0;
      for (int j = 0; j < models; j++) {
        double[] xj = xs[j];
        int i = next[j];
        while (i < xj.length && xj[i] <= t) {
          i++;
        }
        next[j] = i;
        if (i > 0 && keep.test(ys[j][i - 1])) {
          values[n++] = ys[j][i - 1];
        }
      }
      sink.accept(t, values, n);
    }
  }

  /** Whether {@code x} never goes down. */
  private static boolean ascending(double[] x) {
    for (int i = 1; i < x.length; i++) {
      if (x[i] < x[i - 1]) {
        return false;
      }
    }
    return true;
  }

  /**
   * The distinct ticks of all models' rows, ascending ({@code xs} each ascending): the first
   * model's when every model has the same ticks (the models of a run mostly do), without sorting
   * every point.
   */
  static double[] ticks(double[][] xs) {
    if (xs.length == 0) {
      return new double[0];
    }
    boolean shared = true;
    int points = 0;
    for (double[] x : xs) {
      shared &= Arrays.equals(x, xs[0]);
      points += x.length;
    }
    double[] all;
    if (shared) {
      all = xs[0].clone();
    } else {
      all = new double[points];
      int m = 0;
      for (double[] x : xs) {
        System.arraycopy(x, 0, all, m, x.length);
        m += x.length;
      }
      Arrays.sort(all);
    }
    int n = 0;
    for (int i = 0; i < all.length; i++) {
      if (n == 0 || Double.compare(all[n - 1], all[i]) != 0) {
        all[n++] = all[i];
      }
    }
    return Arrays.copyOf(all, n);
  }
}
