package ouroboros.agents.domain;

/** A fit that failed or diverged. The model keeps its previous parameters and counts it. */
public final class FitException extends Exception {
  private static final long serialVersionUID = 1L;

  /** A failure with a message that says what went wrong. */
  public FitException(String message) {
    super(message);
  }
}
