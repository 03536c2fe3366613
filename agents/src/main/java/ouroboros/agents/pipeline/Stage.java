package ouroboros.agents.pipeline;

/**
 * One step of a model's training-data pipeline: a plain-Java policy that filters, adds to or
 * weights the items a model gathered at a retrain. A stage keeps the items it does not drop in
 * their order, and appends what it adds after them. One instance per model; it may keep state (a
 * reserve, a random stream) and is not thread-safe.
 */
public interface Stage {

  /** The registered name, for metrics and messages. */
  String name();

  /** Applies the stage to what the previous stage passed on. */
  Output apply(TrainingData in);

  /**
   * What a stage passes on.
   *
   * @param data the kept items in their order, then the added items
   * @param added how many items at the end of {@code data} the stage added
   */
  record Output(TrainingData data, int added) {

    /** Output that only kept or dropped items. */
    public static Output filtered(TrainingData data) {
      return new Output(data, 0);
    }
  }
}
