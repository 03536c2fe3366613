package ouroboros.sim.report;

import java.util.Arrays;

/** One metric of one agent over ticks: parallel arrays of ticks and values, in file order. */
final class Series {
  private int[] ticks = new int[16];
  private double[] values = new double[16];
  private int size;

  /** Appends a point. */
  void add(int tick, double value) {
    if (size == ticks.length) {
      ticks = Arrays.copyOf(ticks, 2 * size);
      values = Arrays.copyOf(values, 2 * size);
    }
    ticks[size] = tick;
    values[size] = value;
    size++;
  }

  /** Number of points. */
  int size() {
    return size;
  }

  /** The tick of point {@code i}. */
  int tick(int i) {
    return ticks[i];
  }

  /** The value of point {@code i}. */
  double value(int i) {
    return values[i];
  }

  /** The ticks as a chart's x values (a copy). */
  double[] x() {
    double[] x = new double[size];
    for (int i = 0; i < size; i++) {
      x[i] = ticks[i];
    }
    return x;
  }

  /** The values as a chart's y values (a copy). */
  double[] y() {
    return Arrays.copyOf(values, size);
  }

  /** The last value, or NaN when empty. */
  double last() {
    return size == 0 ? Double.NaN : values[size - 1];
  }

  /** The sum of the finite values. */
  double sum() {
    double s = 0;
    for (int i = 0; i < size; i++) {
      if (Double.isFinite(values[i])) {
        s += values[i];
      }
    }
    return s;
  }

  /** Returned by {@link #firstTick} when no value matches (tick -1 is generation 1 of a fit). */
  static final int NONE = Integer.MIN_VALUE;

  /** The first tick whose value equals {@code v}, or {@link #NONE}. */
  int firstTick(double v) {
    for (int i = 0; i < size; i++) {
      if (values[i] == v) {
        return ticks[i];
      }
    }
    return NONE;
  }
}
