package ouroboros.sim.sweep;

import java.util.Locale;
import ouroboros.agents.human.HumanSettings;
import ouroboros.agents.model.ModelSettings;
import ouroboros.sim.engine.World;

/**
 * What one run will hold in memory at its peak, estimated from its compiled world before it starts,
 * so that a sweep can refuse a run that cannot fit instead of letting it exhaust the heap that the
 * sweep's other runs share. It counts what grows with the scenario's sizes, each item at {@link
 * #BYTES_PER_ITEM_OVERHEAD} bytes of provenance plus 8 bytes per payload value (the columnar layout
 * of the web and the training pools):
 *
 * <ul>
 *   <li>the web: the items all agents publish per tick, times the ticks retention keeps (all ticks
 *       when retention is 0), plus the tick being published;
 *   <li>each model's training pool: {@code scrape} items per retrain, times the retrains the regime
 *       keeps (one for replace, the retrains within the window for window, every retrain for
 *       accumulate and accumulate-subsample);
 *   <li>the batch each model publishes per tick;
 *   <li>a fixed {@link #PER_AGENT} bytes per agent: what h-scale's class histograms of P4's world
 *       ({@code bench/p4-heap.sh}, about 22 KB live per model at 1k to 30k models) left once the
 *       items are counted: the topology window's compositions (about 4.4 KB), the random generators
 *       (0.5 KB), trackers, verdicts and Akka objects (1 to 2 KB), rounded up.
 * </ul>
 *
 * In all: {@code (items per tick x (retention + 1) + pools + batches) x (8 x width + 16) + 8 KB x
 * agents} (docs/sweeps-and-reports.md). The 16 bytes of provenance are an upper bound (a column
 * that is constant over a contribution costs nothing per item: the web of P4's world measured about
 * 4 bytes per item) and an accumulating pool is counted at its size at the last tick, so the
 * estimate errs high: about 50 KB per model for P4's world against the 22 KB measured.
 *
 * <p>It leaves out the domain's reference sets and what a fit or a baseline allocates while it
 * runs, so a run whose estimate is well under its share of the heap can still exhaust it; sweeps
 * contain that too (see {@link SweepRunner}).
 */
public final class MemoryEstimate {
  /** Provenance bytes per item counted besides the payload (the documented upper bound). */
  static final long BYTES_PER_ITEM_OVERHEAD = 16;

  /** Fixed bytes per agent, measured (see the class comment). */
  static final long PER_AGENT = 8 * 1024;

  private MemoryEstimate() {}

  /** The estimated peak bytes of a run of {@code world}. */
  public static long bytes(World world) {
    long item = 8L * world.domain().width() + BYTES_PER_ITEM_OVERHEAD;
    long ticks = Math.max(1, world.ticks());
    long perTick = 0;
    for (HumanSettings h : world.humans()) {
      perTick += h.publishRate();
    }
    double pools = 0;
    for (ModelSettings m : world.models()) {
      perTick += m.publishRate();
      long retrains = Math.max(1, ticks / m.retrainEvery());
      long kept =
          switch (m.regime()) {
            case REPLACE -> 1;
            case WINDOW -> Math.min(retrains, Math.max(1, m.window() / m.retrainEvery() + 1));
            case ACCUMULATE, ACCUMULATE_SUBSAMPLE -> retrains;
          };
      pools += (double) m.scrape() * kept + m.publishRate();
    }
    long webTicks = world.retention() == 0 ? ticks : Math.min(world.retention(), ticks);
    double items = (double) perTick * (webTicks + 1) + pools;
    double agents = (double) (world.humans().size() + world.models().size()) * PER_AGENT;
    double total = items * item + agents;
    return total >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) total;
  }

  /** Bytes in MB or GB, for messages: "512 MB", "3.2 GB". */
  public static String text(long bytes) {
    double mb = bytes / (1024.0 * 1024.0);
    if (mb < 1024) {
      return String.format(Locale.ROOT, "%.0f MB", Math.ceil(mb));
    }
    return String.format(Locale.ROOT, "%.1f GB", mb / 1024);
  }
}
