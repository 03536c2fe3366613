package ouroboros.agents.model;

/** What a model is before its first retrain. */
public enum Initial {
  /** No parameters: the model publishes nothing until its first successful fit. */
  NONE,
  /** The truth itself, as if pre-trained on unlimited human data. Generation 0. */
  TRUTH
}
