package ouroboros.sim.cluster;

import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.Behaviors;
import akka.cluster.ClusterEvent;
import akka.cluster.typed.Cluster;
import akka.cluster.typed.Subscribe;
import java.io.PrintWriter;
import java.time.Duration;

/**
 * The clock node's watch on the workers during a run: when a node becomes unreachable or leaves, it
 * says so on the run's log, and that the agents of the blocks it hosted cannot answer, so that the
 * phase timeout that ends the run has its cause next to it (docs/cluster.md, node loss).
 */
final class NodeWatch {
  private NodeWatch() {}

  /**
   * Watches the cluster's members while run {@code run} goes on; {@code phaseTimeout} is named in
   * the message.
   */
  static Behavior<ClusterEvent.ClusterDomainEvent> create(
      String run, Duration phaseTimeout, PrintWriter log) {
    return Behaviors.setup(
        ctx -> {
          Cluster.get(ctx.getSystem())
              .subscriptions()
              .tell(Subscribe.create(ctx.getSelf(), ClusterEvent.ClusterDomainEvent.class));
          return Behaviors.receiveMessage(
              event -> {
                String what = null;
                if (event instanceof ClusterEvent.UnreachableMember u) {
                  what = "node " + u.member().address() + " is unreachable";
                } else if (event instanceof ClusterEvent.MemberRemoved r) {
                  what = "node " + r.member().address() + " left the cluster";
                }
                if (!NodeRuns.get(ctx.getSystem()).has(run)) {
                  return Behaviors.stopped();
                }
                if (what != null) {
                  log.println(
                      "cluster: "
                          + what
                          + "; the agents of its blocks cannot answer, and the run fails when"
                          + " the phase waiting for them times out ("
                          + phaseTimeout.toSeconds()
                          + " s); resume it in one JVM from its last checkpoint with 'ouroboros"
                          + " resume'");
                  log.flush();
                }
                return Behaviors.same();
              });
        });
  }
}
