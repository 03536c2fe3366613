package ouroboros.agents.domain.kde;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The kernel of a KDE, in bandwidth units u = ((x_j - p_j) / h_j)_j: the standard normal, or the
 * uniform density on the unit ball ({@code tophat}, as scikit-learn's {@code KernelDensity}: 1 /
 * V_d inside ||u|| &lt; 1 and 0 outside, where V_d = pi^(d/2) / Gamma(d/2 + 1) is the unit ball's
 * volume).
 */
public enum Kernel {
  /** The standard normal kernel. */
  GAUSSIAN,
  /** The uniform kernel on the unit ball. */
  TOPHAT;

  /** The scenario name: the constant in lower case. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Every scenario name, in declared order. */
  public static List<String> names() {
    return Arrays.stream(values()).map(Kernel::key).toList();
  }

  /** The kernel with a scenario name; call on a validated name. */
  public static Kernel of(String key) {
    for (Kernel k : values()) {
      if (k.key().equals(key)) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown kernel '" + key + "'; known: " + names());
  }
}
