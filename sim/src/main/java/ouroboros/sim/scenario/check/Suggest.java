package ouroboros.sim.scenario.check;

import java.util.Collection;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** "Did you mean" suggestions by edit distance (Commons Text). */
public final class Suggest {
  private static final LevenshteinDistance DISTANCE = new LevenshteinDistance();

  private Suggest() {}

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
