package ouroboros.sim.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The agents' states of a checkpoint, written once for the checkpoint file and the parts a cluster
 * sends ({@link Resumption#writeAgents}): they read back as written, and a corrupt length is
 * refused as an {@link IOException} naming it, before anything that size is allocated.
 */
class ResumptionTest {
  private static byte[] written(List<byte[]> agents) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(b)) {
      Resumption.writeAgents(out, agents);
    }
    return b.toByteArray();
  }

  private static List<byte[]> read(byte[] bytes) throws IOException {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      List<byte[]> agents = Resumption.readAgents(in);
      assertEquals(0, in.available(), "read to the end");
      return agents;
    }
  }

  @Test
  void writeAgentsThenRead_sameStates() throws IOException {
    List<byte[]> agents = List.of(new byte[] {1, 2, 3}, new byte[0], new byte[] {-7});
    byte[] bytes = written(agents);
    // the layout of docs/checkpoints.md: the count, then each state's length and bytes
    assertEquals(4 + 3 * 4 + 4, bytes.length);
    List<byte[]> back = read(bytes);
    assertEquals(agents.size(), back.size());
    for (int i = 0; i < agents.size(); i++) {
      assertArrayEquals(agents.get(i), back.get(i), "agent " + i);
    }
    assertTrue(read(written(List.of())).isEmpty());
  }

  @Test
  void readAgents_corruptLength_refused() throws IOException {
    byte[] bytes = written(List.of(new byte[] {1, 2, 3}));
    for (int corrupt : new int[] {-2, 1 << 30, 4}) {
      byte[] c = bytes.clone();
      ByteBuffer.wrap(c).putInt(4, corrupt); // the first state's length
      IOException e = assertThrows(IOException.class, () -> read(c), "length " + corrupt);
      assertTrue(e.getMessage().contains(String.valueOf(corrupt)), e.getMessage());
    }
    byte[] noState = bytes.clone();
    ByteBuffer.wrap(noState).putInt(4, -1);
    assertThrows(IOException.class, () -> read(noState));
    // StateIo's null marker, -1, is no count of agents
    byte[] noCount = bytes.clone();
    ByteBuffer.wrap(noCount).putInt(0, -1);
    IOException e = assertThrows(IOException.class, () -> read(noCount));
    assertTrue(e.getMessage().contains("an agent count of -1"), e.getMessage());
  }
}
