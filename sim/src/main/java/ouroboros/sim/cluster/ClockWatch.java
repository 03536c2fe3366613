package ouroboros.sim.cluster;

import akka.actor.Address;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.Behaviors;
import akka.cluster.ClusterEvent;
import akka.cluster.typed.Cluster;
import akka.cluster.typed.Subscribe;
import java.io.PrintWriter;

/**
 * A worker's watch on the clock's node (the seed): a worker serves the runs of one clock node, so
 * when that node leaves the cluster or becomes unreachable the worker says so and stops its actor
 * system, which ends {@code ouroboros node}. When the worker itself leaves, it says whether the run
 * is over or a signal stopped it.
 */
final class ClockWatch {
  private ClockWatch() {}

  /** Watches the node at {@code clock}; prints to {@code out}. */
  static Behavior<ClusterEvent.ClusterDomainEvent> create(Address clock, PrintWriter out) {
    return Behaviors.setup(
        ctx -> {
          Cluster.get(ctx.getSystem())
              .subscriptions()
              .tell(Subscribe.create(ctx.getSelf(), ClusterEvent.ClusterDomainEvent.class));
          return Behaviors.receiveMessage(
              event -> {
                String why = null;
                if (event instanceof ClusterEvent.MemberUp up
                    && up.member()
                        .address()
                        .equals(Cluster.get(ctx.getSystem()).selfMember().address())) {
                  out.println("node: up in the cluster of " + clock);
                  out.flush();
                } else if (event instanceof ClusterEvent.MemberLeft left
                    && left.member()
                        .address()
                        .equals(Cluster.get(ctx.getSystem()).selfMember().address())) {
                  out.println(
                      "node: "
                          + (bySignal(ctx.getSystem())
                              ? "stopped by a signal (SIGTERM or Ctrl-C)"
                              : "the run is over")
                          + "; leaving the cluster");
                  out.flush();
                  return Behaviors.stopped(); // the leave ends the actor system, gracefully
                } else if (event instanceof ClusterEvent.MemberRemoved removed
                    && removed.member().address().equals(clock)) {
                  why = "the clock's node " + clock + " left the cluster";
                } else if (event instanceof ClusterEvent.UnreachableMember u
                    && u.member().address().equals(clock)) {
                  why = "the clock's node " + clock + " is unreachable";
                  NodeRuns.get(ctx.getSystem()).clockLost();
                }
                if (why != null) {
                  out.println("node: " + why + "; stopping");
                  out.flush();
                  ctx.getSystem().terminate();
                  return Behaviors.stopped(); // said once, not again as the cluster goes
                }
                return Behaviors.same();
              });
        });
  }

  /**
   * Whether this node leaves because its JVM is stopping (SIGTERM, Ctrl-C): Akka's shutdown hook
   * then runs the coordinated shutdown, whose first phases leave the cluster, while a leave the
   * clock's node asks for at the end of a run has not started it yet.
   */
  static boolean bySignal(akka.actor.typed.ActorSystem<?> system) {
    return akka.actor.CoordinatedShutdown.get(system)
        .getShutdownReason()
        .filter(r -> r.equals(akka.actor.CoordinatedShutdown.jvmExitReason()))
        .isPresent();
  }
}
