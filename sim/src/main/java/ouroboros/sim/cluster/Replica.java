package ouroboros.sim.cluster;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import ouroboros.agents.data.Items;
import ouroboros.sim.engine.ResumeRefused;
import ouroboros.sim.engine.Resumed;
import ouroboros.sim.engine.Resumption;
import ouroboros.sim.engine.World;
import ouroboros.sim.web.Snapshot;
import ouroboros.sim.web.WebStore;

/**
 * One node's replica of the web of a run. A worker appends each tick's contributions, in canonical
 * order, to its own {@link WebStore} and seals the same snapshot S_t as the clock; on the clock's
 * node the clock's own snapshots are offered instead. Blocks ask for the snapshot of a tick and get
 * it once it is sealed: the broadcast of a tick and the calls to blocks travel on different paths,
 * so a call may arrive first. Only the two latest snapshots are kept (publish at t reads S_{t-1},
 * retrain at t reads S_t); snapshots are immutable, so blocks on any thread may read them.
 */
final class Replica {
  private final World world;
  private final WebStore web;
  private final Map<Integer, CompletableFuture<Snapshot>> sealed = new ConcurrentHashMap<>();

  /** An empty replica for {@code world}; null web on the clock's node, which offers snapshots. */
  Replica(World world, boolean fedByClock) {
    this.world = world;
    this.web = fedByClock ? null : store(world);
  }

  private static WebStore store(World world) {
    return new WebStore(
        world.domain().width(),
        world.sites().size(),
        world.retention(),
        world.siteWeights(),
        world.siteAttachments());
  }

  /**
   * Restores this empty replica's web from a checkpoint's, makes its last snapshot the one of the
   * checkpoint's tick, and rebuilds every agent from it (as {@code ouroboros resume} does), for the
   * node's blocks to take (a worker).
   */
  Resumed resume(Resumption from) throws ResumeRefused {
    Objects.requireNonNull(web, "the clock's node takes the checkpoint the clock restored");
    return resumeAt(Resumed.of(world, web, from));
  }

  /**
   * Makes the snapshot of {@code resumed}, a checkpoint the clock restored on this node, the one of
   * the checkpoint's tick, which the blocks read until the clock offers the next tick's; the blocks
   * take their agents from {@code resumed} (the clock's node).
   */
  Resumed resumeAt(Resumed resumed) {
    offer(resumed.resumption().tick(), resumed.snapshot());
    return resumed;
  }

  /** The snapshot sealed at {@code tick}, now or when it is. */
  CompletionStage<Snapshot> snapshot(int tick) {
    return future(tick);
  }

  /** Appends a tick's contributions and seals its snapshot (a worker). */
  synchronized void seal(int tick, Items[] contributions) {
    Objects.requireNonNull(web, "the clock's node seals no broadcast");
    offer(tick, web.appendAndSeal(tick, contributions));
  }

  /** Makes {@code snapshot} the one of {@code tick}, and forgets those before {@code tick - 1}. */
  void offer(int tick, Snapshot snapshot) {
    future(tick).complete(snapshot);
    sealed.keySet().removeIf(t -> t < tick - 1);
  }

  private CompletableFuture<Snapshot> future(int tick) {
    return sealed.computeIfAbsent(tick, t -> new CompletableFuture<>());
  }
}
