package ouroboros.sim.scenario.load;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * YAML 1.1's base-60 numbers ({@code 1:30} is 90, {@code 1:30.5} is 90.5), which a YAML 1.1 reader
 * takes silently for a number: a scenario refuses them where it expects a number, saying what YAML
 * 1.1 would have read, as it refuses a leading zero (octal).
 */
final class Sexagesimal {
  /** YAML 1.1's sexagesimal integer and float forms. */
  private static final Pattern FORM =
      Pattern.compile("[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?");

  private Sexagesimal() {}

  /** Whether {@code text} is a base-60 number of YAML 1.1. */
  static boolean is(String text) {
    return text != null && FORM.matcher(text).matches();
  }

  /** What is expected instead of the base-60 {@code text}: a number written without ':'. */
  static String expected(String text, boolean whole) {
    String value = value(text).toPlainString();
    return (whole ? "a whole number" : "a number")
        + " without ':' (YAML 1.1 reads "
        + text
        + " as the base-60 number "
        + value
        + "; write "
        + value
        + " for that number)";
  }

  /** The value YAML 1.1 gives a base-60 number. */
  private static BigDecimal value(String text) {
    String t = text.replace("_", "");
    boolean negative = t.startsWith("-");
    if (t.startsWith("-") || t.startsWith("+")) {
      t = t.substring(1);
    }
    BigDecimal v = BigDecimal.ZERO;
    for (String part : t.split(":")) {
      v = v.multiply(BigDecimal.valueOf(60)).add(new BigDecimal(part));
    }
    v = v.stripTrailingZeros();
    if (v.scale() < 0) {
      v = v.setScale(0);
    }
    return negative ? v.negate() : v;
  }
}
