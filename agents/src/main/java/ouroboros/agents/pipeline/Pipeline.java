package ouroboros.agents.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import ouroboros.agents.data.Items;

/**
 * A model's training-data pipeline: its stages in order, applied to the items gathered at each
 * retrain (fresh and scraped) before they enter the training pool, so that each item is judged
 * once. Counts every stage's traffic and confusion against true provenance. Not thread-safe.
 */
public final class Pipeline {
  private final List<Stage> stages;

  /** A pipeline of the given stages; empty passes everything through. */
  public Pipeline(List<Stage> stages) {
    this.stages = List.copyOf(stages);
  }

  /** Builds one model's stages from their plans; stage k draws from {@code envs.get(k)}. */
  public static Pipeline build(List<StagePlan> plans, List<StageEnv> envs) {
    if (plans.size() != envs.size()) {
      throw new IllegalArgumentException(plans.size() + " plans but " + envs.size() + " envs");
    }
    List<Stage> stages = new ArrayList<>(plans.size());
    for (int k = 0; k < plans.size(); k++) {
      stages.add(Objects.requireNonNull(plans.get(k).create(envs.get(k)), "stage " + k));
    }
    return new Pipeline(stages);
  }

  /**
   * The pipeline with new plans: stage k is kept, with whatever it holds (a reserve, its stream's
   * position), when its plan is the very same object as before, and built anew from {@code
   * envs.get(k)} otherwise. What a timeline's change of a stage parameter does.
   */
  public Pipeline rebuilt(List<StagePlan> oldPlans, List<StagePlan> newPlans, List<StageEnv> envs) {
    if (oldPlans.size() != stages.size() || newPlans.size() != envs.size()) {
      throw new IllegalArgumentException(
          stages.size()
              + " stages, "
              + oldPlans.size()
              + " old plans, "
              + newPlans.size()
              + " new plans and "
              + envs.size()
              + " envs");
    }
    List<Stage> out = new ArrayList<>(newPlans.size());
    for (int k = 0; k < newPlans.size(); k++) {
      boolean same = k < oldPlans.size() && oldPlans.get(k) == newPlans.get(k);
      out.add(
          same
              ? stages.get(k)
              : Objects.requireNonNull(newPlans.get(k).create(envs.get(k)), "stage " + k));
    }
    return new Pipeline(out);
  }

  /** Whether there are no stages. */
  public boolean isEmpty() {
    return stages.isEmpty();
  }

  /** The result of a pipeline run: what goes into the pool, and one report per stage. */
  public record Result(TrainingData data, List<StageReport> reports) {}

  /** Runs every stage on the gathered items. */
  public Result run(Items gathered) {
    TrainingData data = TrainingData.of(gathered);
    List<StageReport> reports = new ArrayList<>(stages.size());
    for (int k = 0; k < stages.size(); k++) {
      Stage stage = stages.get(k);
      int in = data.size();
      int humanIn = humans(data.items(), in);
      Stage.Output out = stage.apply(data);
      int kept = out.data().size() - out.added();
      if (kept < 0 || kept > in) {
        throw new IllegalStateException(
            "stage " + stage.name() + " passed on " + kept + " of " + in + " items");
      }
      int humanKept = humans(out.data().items(), kept);
      reports.add(
          new StageReport(
              k + 1,
              stage.name(),
              in,
              kept,
              in - kept,
              out.added(),
              humanIn - humanKept,
              kept - humanKept,
              humanIn));
      data = out.data();
    }
    return new Result(data, reports);
  }

  /** Human items (depth 0) among the first {@code n}. */
  private static int humans(Items items, int n) {
    int h = 0;
    for (int i = 0; i < n; i++) {
      h += items.synthetic(i) ? 0 : 1;
    }
    return h;
  }
}
