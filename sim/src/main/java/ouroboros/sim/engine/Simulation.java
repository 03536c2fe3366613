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

  /** Where the agents live: null for the clock's children in this JVM. */
  private final Placement placement;

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
    this(threads, containFatalErrors, ConfigFactory.empty(), null);
  }

  /**
   * A simulation whose actor system adds {@code extra} to the usual configuration (a cluster's
   * remoting and serializers) and whose agents live where {@code placement} puts them (null: the
   * clock's children in this JVM). A placement is made from the {@link #system()} afterwards: see
   * {@link #place}.
   */
  public Simulation(int threads, Config extra) {
    this(threads, false, extra, null);
  }

  private Simulation(int threads, boolean containFatalErrors, Config extra, Placement placement) {
    this.placement = placement;
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
                    .withFallback(extra)
                    .withFallback(ActorConfig.of(threads, extra.isEmpty()))
                : extra.withFallback(ActorConfig.of(threads, extra.isEmpty())));
    CoordinatedShutdown.get(system)
        .addTask(
            CoordinatedShutdown.PhaseBeforeServiceUnbind(),
            "ouroboros-fail-the-run",
            () -> {
              stopping.complete(Done.getInstance());
              return CompletableFuture.completedFuture(Done.getInstance());
            });
  }

  /** The same simulation with its agents placed by {@code where} (a cluster's nodes). */
  public Simulation place(Placement where) {
    return new Simulation(this, where);
  }

  private Simulation(Simulation other, Placement placement) {
    this.system = other.system;
    this.placement = java.util.Objects.requireNonNull(placement, "placement");
    other.stopping.whenComplete((d, e) -> stopping.complete(Done.getInstance()));
  }

  /** This simulation's actor system (a cluster node builds its extensions on it). */
  public ActorSystem<SpawnProtocol.Command> system() {
    return system;
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
    return ActorConfig.of(threads, false);
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
    if (placement != null) {
      return runPlaced(world, web, listener, tickInterval, resumption, barrier);
    }
    // In one JVM every read of a snapshot's payloads is an agent's, within the snapshot's tick.
    web.reusePayloads();
    Resumed resumed = resumption == null ? null : restore(world, web, resumption);
    ClockSetup setup =
        new ClockSetup(
            world.ticks(),
            world.phaseTimeout(),
            web,
            listener,
            ctx -> spawnAgents(ctx, world, resumed),
            tickInterval,
            resumed == null ? world.timeline().start() : resumed.schedule(),
            resumed == null ? 0 : resumption.tick() + 1,
            resumed == null ? null : resumed.snapshot(),
            barrier,
            AgentPost.STEPPING);
    return runClock(setup, new CompletableFuture<>());
  }

  /**
   * Runs a world whose agents the {@link Placement} put on other nodes, from tick 0 or, with a
   * {@code resumption}, from the tick after it (restored here once, for the clock and the agents of
   * its own node; each other node restores the web and its agents from it).
   */
  private RunOutcome runPlaced(
      World world,
      WebStore web,
      TickListener listener,
      Duration tickInterval,
      Resumption resumption,
      Barrier barrier) {
    // Checks the checkpoint against the world and restores the clock's web and every agent, before
    // any node: the clock's own node hosts those agents, the other nodes restore their own.
    Resumed resumed = resumption == null ? null : restore(world, web, resumption);
    try {
      placement.prepare(world, resumed);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new RunOutcome(0, "interrupted");
    } catch (Exception e) {
      return new RunOutcome(
          resumption == null ? 0 : resumption.tick() + 1,
          "the cluster could not start the run: " + e.getMessage());
    }
    try {
      return runClock(
          new ClockSetup(
              world.ticks(),
              world.phaseTimeout(),
              web,
              listener,
              ctx -> handles(world, ctx.getSystem().ignoreRef()),
              tickInterval,
              resumed == null ? world.timeline().start() : resumed.schedule(),
              resumed == null ? 0 : resumption.tick() + 1,
              resumed == null ? null : resumed.snapshot(),
              barrier,
              placement.post()),
          placement.lost());
    } finally {
      placement.finish();
    }
  }

  /**
   * Restores the checkpoint {@code resumption} of {@code world} into {@code web}.
   *
   * @throws java.io.UncheckedIOException holding a {@link ResumeRefused} when it does not fit
   */
  private static Resumed restore(World world, WebStore web, Resumption resumption) {
    try {
      return Resumed.of(world, web, resumption);
    } catch (ResumeRefused e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * Spawns the clock of {@code setup}, starts it, and waits for the outcome; when {@code lost}
   * completes first, the clock ends the run with its reason as the failure.
   */
  private RunOutcome runClock(ClockSetup setup, CompletionStage<String> lost) {
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
      lost.thenAccept(reason -> ref.tell(new Clock.Abort(reason)));
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
    List<ActorRef<AgentProtocol.Command>> refs = new ArrayList<>();
    for (int i = 0; i < world.agentCount(); i++) {
      refs.add(spawnAgent(ctx, world, resumed, i));
    }
    return handles(world, refs::get);
  }

  /** The clock's handles on a world's agents, each reached through the same {@code ref}. */
  static List<AgentHandle> handles(World world, ActorRef<Void> ref) {
    ActorRef<AgentProtocol.Command> any = ref.unsafeUpcast();
    return handles(world, i -> any);
  }

  /** The clock's handles on a world's agents, in canonical order. */
  private static List<AgentHandle> handles(
      World world, java.util.function.IntFunction<ActorRef<AgentProtocol.Command>> refs) {
    List<AgentHandle> handles = new ArrayList<>();
    int index = 0;
    for (HumanSettings h : world.humans()) {
      handles.add(new AgentHandle(index, h.id(), refs.apply(index), t -> false));
      index++;
    }
    for (ModelSettings m : world.models()) {
      handles.add(
          new AgentHandle(
              index, m.id(), refs.apply(index), m::retrainsAt, m.initial() == Initial.FIT_TRUTH));
      index++;
    }
    return handles;
  }

  /**
   * Spawns agent {@code index} of {@code world}, new, as a child of {@code ctx}, named {@code
   * agent-INDEX}. A cluster node spawns the agents of its blocks with it, so that an agent is the
   * same actor on every node.
   */
  public static ActorRef<AgentProtocol.Command> spawnAgent(
      ActorContext<?> ctx, World world, int index) {
    return spawnAgent(ctx, world, null, index);
  }

  /**
   * Spawns agent {@code index}, restored from {@code resumed}, or new when it is null (a cluster
   * node that restores its blocks from a checkpoint).
   */
  public static ActorRef<AgentProtocol.Command> spawnAgent(
      ActorContext<?> ctx, World world, Resumed resumed, int index) {
    RngStreams streams =
        world.copies() == null ? new RngStreams(world.seed()) : world.streamsOf(index);
    Domain domain = world.domainOf(index);
    int humans = world.humans().size();
    Behavior<AgentProtocol.Command> behavior;
    if (index < humans) {
      HumanSettings h = world.humans().get(index);
      behavior =
          HumanSource.create(
              index,
              () ->
                  resumed == null
                      ? new HumanCore(index, h, domain, streams)
                      : resumed.human(index));
    } else {
      ModelSettings m = world.models().get(index - humans);
      behavior =
          GenerativeModel.create(
              index,
              () ->
                  resumed == null
                      ? new ModelCore(index, m, domain, streams)
                      : resumed.model(index));
    }
    return ctx.spawn(
        OutOfMemory.guardAgent(AgentProtocol.Command.class, behavior), "agent-" + index);
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
