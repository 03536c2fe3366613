package ouroboros.sim.output;

import com.fasterxml.jackson.core.io.NumberOutput;

/**
 * {@code StringBuilder.append(double)}'s text, Java 17's {@link Double#toString}, written faster
 * for the small values of metrics.csv. Java 17 writes a magnitude under 10<sup>-3</sup> (in
 * computerized scientific notation, {@code 1.2345E-5}) with arbitrary-precision arithmetic
 * (FloatingDecimal's FDBigInteger): about 2 us a value against 0.4 us for [10<sup>-3</sup>,
 * 10<sup>7</sup>), so that a sixth of a run's decimal values cost about half of their formatting.
 * Those go to Jackson's Schubfach writer ({@link NumberOutput#toString(double, boolean)}, R.
 * Giulietti, "The Schubfach way to render doubles", 2020), which writes the shortest decimal that
 * reads back as the value, in Double.toString's layout.
 *
 * <p>Java 17's Double.toString is not always that shortest decimal (JDK-4511638, fixed in Java 19):
 * it writes more digits, or another last digit, for integers from 10<sup>15</sup> up, for powers of
 * two and for subnormal numbers. Schubfach is used only where no such difference is known: normal
 * numbers under 10<sup>-3</sup> whose significand is not a power of two. DecimalTextTest compares
 * the two on random values across that range and next to every power of two in it, where the
 * differences lie; every other value takes Double.toString's own path.
 */
final class DecimalText {
  private DecimalText() {}

  /** Appends Double.toString's text of {@code v} to {@code out}. */
  static StringBuilder append(StringBuilder out, double v) {
    return fast(v) ? out.append(NumberOutput.toString(v, true)) : out.append(v);
  }

  /**
   * Whether {@code v} takes the Schubfach path: normal, under 10<sup>-3</sup>, not 2<sup>k</sup>.
   */
  static boolean fast(double v) {
    double a = Math.abs(v);
    return a >= Double.MIN_NORMAL
        && a < 1e-3
        && (Double.doubleToRawLongBits(v) & ((1L << 52) - 1)) != 0;
  }
}
