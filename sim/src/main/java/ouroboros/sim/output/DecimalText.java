package ouroboros.sim.output;

import com.fasterxml.jackson.core.io.NumberOutput;

/**
 * {@code StringBuilder.append(double)}'s text, Java 17's {@link Double#toString}, written faster
 * for the values of metrics.csv. Java 17 writes a double with FloatingDecimal: about 0.4 us a value
 * in [10<sup>-3</sup>, 10<sup>7</sup>), and about 2 us under 10<sup>-3</sup> (in computerized
 * scientific notation, {@code 1.2345E-5}), where it needs arbitrary-precision arithmetic
 * (FDBigInteger). Normal values under 10<sup>7</sup> go to Jackson's Schubfach writer ({@link
 * NumberOutput#toString(double, boolean)}, R. Giulietti, "The Schubfach way to render doubles",
 * 2020), which writes the shortest decimal that reads back as the value, the closest of those, in
 * Double.toString's layout, in about half the time in that range.
 *
 * <p>Java 17's Double.toString is not always that decimal (JDK-4511638, fixed in Java 19). Its
 * digits are Steele and White's free-format ones, which are the shortest and closest but in three
 * cases: a significand that is a power of two (FloatingDecimal takes the rounding interval as
 * symmetric, while the one below is half as wide), a subnormal number, and a decimal that lies on
 * an end of the rounding interval (which Steele and White exclude, and a shortest writer includes
 * for an even significand); integers from 10<sup>15</sup> up take a path of their own as well. The
 * third cannot happen under 10<sup>7</sup>: an end of the interval of a normal {@code v <
 * 2}<sup>24</sup> is an odd multiple of 2<sup>-q</sup> with {@code q >= 30}, whose exact decimal
 * has more than 17 significant digits, and the shortest decimal has at most 17. So Schubfach is
 * used only for normal numbers under 10<sup>7</sup> whose significand is not a power of two.
 * DecimalTextTest compares the two on random values across that range and next to every power of
 * two in it; every other value takes Double.toString's own path.
 */
final class DecimalText {
  /** The magnitude below which the Schubfach path is taken. */
  private static final double FAST_BELOW = 1e7;

  private DecimalText() {}

  /** Appends Double.toString's text of {@code v} to {@code out}. */
  static StringBuilder append(StringBuilder out, double v) {
    return fast(v) ? out.append(NumberOutput.toString(v, true)) : out.append(v);
  }

  /** Double.toString's text of {@code v}. */
  static String text(double v) {
    return fast(v) ? NumberOutput.toString(v, true) : Double.toString(v);
  }

  /**
   * Whether {@code v} takes the Schubfach path: normal, under 10<sup>7</sup>, not 2<sup>k</sup>.
   */
  static boolean fast(double v) {
    double a = Math.abs(v);
    return a >= Double.MIN_NORMAL
        && a < FAST_BELOW
        && (Double.doubleToRawLongBits(v) & ((1L << 52) - 1)) != 0;
  }
}
