package ouroboros.sim.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import ouroboros.agents.data.Items;
import ouroboros.agents.human.HumanSettings;
import ouroboros.agents.model.Composition;
import ouroboros.agents.model.Initial;
import ouroboros.agents.model.ModelCore;
import ouroboros.agents.model.ModelSettings;
import ouroboros.agents.model.RetrainReport;
import ouroboros.sim.engine.World;

/**
 * Keeps the retrain records of the last ticks and builds the {@link InteractionGraph} of a window
 * from them. Each model's input pools the item counts of its successful retrains in the window (a
 * failed fit keeps the old parameters, so what it trained on never reached its output); a model
 * with none there keeps its latest successful retrain from before the window, so that a model which
 * retrains less often than once per window stays in the graph. A model that starts as the truth or
 * as a fit on truth samples counts, until its first successful retrain, as trained on human data
 * only: its state before tick 0 ({@link #addInitialFits}, {@link #addTruth}) is its latest fit
 * before every window. The mean depth of a retrain's training data is its report's output depth
 * minus 1. Not thread-safe.
 */
public final class GraphWindow {
  private final List<String> humans;
  private final List<String> models;
  private final int window;
  private final Deque<Record> records = new ArrayDeque<>();
  private final ModelLane[] lanes;

  /**
   * Each model's latest successful fit before the records in the window: the last record evicted,
   * or its state before tick 0 ({@link #addInitialFits}, {@link #addTruth}); null when none.
   */
  private final Record[] evicted;

  private final int[] release;
  private final int[] retire;

  /** One successful retrain, or a model's state before tick 0 (tick -1). */
  record Record(int tick, int model, Composition composition, double depth) {}

  /**
   * An empty window.
   *
   * @param humans human source ids, by agent index
   * @param models model ids, in canonical order
   * @param window ticks per window
   */
  public GraphWindow(List<String> humans, List<String> models, int window) {
    this(humans, models, window, new int[models.size()], null);
  }

  /**
   * An empty window for models that a timeline releases and retires.
   *
   * @param humans human source ids, by agent index
   * @param models model ids, in canonical order
   * @param window ticks per window
   * @param release each model's release tick (0 when it is there from the start)
   * @param retire each model's retirement tick, {@link Integer#MAX_VALUE} for never; null: none
   *     retires
   */
  public GraphWindow(
      List<String> humans, List<String> models, int window, int[] release, int[] retire) {
    this.humans = List.copyOf(humans);
    this.models = List.copyOf(models);
    this.window = new GraphOptions(window).window();
    this.evicted = new Record[models.size()];
    this.lanes = new ModelLane[models.size()];
    for (int k = 0; k < lanes.length; k++) {
      lanes[k] = new ModelLane();
    }
    this.release = release.clone();
    this.retire = retire == null ? null : retire.clone();
  }

  /**
   * The empty window of {@code world}'s agents, with its timeline's releases and retirements, and
   * each model that starts as the truth counted as trained on {@code scrape} truth items ({@link
   * #addTruth}).
   */
  public static GraphWindow of(World world, int window) {
    int h = world.humans().size();
    int m = world.models().size();
    int[] release = new int[m];
    int[] retire = new int[m];
    for (int k = 0; k < m; k++) {
      release[k] = world.timeline().releaseTick(h + k);
      retire[k] = world.timeline().retireTick(h + k);
    }
    GraphWindow w =
        new GraphWindow(
            world.humans().stream().map(HumanSettings::id).toList(),
            world.models().stream().map(ModelSettings::id).toList(),
            window,
            release,
            retire);
    for (int k = 0; k < m; k++) {
      ModelSettings settings = world.models().get(k);
      if (settings.initial() == Initial.TRUTH) {
        w.addTruth(k, settings.scrape());
      }
    }
    return w;
  }

  /**
   * Takes the fits made before tick 0 ({@code initial: fit-truth}), before the first tick: each
   * successful one is its model's fit before every window until the model's first successful
   * retrain, so that the model counts as trained on the fresh truth items it was fitted on (human
   * share 1, depth 0, no model edges) instead of as not trained. A failed fit leaves its model with
   * no parameters: it stays untrained.
   */
  public void addInitialFits(List<RetrainReport> reports) {
    for (RetrainReport r : reports) {
      if (!r.fitFailed() && r.composition().total() > 0) {
        int model = r.agent() - humans.size();
        evicted[model] = new Record(r.tick(), model, r.composition(), r.outputDepth() - 1);
      }
    }
  }

  /**
   * Counts model {@code model}, which starts as the truth ({@code initial: truth}: as if
   * pre-trained on unlimited human data), as trained on {@code items} items drawn fresh from the
   * truth (the archive) before tick 0, until its first successful retrain; before the first tick. A
   * model that a timeline releases later is in no window before its release tick, so it counts so
   * from there.
   */
  public void addTruth(int model, int items) {
    evicted[model] =
        new Record(
            ModelCore.INITIAL_TICK,
            model,
            new Composition(new int[] {Items.ARCHIVE}, new int[] {items}, items, items),
            0);
  }

  /**
   * Takes a tick's reports; ticks come in order. The records that leave the window go first (none
   * of the tick's own can): a lane then never merges the record that leaves with the one that
   * comes, which at a retrain every W ticks made each model's author arrays twice over per tick.
   */
  public void add(int tick, List<RetrainReport> reports) {
    while (!records.isEmpty() && records.peekFirst().tick() <= tick - window) {
      Record old = records.removeFirst();
      lanes[old.model()].removeFirst();
      evicted[old.model()] = old;
    }
    for (RetrainReport r : reports) {
      if (!r.fitFailed() && r.composition().total() > 0) {
        Record in =
            new Record(tick, r.agent() - humans.size(), r.composition(), r.outputDepth() - 1);
        records.addLast(in);
        lanes[in.model()].addLast(in);
      }
    }
  }

  /**
   * The graph of ticks start..end; start must be above the last tick added minus the window. A
   * model whose records all lie in start..end takes its lane's pooled input (the same from tick to
   * tick while its records do not change); a carried input is kept while it is carried from the
   * same record.
   */
  public InteractionGraph graph(int start, int end) {
    List<InteractionGraph.Input> inputs = new ArrayList<>(models.size());
    for (int k = 0; k < models.size(); k++) {
      inputs.add(input(lanes[k], evicted[k], start, end));
    }
    List<InteractionGraph.Presence> presence = new ArrayList<>();
    for (int k = 0; k < models.size(); k++) {
      presence.add(
          release[k] > end
              ? InteractionGraph.Presence.NOT_YET
              : retire != null && retire[k] <= end
                  ? InteractionGraph.Presence.RETIRED
                  : InteractionGraph.Presence.IN);
    }
    return new InteractionGraph(start, end, humans, models, inputs, presence);
  }

  /** The graph of the window ending at {@code tick}. */
  public InteractionGraph graphAt(int tick) {
    return graph(Math.max(0, tick - window + 1), tick);
  }

  /** A model's input over start..end from its lane, and its last record evicted (or null). */
  private static InteractionGraph.Input input(ModelLane lane, Record evicted, int start, int end) {
    int size = lane.size();
    if (size > 0 && lane.get(0).tick() >= start && lane.get(size - 1).tick() <= end) {
      return lane.whole();
    }
    Record before = evicted;
    List<Record> pooled = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      Record r = lane.get(i);
      if (r.tick() < start) {
        before = r;
      } else if (r.tick() <= end) {
        pooled.add(r);
      }
    }
    if (!pooled.isEmpty()) {
      return pool(pooled, false);
    }
    return before == null
        ? InteractionGraph.Input.NONE
        : lane.carried(before, r -> pool(List.of(r), true));
  }

  /**
   * Sums the counts of some retrains; the depth is their item-weighted mean. The retrains' sources
   * are laid end to end and summed by source in one pass when they come in ascending order (a model
   * that trains on the same sources at each retrain), else after one primitive sort: no map and no
   * array per retrain.
   */
  private static InteractionGraph.Input pool(List<Record> records, boolean carried) {
    int pairs = 0;
    long human = 0;
    long items = 0;
    double depthSum = 0;
    for (Record r : records) {
      Composition c = r.composition();
      pairs += c.sources().length;
      human += c.human();
      items += c.total();
      depthSum += r.depth() * c.total();
    }
    int[] all = new int[pairs];
    int[] allCounts = new int[pairs];
    int at = 0;
    boolean ascending = true;
    for (Record r : records) {
      int[] sources = r.composition().sources();
      int[] counts = r.composition().counts();
      for (int k = 0; k < sources.length; k++, at++) {
        all[at] = sources[k];
        allCounts[at] = counts[k];
        ascending &= at == 0 || all[at - 1] <= all[at];
      }
    }
    int[] order = ascending ? null : byAuthor(all);
    int[] authors = new int[pairs];
    long[] sums = new long[pairs];
    int n = 0;
    for (int k = 0; k < pairs; k++) {
      int p = order == null ? k : order[k];
      if (n > 0 && authors[n - 1] == all[p]) {
        sums[n - 1] += allCounts[p];
      } else {
        authors[n] = all[p];
        sums[n++] = allCounts[p];
      }
    }
    return new InteractionGraph.Input(
        n == pairs ? authors : Arrays.copyOf(authors, n),
        n == pairs ? sums : Arrays.copyOf(sums, n),
        human,
        items,
        depthSum / items,
        records.size(),
        records.get(records.size() - 1).tick(),
        carried);
  }

  /**
   * The positions of {@code authors} in ascending order of author, by one sort of packed keys (for
   * {@link ModelLane} too).
   */
  static int[] byAuthor(int[] authors) {
    long[] keys = new long[authors.length];
    for (int k = 0; k < keys.length; k++) {
      keys[k] = ((long) authors[k] << 32) | k;
    }
    Arrays.sort(keys);
    int[] order = new int[keys.length];
    for (int k = 0; k < keys.length; k++) {
      order[k] = (int) keys[k];
    }
    return order;
  }

  /**
   * Writes the window for a checkpoint: the records within it and the last record evicted (or the
   * state before tick 0) of each model, each as its tick, model, composition and depth.
   */
  void save(java.io.DataOutput out) throws java.io.IOException {
    out.writeInt(records.size());
    for (Record r : records) {
      write(out, r);
    }
    out.writeInt(evicted.length);
    for (Record r : evicted) {
      out.writeBoolean(r != null);
      if (r != null) {
        write(out, r);
      }
    }
  }

  /** Replaces the window's content with what {@link #save} wrote. */
  void restore(java.io.DataInput in) throws java.io.IOException {
    records.clear();
    for (ModelLane lane : lanes) {
      lane.clear();
    }
    int n = ouroboros.agents.state.StateIo.length(in);
    for (int k = 0; k < n; k++) {
      Record r = read(in);
      records.addLast(r);
      lanes[r.model()].addLast(r);
    }
    if (in.readInt() != evicted.length) {
      throw new java.io.IOException("checkpoint does not match this run: topology window size");
    }
    for (int k = 0; k < evicted.length; k++) {
      evicted[k] = in.readBoolean() ? read(in) : null;
    }
  }

  private static void write(java.io.DataOutput out, Record r) throws java.io.IOException {
    out.writeInt(r.tick());
    out.writeInt(r.model());
    ouroboros.agents.state.StateIo.ints(out, r.composition().sources());
    ouroboros.agents.state.StateIo.ints(out, r.composition().counts());
    out.writeInt(r.composition().human());
    out.writeInt(r.composition().total());
    out.writeDouble(r.depth());
  }

  private Record read(java.io.DataInput in) throws java.io.IOException {
    int tick = in.readInt();
    int model = in.readInt();
    int[] sources = ouroboros.agents.state.StateIo.ints(in);
    int[] counts = ouroboros.agents.state.StateIo.ints(in);
    int human = in.readInt();
    int total = in.readInt();
    double depth = in.readDouble();
    if (model < 0 || model >= models.size() || sources == null || counts == null) {
      throw new java.io.IOException("corrupt checkpoint: a topology record");
    }
    return new Record(tick, model, new Composition(sources, counts, human, total), depth);
  }
}
