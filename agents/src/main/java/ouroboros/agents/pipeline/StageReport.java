package ouroboros.agents.pipeline;

import java.util.Objects;

/**
 * What one pipeline stage did at one retrain, counted against true provenance (which a real filter
 * never sees). Human items are those of synthetic depth 0; every other item is synthetic, whoever
 * published it.
 *
 * @param position 1-based position of the stage in the pipeline
 * @param stage the stage's registered name
 * @param in items received from the previous stage
 * @param kept items received and passed on
 * @param dropped items received and removed: {@code in - kept}
 * @param added items the stage added (a reserve of human data)
 * @param falsePositives human items dropped
 * @param falseNegatives synthetic items kept
 * @param humanIn human items received
 */
public record StageReport(
    int position,
    String stage,
    int in,
    int kept,
    int dropped,
    int added,
    int falsePositives,
    int falseNegatives,
    int humanIn) {

  /** Checks the counts add up. */
  public StageReport {
    Objects.requireNonNull(stage, "stage");
    if (kept + dropped != in) {
      throw new IllegalArgumentException("kept " + kept + " + dropped " + dropped + " != in " + in);
    }
  }

  /** Items passed to the next stage: kept plus added. */
  public int out() {
    return kept + added;
  }

  /** Synthetic items dropped: true positives. */
  public int truePositives() {
    return dropped - falsePositives;
  }

  /** Human items kept: true negatives. */
  public int trueNegatives() {
    return kept - falseNegatives;
  }
}
