package ouroboros.sim.engine;

import akka.Done;
import akka.actor.CoordinatedShutdown;
import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.Behavior;
import akka.actor.typed.Props;
import akka.actor.typed.SpawnProtocol;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.AskPattern;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import ouroboros.agents.actor.AgentProtocol;
import ouroboros.agents.actor.GenerativeModel;
import ouroboros.agents.actor.HumanSource;
import ouroboros.agents.domain.Domain;
import ouroboros.agents.human.HumanCore;
import ouroboros.agents.human.HumanSettings;
import ouroboros.agents.model.Initial;
import ouroboros.agents.model.ModelCore;
import ouroboros.agents.model.ModelSettings;
import ouroboros.agents.rng.RngStreams;
import ouroboros.sim.web.WebStore;

/**
 * Runs worlds on an actor system. One system can run many worlds, one after another or at once
 * (sweeps and replicate tests reuse the JVM); each run is a {@link Clock} spawned under the
 * system's {@link SpawnProtocol} guardian, with its agents as children.
 */
public final class Simulation implements AutoCloseable {
  private static final AtomicLong RUNS = new AtomicLong();

  private final ActorSystem<SpawnProtocol.Command> system;

  /**
   * Completed when the actor system begins to shut down: after a contained fatal error, or at
   * {@link #close}. An actor that died of a fatal error can keep the system from ever terminating,
   * so the start of the shutdown, not its end, is what a run waits for.
   */
  private final CompletableFuture<Done> stopping = new CompletableFuture<>();

  /** A simulation on its own actor system with {@code threads} dispatcher threads. */
  public Simulation(int threads) {
    this(threads, false);
  }

  /**
   * A simulation on its own actor system with {@code threads} dispatcher threads. With {@code
   * containFatalErrors}, a fatal error inside an actor (an {@link OutOfMemoryError}, say) stops
   * this actor system and fails the run in progress, instead of ending the JVM (Akka's {@code
   * akka.jvm-exit-on-fatal-error}); {@link #isTerminated} then says that this simulation can run
   * nothing more. Sweeps use it so that one run's failure does not end the others.
   */
  public Simulation(int threads, boolean containFatalErrors) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads is not strictly positive: " + threads);
    }
    // Initialise SLF4J on this thread before Akka's threads log, so that it does not print its
    // "intercepted and replayed" warning.
    org.slf4j.LoggerFactory.getLogger(Simulation.class);
    this.system =
        ActorSystem.create(
            SpawnProtocol.create(),
            "ouroboros",
            containFatalErrors
                ? ConfigFactory.parseMap(Map.of("akka.jvm-exit-on-fatal-error", "off"))
                    .withFallback(config(threads))
                : config(threads));
    CoordinatedShutdown.get(system)
        .addTask(
            CoordinatedShutdown.PhaseBeforeServiceUnbind(),
            "ouroboros-fail-the-run",
            () -> {
              stopping.complete(Done.getInstance());
              return CompletableFuture.completedFuture(Done.getInstance());
            });
  }

  /**
   * Whether this simulation's actor system has stopped or is stopping (after a contained fatal
   * error): it runs nothing more.
   */
  public boolean isTerminated() {
    return stopping.isDone() || system.getWhenTerminated().toCompletableFuture().isDone();
  }

  /** The actor configuration for a given thread count; logs only warnings and errors. */
  static Config config(int threads) {
    return ConfigFactory.parseMap(
            Map.of(
                "akka.actor.default-dispatcher.fork-join-executor.parallelism-min", threads,
                "akka.actor.default-dispatcher.fork-join-executor.parallelism-max", threads,
                "akka.actor.default-dispatcher.fork-join-executor.parallelism-factor", 1.0,
                "akka.loglevel", "WARNING",
                "akka.stdout-loglevel", "OFF",
                "akka.log-dead-letters", "off",
                "akka.log-dead-letters-during-shutdown", "off",
                "akka.coordinated-shutdown.exit-jvm", "off",
                // Out-of-memory errors are caught in the actors (OutOfMemory); one that escapes
                // stops the actor system, which ends the run, rather than the whole JVM.
                "akka.jvm-exit-on-fatal-error", "off"))
        .withFallback(ConfigFactory.load());
  }

  /** Runs a world to its end, as fast as it can, and returns how it ended. */
  public RunOutcome run(World world, TickListener listener) {
    return run(world, listener, Duration.ZERO);
  }

  /**
   * Runs a world to its end and returns how it ended; each tick starts at least {@code
   * tickInterval} after the previous one started (zero: as fast as it can).
   */
  public RunOutcome run(World world, TickListener listener, Duration tickInterval) {
    return run(world, listener, tickInterval, null, Barrier.NONE);
  }

  /**
   * Runs a world to its end with checkpoints at the {@code barrier}, from tick 0 or, with a {@code
   * resumption}, from the tick after it (the web, agents and timeline restored first: see {@link
   * Resumed}); returns how it ended.
   *
   * @throws java.io.UncheckedIOException holding a {@link ResumeRefused} when the checkpoint does
   *     not fit the world (before the first tick)
   */
  public RunOutcome run(
      World world,
      TickListener listener,
      Duration tickInterval,
      Resumption resumption,
      Barrier barrier) {
    WebStore web =
        new WebStore(
            world.domain().width(),
            world.sites().size(),
            world.retention(),
            world.siteWeights(),
            world.siteAttachments());
    Clock.Setup setup;
    if (resumption == null) {
      setup =
          new Clock.Setup(
              world.ticks(),
              world.phaseTimeout(),
              web,
              listener,
              ctx -> spawnAgents(ctx, world, null),
              tickInterval,
              world.timeline().start(),
              0,
              null,
              barrier);
    } else {
      Resumed resumed;
      try {
        resumed = Resumed.of(world, web, resumption);
      } catch (ResumeRefused e) {
        throw new java.io.UncheckedIOException(e);
      }
      setup =
          new Clock.Setup(
              world.ticks(),
              world.phaseTimeout(),
              web,
              listener,
              ctx -> spawnAgents(ctx, world, resumed),
              tickInterval,
              resumed.schedule(),
              resumption.tick() + 1,
              resumed.snapshot(),
              barrier);
    }
    Behavior<Clock.Command> clock = OutOfMemory.guardClock(Clock.create(setup));
    String name = "run-" + RUNS.incrementAndGet();
    try {
      ActorRef<Clock.Command> ref =
          AskPattern.<SpawnProtocol.Command, ActorRef<Clock.Command>>ask(
                  system,
                  replyTo -> new SpawnProtocol.Spawn<>(clock, name, Props.empty(), replyTo),
                  Duration.ofSeconds(30),
                  system.scheduler())
              .toCompletableFuture()
              .get(30, TimeUnit.SECONDS);
      CompletionStage<RunOutcome> done =
          AskPattern.ask(ref, Clock.Start::new, Duration.ofDays(24), system.scheduler());
      // A contained fatal error stops the actor system and leaves the ask unanswered.
      Object first =
          CompletableFuture.anyOf(
                  done.toCompletableFuture(),
                  stopping,
                  system.getWhenTerminated().toCompletableFuture())
              .get();
      if (first instanceof RunOutcome outcome) {
        return outcome;
      }
      return new RunOutcome(
          0,
          "the engine stopped on a fatal JVM error, most likely out of memory (max heap "
              + Runtime.getRuntime().maxMemory() / (1024 * 1024)
              + " MB)");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new RunOutcome(0, "interrupted");
    } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
      return new RunOutcome(0, "the engine failed: " + e.getMessage());
    }
  }

  /**
   * Spawns every agent of a world as a child of the clock, in canonical order; each agent builds
   * its core when it starts, on a dispatcher thread (a core depends only on the seed and its own
   * id).
   */
  private static List<AgentHandle> spawnAgents(
      ActorContext<Clock.Command> ctx, World world, Resumed resumed) {
    RngStreams shared = new RngStreams(world.seed());
    List<AgentHandle> handles = new ArrayList<>();
    int index = 0;
    for (HumanSettings h : world.humans()) {
      int at = index;
      Domain domain = world.domainOf(at);
      RngStreams streams = world.copies() == null ? shared : world.streamsOf(at);
      ActorRef<AgentProtocol.Command> ref =
          ctx.spawn(
              OutOfMemory.guardAgent(
                  AgentProtocol.Command.class,
                  HumanSource.create(
                      at,
                      () ->
                          resumed == null
                              ? new HumanCore(at, h, domain, streams)
                              : resumed.human(at))),
              "agent-" + index);
      handles.add(new AgentHandle(index, h.id(), ref, t -> false));
      index++;
    }
    for (ModelSettings m : world.models()) {
      int at = index;
      Domain domain = world.domainOf(at);
      RngStreams streams = world.copies() == null ? shared : world.streamsOf(at);
      ActorRef<AgentProtocol.Command> ref =
          ctx.spawn(
              OutOfMemory.guardAgent(
                  AgentProtocol.Command.class,
                  GenerativeModel.create(
                      at,
                      () ->
                          resumed == null
                              ? new ModelCore(at, m, domain, streams)
                              : resumed.model(at))),
              "agent-" + index);
      handles.add(
          new AgentHandle(index, m.id(), ref, m::retrainsAt, m.initial() == Initial.FIT_TRUTH));
      index++;
    }
    return handles;
  }

  @Override
  public void close() {
    // After a fatal error the system may never finish terminating: do not wait for it long.
    boolean fatal = stopping.isDone();
    system.terminate();
    try {
      system.getWhenTerminated().toCompletableFuture().get(fatal ? 1 : 30, TimeUnit.SECONDS);
    } catch (Exception e) {
      // The JVM is going away or the test is over; nothing else to do.
    }
  }
}
