package ouroboros.agents.pipeline;

import java.util.Arrays;
import java.util.List;

/**
 * How a model's training pool is kept between retrains (SCIENCE.md, after Gerstgrasser et al. 2024,
 * "Is model collapse inevitable?", and Kazdan, Schaeffer et al. 2025).
 */
public enum Regime {
  /** Each generation trains only on the data gathered at its own retrain. */
  REPLACE("replace"),
  /** The pool keeps everything gathered so far, and the model trains on all of it. */
  ACCUMULATE("accumulate"),
  /** The pool accumulates, but each retrain fits on n items drawn from it without replacement. */
  ACCUMULATE_SUBSAMPLE("accumulate-subsample"),
  /** The pool keeps what was gathered in the last W ticks. */
  WINDOW("window");

  /** {@link #keys()}, built once: every model's regime is checked against it. */
  private static final List<String> KEYS = Arrays.stream(values()).map(Regime::key).toList();

  private final String key;

  Regime(String key) {
    this.key = key;
  }

  /** The name used in scenario files. */
  public String key() {
    return key;
  }

  /** Every scenario name, in declaration order. */
  public static List<String> keys() {
    return KEYS;
  }

  /** The regime with the given scenario name. */
  public static Regime of(String key) {
    for (Regime r : values()) {
      if (r.key.equals(key)) {
        return r;
      }
    }
    throw new IllegalArgumentException("unknown regime '" + key + "'; known regimes: " + keys());
  }
}
