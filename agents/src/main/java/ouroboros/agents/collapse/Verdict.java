package ouroboros.agents.collapse;

import java.util.Objects;

/**
 * One definition's state for a model at a generation.
 *
 * @param definition which definition
 * @param number the number behind the verdict; NaN when it does not apply (yet)
 * @param state whether it fires, or does not apply
 */
public record Verdict(Definition definition, double number, State state) {

  /** A verdict's three states. */
  public enum State {
    /** The definition applies and fires. */
    YES,
    /** The definition applies and does not fire. */
    NO,
    /** The definition does not apply in this domain, or not yet (too few generations). */
    NOT_APPLICABLE;

    /** 1, 0, or NaN for metrics.csv. */
    public double value() {
      return this == YES ? 1 : this == NO ? 0 : Double.NaN;
    }

    /** {@code yes}, {@code no} or {@code n/a}. */
    public String label() {
      return this == YES ? "yes" : this == NO ? "no" : "n/a";
    }
  }

  /** Checks the references. */
  public Verdict {
    Objects.requireNonNull(definition, "definition");
    Objects.requireNonNull(state, "state");
  }

  /** Each definition's verdict that it does not apply, by ordinal: one per definition. */
  private static final Verdict[] NOT_APPLICABLE = new Verdict[Definition.values().length];

  static {
    for (Definition d : Definition.values()) {
      NOT_APPLICABLE[d.ordinal()] = new Verdict(d, Double.NaN, State.NOT_APPLICABLE);
    }
  }

  /** A definition that does not apply: the one shared verdict of it (verdicts are immutable). */
  static Verdict notApplicable(Definition d) {
    return NOT_APPLICABLE[d.ordinal()];
  }

  /** A verdict on a number. */
  static Verdict of(Definition d, double number, boolean fires) {
    return new Verdict(d, number, fires ? State.YES : State.NO);
  }
}
