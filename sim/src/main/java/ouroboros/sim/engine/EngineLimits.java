package ouroboros.sim.engine;

/**
 * The largest settings the engine accepts, checked before a run starts so that no setting can fail
 * inside the clock.
 *
 * <p>Durations: Akka's default scheduler ({@code LightArrayRevolverScheduler}, tick duration 10 ms)
 * refuses a timer more than {@code Int.MaxValue} ticks away, about 248.5 days, and says the longest
 * delay it takes is {@value #MAX_DELAY_SECONDS} seconds. A phase timeout and the wait between two
 * paced ticks are timers, so neither may exceed it.
 *
 * <p>Threads: Java's fork-join pool, Akka's default dispatcher, takes at most 32767 threads; far
 * fewer than that already cost more in memory and switching than they give, so a run takes at most
 * {@value #MAX_THREADS}.
 */
public final class EngineLimits {
  /** The longest timer the clock starts, in seconds: what Akka's scheduler says it accepts. */
  public static final long MAX_DELAY_SECONDS = 21_474_835L;

  /** The most dispatcher threads of one run. */
  public static final int MAX_THREADS = 1024;

  private EngineLimits() {}
}
