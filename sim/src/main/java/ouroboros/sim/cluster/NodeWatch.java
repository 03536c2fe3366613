package ouroboros.sim.cluster;

import akka.actor.Address;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.Behaviors;
import akka.cluster.ClusterEvent;
import akka.cluster.typed.Cluster;
import akka.cluster.typed.Subscribe;
import java.util.function.BiConsumer;

/**
 * The clock node's watch on the workers during a run: when a node becomes unreachable or leaves, it
 * hands the node's address to the run's placement ({@link ClusterPlacement}), which ends the run at
 * once and says which blocks the node held; the split-brain resolver downs the node (see {@link
 * ClusterNode#config}) and the run goes on from its last checkpoint on the survivors
 * (docs/cluster.md, node loss). It stops once the run has ended on this node.
 */
final class NodeWatch {
  private NodeWatch() {}

  /** Watches the cluster's members while run {@code run} goes on; tells {@code lost} of a loss. */
  static Behavior<ClusterEvent.ClusterDomainEvent> create(
      String run, BiConsumer<Address, String> lost) {
    return Behaviors.setup(
        ctx -> {
          Cluster cluster = Cluster.get(ctx.getSystem());
          cluster
              .subscriptions()
              .tell(Subscribe.create(ctx.getSelf(), ClusterEvent.ClusterDomainEvent.class));
          Address self = cluster.selfMember().address();
          return Behaviors.receiveMessage(
              event -> {
                if (!NodeRuns.get(ctx.getSystem()).has(run)) {
                  return Behaviors.stopped();
                }
                Address node = null;
                String how = null;
                if (event instanceof ClusterEvent.UnreachableMember u) {
                  node = u.member().address();
                  how = "unreachable";
                } else if (event instanceof ClusterEvent.MemberLeft l) {
                  // A worker stopped gracefully (SIGTERM): its blocks were handed over, without
                  // their agents' state, before it left.
                  node = l.member().address();
                  how = "left the cluster";
                } else if (event instanceof ClusterEvent.MemberRemoved r) {
                  node = r.member().address();
                  how = "removed";
                }
                if (node != null && !node.equals(self)) {
                  lost.accept(node, how);
                }
                return Behaviors.same();
              });
        });
  }
}
