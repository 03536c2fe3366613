package ouroboros.sim.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import ouroboros.sim.engine.Resumption;

/**
 * After a node loss every node is sent the checkpoint in parts that each fit one Artery message:
 * cut at any size and put back together, the parts give the same checkpoint; missing parts are
 * refused, not read as a shorter checkpoint.
 */
class CheckpointPartsTest {
  private static Resumption checkpoint(int webBytes, int... agentBytes) {
    Random r = new Random(webBytes);
    byte[] web = new byte[webBytes];
    r.nextBytes(web);
    List<byte[]> agents = new ArrayList<>();
    for (int n : agentBytes) {
      byte[] a = new byte[n];
      r.nextBytes(a);
      agents.add(a);
    }
    return new Resumption(41, web, agents);
  }

  @Test
  void splitThenJoin_anyPartSize_sameCheckpoint() {
    Resumption c = checkpoint(100_003, 17, 0, 5_000);
    for (int part : new int[] {1, 7, 4096, 100_000, 1 << 22}) {
      List<byte[]> parts = CheckpointParts.split(c, part);
      for (byte[] p : parts) {
        assertTrue(p.length <= part, part + ": a part of " + p.length);
      }
      Resumption back = CheckpointParts.join(parts);
      assertEquals(41, back.tick());
      assertArrayEquals(c.web(), back.web(), "part size " + part);
      assertEquals(c.agents().size(), back.agents().size());
      for (int i = 0; i < c.agents().size(); i++) {
        assertArrayEquals(c.agents().get(i), back.agents().get(i), "agent " + i);
      }
    }
  }

  @Test
  void split_largerThanOneFrame_manyPartsEachWithinAFrame() {
    Resumption big = checkpoint(ClusterNode.MAX_FRAME + 1, 10, 10);
    List<byte[]> parts = CheckpointParts.split(big, CheckpointParts.DEFAULT_PART);
    assertEquals(5, parts.size());
    for (byte[] p : parts) {
      assertTrue(p.length < ClusterNode.MAX_FRAME);
    }
  }

  @Test
  void join_aPartMissing_refused() {
    List<byte[]> parts = new ArrayList<>(CheckpointParts.split(checkpoint(10_000, 3), 1000));
    parts.remove(parts.size() / 2);
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> CheckpointParts.join(parts));
    assertTrue(e.getMessage().contains("incomplete") || e.getMessage().contains("more than"));
  }
}
