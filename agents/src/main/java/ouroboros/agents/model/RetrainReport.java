package ouroboros.agents.model;

import java.util.List;
import java.util.Objects;
import ouroboros.agents.collapse.Verdict;
import ouroboros.agents.domain.Evaluation;
import ouroboros.agents.pipeline.StageReport;

/**
 * What a model reports after a retrain.
 *
 * @param agent the model's agent index
 * @param id the model's id
 * @param tick the tick of the retrain
 * @param generation generation after the retrain (unchanged when the fit failed)
 * @param fitFailed whether this retrain's fit failed, so that the previous parameters were kept
 * @param failure what went wrong, or the empty string
 * @param fitFailures failures so far, this one included
 * @param scraped items scraped from the web at this retrain
 * @param composition what the training set was made of
 * @param outputDepth synthetic depth of what the model publishes from now on
 * @param evaluation the current model's metrics against the truth; empty while it has none
 * @param verdicts the eight collapse definitions for the current generation; empty before the first
 *     fit
 * @param communityShares each community's share of the model's output (estimated on a fixed-size
 *     sample); empty when the domain has one community or the model has no parameters
 * @param stages what each pipeline stage did with this retrain's gathered items, in order
 */
public record RetrainReport(
    int agent,
    String id,
    int tick,
    int generation,
    boolean fitFailed,
    String failure,
    int fitFailures,
    int scraped,
    Composition composition,
    double outputDepth,
    Evaluation evaluation,
    List<Verdict> verdicts,
    double[] communityShares,
    List<StageReport> stages) {

  /** Output items classified to estimate community shares. */
  public static final int COMMUNITY_SAMPLE = 1000;

  /** Checks the references. */
  public RetrainReport {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(failure, "failure");
    Objects.requireNonNull(composition, "composition");
    Objects.requireNonNull(evaluation, "evaluation");
    verdicts = List.copyOf(verdicts);
    communityShares = communityShares.clone();
    stages = List.copyOf(stages);
  }

  /** A report of a model without a pipeline. */
  public RetrainReport(
      int agent,
      String id,
      int tick,
      int generation,
      boolean fitFailed,
      String failure,
      int fitFailures,
      int scraped,
      Composition composition,
      double outputDepth,
      Evaluation evaluation,
      List<Verdict> verdicts,
      double[] communityShares) {
    this(
        agent,
        id,
        tick,
        generation,
        fitFailed,
        failure,
        fitFailures,
        scraped,
        composition,
        outputDepth,
        evaluation,
        verdicts,
        communityShares,
        List.of());
  }
}
