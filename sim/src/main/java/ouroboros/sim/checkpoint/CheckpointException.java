package ouroboros.sim.checkpoint;

/**
 * A checkpoint that cannot be used: written by another version, corrupt, truncated, or of another
 * run. The message says which and names the file; the CLI prints it and exits 2.
 */
public final class CheckpointException extends Exception {
  private static final long serialVersionUID = 1L;

  /** A refusal with its message. */
  public CheckpointException(String message) {
    super(message);
  }
}
