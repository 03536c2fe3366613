package ouroboros.agents.domain.text;

import java.util.Arrays;

/**
 * A reusable set of next-token outcomes (V words and the end token), as a membership array and a
 * size, so that a model's mass on it can be summed over the model's own successor lists. Not
 * thread-safe; one per evaluation.
 */
final class OutcomeSet {
  private final boolean[] member;
  private int size;

  /** An empty set over {@code outcomes} outcomes. */
  OutcomeSet(int outcomes) {
    member = new boolean[outcomes];
  }

  /** Adds an outcome. */
  void add(int w) {
    if (!member[w]) {
      member[w] = true;
      size++;
    }
  }

  /** Empties the set. */
  void clear() {
    Arrays.fill(member, false);
    size = 0;
  }

  /** Makes this set the complement of {@code other}. */
  void complementOf(OutcomeSet other) {
    for (int w = 0; w < member.length; w++) {
      member[w] = !other.member[w];
    }
    size = member.length - other.size;
  }

  /** Whether {@code w} is in the set. */
  boolean contains(int w) {
    return member[w];
  }

  /** Number of outcomes in the set. */
  int size() {
    return size;
  }
}
