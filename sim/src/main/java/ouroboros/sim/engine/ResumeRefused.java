package ouroboros.sim.engine;

import java.io.IOException;

/**
 * A checkpoint that passed its checksum but does not fit the run it is to resume: a web or an agent
 * state that the scenario cannot take (which only a checkpoint tampered with, or written by a build
 * that claims to be this one, can hold). It is refused before the first tick, as bad input; the
 * message names the agent.
 */
public final class ResumeRefused extends IOException {
  private static final long serialVersionUID = 1L;

  /** A refusal that says what does not fit. */
  public ResumeRefused(String message) {
    super(message);
  }
}
