package ouroboros.sim.scenario.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import ouroboros.agents.spec.Spec;
import ouroboros.sim.scenario.check.Problems;

/**
 * Web retention: keep the last {@code ticks} ticks, or everything ({@code all}). In YAML it is
 * either a whole number or the word {@code all}.
 *
 * @param ticks ticks kept, 0 for all
 */
@Spec(
    name = "retention",
    doc =
        "How many ticks the web keeps: a whole number of at least 1 keeps the last that many "
            + "ticks; 'all' keeps everything.",
    schema =
        """
        {"oneOf": [{"type": "integer", "minimum": 1}, {"const": "all"}], "default": "all"}
        """)
public record Retention(int ticks) {
  /** Keep everything. */
  public static final Retention ALL = new Retention(0);

  /** Binds {@code all} or a whole number; anything else is rejected with what was expected. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static Retention parse(Object value) {
    if ("all".equals(value)) {
      return ALL;
    }
    if (value instanceof Integer i) {
      if (i < 1) {
        throw new IllegalArgumentException(
            "found " + i + ", expected a whole number of at least 1 " + "or 'all'");
      }
      return new Retention(i);
    }
    throw new IllegalArgumentException(
        "found " + Problems.describe(value) + ", expected a whole number of ticks or 'all'");
  }

  /** The YAML form. */
  @JsonValue
  public Object value() {
    return ticks == 0 ? "all" : ticks;
  }
}
