package ouroboros.agents.data;

/** The kind of an item's author, stored as a byte in the provenance columns. */
public final class AuthorKind {
  /** A human content source (or the uncontaminated human archive). */
  public static final byte HUMAN = 0;

  /** A generative model. */
  public static final byte MODEL = 1;

  private AuthorKind() {}

  /** The lowercase name of a kind code. */
  public static String name(byte kind) {
    return switch (kind) {
      case HUMAN -> "human";
      case MODEL -> "model";
      default -> throw new IllegalArgumentException("unknown author kind: " + kind);
    };
  }
}
