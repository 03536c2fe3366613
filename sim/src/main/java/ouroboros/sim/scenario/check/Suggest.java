package ouroboros.sim.scenario.check;

import java.util.Collection;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** "Did you mean" suggestions by edit distance (Commons Text). */
public final class Suggest {
  private static final LevenshteinDistance DISTANCE = new LevenshteinDistance();

  private Suggest() {}

  /** Lists of more names than this show the first {@link #SHOWN} and a count. */
  static final int LISTED = 20;

  /** The names a long list shows. */
  static final int SHOWN = 10;

  /**
   * {@code known} as a message lists it, {@code [a, b, c]}; a list of more than {@value #LISTED}
   * names (a population's members, a site per lab) shows its first {@value #SHOWN} and how many
   * more, {@code [lab-0, ..., lab-9, and 990 more]}, so that a message stays one readable line.
   */
  public static String list(Collection<String> known) {
    if (known.size() <= LISTED) {
      return known.toString();
    }
    return "["
        + String.join(", ", known.stream().limit(SHOWN).toList())
        + ", and "
        + (known.size() - SHOWN)
        + " more]";
  }

  /** {@code " (did you mean 'x'?)"} for the closest known name within a few edits, else "". */
  public static String didYouMean(String value, Collection<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String k : known.stream().sorted().toList()) {
      int d = DISTANCE.apply(value, k);
      if (d < bestDistance) {
        best = k;
        bestDistance = d;
      }
    }
    int allowed = Math.max(2, value.length() / 3);
    return best != null && bestDistance <= allowed ? " (did you mean '" + best + "'?)" : "";
  }
}
