package ouroboros.sim.engine;

import java.util.List;
import java.util.Objects;

/**
 * The state a run resumes from (see {@code ouroboros.sim.checkpoint}): the last tick completed, the
 * web's bytes as {@link ouroboros.sim.web.WebStore#save} wrote them, and each agent's bytes as its
 * core wrote them, in canonical order.
 *
 * @param tick the last tick completed; the run goes on at tick + 1
 * @param web the web within retention
 * @param agents one block per agent
 */
public record Resumption(int tick, byte[] web, List<byte[]> agents) {
  /** Checks the values. */
  public Resumption {
    if (tick < 0) {
      throw new IllegalArgumentException("tick is negative: " + tick);
    }
    Objects.requireNonNull(web, "web");
    agents = List.copyOf(agents);
  }
}
