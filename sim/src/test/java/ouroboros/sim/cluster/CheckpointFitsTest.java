package ouroboros.sim.cluster;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import ouroboros.sim.engine.Resumption;

/**
 * After a node loss every node is sent the checkpoint in one Artery message: one that cannot fit is
 * refused before any node is asked, with a message that says how to finish the run.
 */
class CheckpointFitsTest {
  private static final int FRAME = 16 << 20;

  @Test
  void checkFits_checkpointLargerThanTheFrame_refusedNamingResume() {
    Resumption big = new Resumption(5, new byte[FRAME], List.of(new byte[10], new byte[10]));
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class, () -> ClusterPlacement.checkFits(big, "name: x", FRAME));
    assertTrue(e.getMessage().contains("the checkpoint after tick 5 holds 17 MiB"), e.getMessage());
    assertTrue(e.getMessage().contains("'ouroboros resume DIR'"), e.getMessage());
  }

  @Test
  void checkFits_smallCheckpointOrNone_accepted() {
    Resumption small = new Resumption(5, new byte[1 << 20], List.of(new byte[1 << 20]));
    assertDoesNotThrow(() -> ClusterPlacement.checkFits(small, "name: x", FRAME));
    assertDoesNotThrow(() -> ClusterPlacement.checkFits(null, "name: x", FRAME));
  }
}
