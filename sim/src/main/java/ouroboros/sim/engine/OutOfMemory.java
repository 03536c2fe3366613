package ouroboros.sim.engine;

import akka.actor.typed.Behavior;
import akka.actor.typed.BehaviorInterceptor;
import akka.actor.typed.Signal;
import akka.actor.typed.SupervisorStrategy;
import akka.actor.typed.TypedActorContext;
import akka.actor.typed.javadsl.Behaviors;

/**
 * A run that runs out of memory ends as a failed run, not as a dead JVM. Akka treats an {@link
 * OutOfMemoryError} as fatal: by default it prints a stack trace and exits the JVM with 255 ({@code
 * akka.jvm-exit-on-fatal-error}). So every actor of a run is wrapped in a guard that catches the
 * error where it is thrown, before Akka sees it: an agent then fails with this exception (the clock
 * hears of it and ends the run, naming the agent, the phase and the tick), and the clock, when the
 * error is its own, tells itself to stop. The failure's text starts with {@link #PHRASE} and names
 * the maximum heap ({@link Runtime#maxMemory()}), so that the command line can give the user a
 * hint; see {@link RunOutcome#outOfMemory()}.
 */
public final class OutOfMemory extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** How every out-of-memory failure's text begins. */
  public static final String PHRASE = "out of memory: the Java heap";

  /** Memory set aside at start and given back at the first out-of-memory error, for the files. */
  private static volatile byte[] reserve = new byte[1 << 20];

  private OutOfMemory(OutOfMemoryError cause) {
    super(describe(cause), cause);
  }

  /** "out of memory: the Java heap (maximum 64 MB) is full (Java heap space)". */
  public static String describe(OutOfMemoryError e) {
    return PHRASE
        + " (maximum "
        + maxHeapMegabytes()
        + " MB) is full"
        + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
  }

  /** The JVM's maximum heap in megabytes ({@link Runtime#maxMemory()}). */
  public static long maxHeapMegabytes() {
    return Runtime.getRuntime().maxMemory() >> 20;
  }

  /** Frees the reserve, so that the run's files can still be finished. */
  private static void release() {
    reserve = null;
  }

  /**
   * An agent's behaviour whose out-of-memory errors fail the agent with {@link OutOfMemory}, which
   * is not logged (the clock reports it).
   */
  static <T> Behavior<T> guardAgent(Class<T> type, Behavior<T> behavior) {
    Behavior<T> guarded = Behaviors.intercept(() -> new Guard<>(type, null), behavior);
    return Behaviors.supervise(guarded)
        .onFailure(OutOfMemory.class, SupervisorStrategy.stop().withLoggingEnabled(false));
  }

  /** The clock's behaviour, which on an out-of-memory error of its own tells itself to abort. */
  static Behavior<Clock.Command> guardClock(Behavior<Clock.Command> behavior) {
    return Behaviors.intercept(
        () -> new Guard<>(Clock.Command.class, reason -> new Clock.Abort(reason)), behavior);
  }

  /** Catches out-of-memory errors in an actor's start, messages and signals. */
  private static final class Guard<T> extends BehaviorInterceptor<T, T> {
    private final java.util.function.Function<String, T> abort;
    private boolean aborted;

    /** With {@code abort} null, the actor fails; else it tells itself {@code abort(reason)}. */
    Guard(Class<T> type, java.util.function.Function<String, T> abort) {
      super(type);
      this.abort = abort;
    }

    @Override
    public Behavior<T> aroundStart(TypedActorContext<T> ctx, PreStartTarget<T> target) {
      try {
        return target.start(ctx);
      } catch (OutOfMemoryError e) {
        release();
        throw new OutOfMemory(e);
      }
    }

    @Override
    public Behavior<T> aroundReceive(TypedActorContext<T> ctx, T msg, ReceiveTarget<T> target) {
      try {
        return target.apply(ctx, msg);
      } catch (OutOfMemoryError e) {
        return handle(ctx, e);
      }
    }

    @Override
    public Behavior<T> aroundSignal(
        TypedActorContext<T> ctx, Signal signal, SignalTarget<T> target) {
      try {
        return target.apply(ctx, signal);
      } catch (OutOfMemoryError e) {
        return handle(ctx, e);
      }
    }

    private Behavior<T> handle(TypedActorContext<T> ctx, OutOfMemoryError e) {
      release();
      if (abort == null) {
        throw new OutOfMemory(e);
      }
      if (aborted) {
        // Aborting ran out of memory too: let Akka stop the actor system, which ends the run.
        throw e;
      }
      aborted = true;
      ctx.asJava().getSelf().tell(abort.apply(describe(e)));
      return Behaviors.same();
    }
  }
}
