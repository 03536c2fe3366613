package ouroboros.sim.cluster;

import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.Behaviors;

/**
 * On the clock's node: takes a block's {@link BlockEntity.Done} and hands each agent's reply to the
 * clock's adapter, in the block's agent order, as if the agents had answered in this JVM. It keeps
 * no state; the clock's barrier does the counting.
 */
final class Gateway {
  private Gateway() {}

  /** A gateway. */
  static Behavior<BlockEntity.Done> create() {
    return Behaviors.receiveMessage(
        done -> {
          for (Object reply : done.replies()) {
            done.deliverTo().tell(reply);
          }
          return Behaviors.same();
        });
  }
}
