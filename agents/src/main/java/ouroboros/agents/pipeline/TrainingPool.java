package ouroboros.agents.pipeline;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import ouroboros.agents.data.Items;
import ouroboros.agents.data.ItemsCodec;
import ouroboros.agents.state.StateIo;

/**
 * A model's training pool under its {@link Regime}. Each retrain adds one block of newly gathered
 * items (scraped and fresh); the pool then yields the training set. Owned by one model; not
 * thread-safe.
 */
public final class TrainingPool {
  private final Regime regime;
  private final int window;
  private final int width;
  private final Deque<Block> blocks = new ArrayDeque<>();

  /** One retrain's gathered items (after the pipeline) and the tick it was gathered at. */
  private record Block(int tick, TrainingData data) {}

  /**
   * A pool.
   *
   * @param regime how the pool is kept
   * @param window for {@link Regime#WINDOW}, how many ticks the pool keeps
   * @param width payload width
   */
  public TrainingPool(Regime regime, int window, int width) {
    this.regime = Objects.requireNonNull(regime, "regime");
    if (regime == Regime.WINDOW && window < 1) {
      throw new IllegalArgumentException("window is not strictly positive: " + window);
    }
    this.window = window;
    this.width = width;
  }

  /** Adds unweighted items gathered at a retrain. */
  public void add(int tick, Items gathered) {
    add(tick, TrainingData.of(gathered));
  }

  /** Adds the items gathered at a retrain, dropping what the regime no longer keeps. */
  public void add(int tick, TrainingData gathered) {
    switch (regime) {
      case REPLACE -> blocks.clear();
      case WINDOW -> {
        while (!blocks.isEmpty() && blocks.peekFirst().tick() <= tick - window) {
          blocks.removeFirst();
        }
      }
      case ACCUMULATE, ACCUMULATE_SUBSAMPLE -> {}
    }
    blocks.addLast(new Block(tick, gathered));
  }

  /** Items held in the pool. */
  public int size() {
    int n = 0;
    for (Block b : blocks) {
      n += b.data().size();
    }
    return n;
  }

  /**
   * The training set for this retrain: the whole pool, or for accumulate-subsample {@code n} items
   * drawn from it without replacement. A replace pool is empty afterwards: it holds a retrain's
   * items only until they are drawn.
   */
  public Items trainingSet(int n, UniformRandomProvider rng) {
    return trainingData(n, rng).items();
  }

  /** {@link #trainingSet} with the items' weights; null weights when every block had none. */
  public TrainingData trainingData(int n, UniformRandomProvider rng) {
    List<Items> all = new ArrayList<>(blocks.size());
    boolean weighted = false;
    for (Block b : blocks) {
      all.add(b.data().items());
      weighted |= b.data().weights() != null;
    }
    Items pool = all.isEmpty() ? Items.empty(width) : Items.concat(all, width);
    double[] weights = null;
    if (weighted) {
      weights = new double[pool.size()];
      int at = 0;
      for (Block b : blocks) {
        double[] w = b.data().weightsOrOnes();
        System.arraycopy(w, 0, weights, at, w.length);
        at += w.length;
      }
    }
    TrainingData data = new TrainingData(pool, weights);
    if (regime == Regime.REPLACE) {
      // The next retrain's add would drop these items anyway; let them go now, with the retrain,
      // rather than keep every model's last scrape alive (and tenured) until then.
      blocks.clear();
    }
    if (regime != Regime.ACCUMULATE_SUBSAMPLE || pool.size() <= n) {
      return data;
    }
    int[] picked = new PermutationSampler(rng, pool.size(), n).sample();
    java.util.Arrays.sort(picked);
    return data.select(picked);
  }

  /** Writes the pool's blocks for a checkpoint: each block's tick, items and weights. */
  public void save(DataOutput out) throws IOException {
    out.writeInt(blocks.size());
    for (Block b : blocks) {
      out.writeInt(b.tick());
      ItemsCodec.write(out, b.data().items());
      StateIo.doubles(out, b.data().weights());
    }
  }

  /** Replaces the pool's blocks with what {@link #save} wrote. */
  public void restore(DataInput in) throws IOException {
    int n = StateIo.length(in);
    blocks.clear();
    for (int k = 0; k < n; k++) {
      int tick = in.readInt();
      Items items = ItemsCodec.read(in);
      double[] weights = StateIo.doubles(in);
      try {
        blocks.addLast(new Block(tick, new TrainingData(items, weights)));
      } catch (IllegalArgumentException e) {
        throw new IOException("corrupt checkpoint: training pool: " + e.getMessage());
      }
    }
  }
}
