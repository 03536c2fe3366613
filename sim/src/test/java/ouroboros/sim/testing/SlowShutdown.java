package ouroboros.sim.testing;

import ouroboros.sim.cli.Main;

/**
 * The command line ({@link Main}) in a JVM whose shutdown takes {@value #DELAY_MILLIS} ms longer: a
 * shutdown hook of its own sleeps that long, so that after a signal the main thread goes on past
 * the run while the JVM is shutting down, as it does on a loaded machine when the run's own hooks
 * are slow (a large graph to finish). For {@link ChildJvm}, to test what a command does then.
 */
public final class SlowShutdown {
  /** How long the added hook keeps the JVM from halting. */
  static final long DELAY_MILLIS = 4000;

  private SlowShutdown() {}

  /** Adds the slow hook, then runs the command line. */
  public static void main(String[] args) {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    Thread.sleep(DELAY_MILLIS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                },
                "ouroboros-test-slow-shutdown"));
    Main.main(args);
  }
}
