package ouroboros.sim.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import ouroboros.sim.cli.Main;
import ouroboros.sim.testing.Repo;

/**
 * Issue 13: the cluster's addresses and block size, and the errors of its options, without a
 * cluster.
 */
class ClusterOptionsTest {

  @Test
  void hostPort_parsesAndRejectsWithTheOption() {
    ClusterNode.HostPort hp = ClusterNode.hostPort("--join", "127.0.0.1:25520");
    assertEquals("127.0.0.1", hp.host());
    assertEquals(25520, hp.port());
    assertTrue(hp.loopback());
    assertTrue(ClusterNode.hostPort("--bind", "0.0.0.0:1").wildcard());
    IllegalArgumentException noPort =
        assertThrows(IllegalArgumentException.class, () -> ClusterNode.hostPort("--join", "host"));
    assertEquals(
        "error: --join: found 'host', expected HOST:PORT such as 127.0.0.1:25520",
        noPort.getMessage());
    IllegalArgumentException badPort =
        assertThrows(
            IllegalArgumentException.class, () -> ClusterNode.hostPort("--bind", "h:70000"));
    assertEquals(
        "error: --bind: found port '70000', expected a whole number from 0 to 65535",
        badPort.getMessage());
  }

  @Test
  void blockSize_fourBlocksPerNode_atLeastOneAgent() {
    assertEquals(127, ClusterPlacement.blockSize(1010, 2));
    assertEquals(1, ClusterPlacement.blockSize(4, 3));
    assertEquals(1, ClusterPlacement.blockSize(0, 3));
    assertEquals(84, ClusterPlacement.blockSize(1000, 3));
  }

  @Test
  void run_minNodesWithoutCluster_isBadInput() {
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new String[] {
              "run", Repo.root().resolve("scenarios/quickstart.yaml").toString(), "--min-nodes", "2"
            },
            new PrintWriter(new StringWriter()),
            new PrintWriter(err));
    assertEquals(Main.BAD_INPUT, code);
    assertTrue(
        err.toString().contains("--bind, --min-nodes and --cluster-wait need --cluster HOST:PORT"),
        err.toString());
  }

  @Test
  void node_badJoin_isBadInput() {
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new String[] {"node", "--join", "nowhere"},
            new PrintWriter(new StringWriter()),
            new PrintWriter(err));
    assertEquals(Main.BAD_INPUT, code);
    assertTrue(err.toString().contains("error: --join: found 'nowhere'"), err.toString());
  }
}
