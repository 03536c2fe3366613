package ouroboros.sim.output;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import ouroboros.sim.engine.Listeners;
import ouroboros.sim.engine.TickListener;

/**
 * The observe phase of a run: an ordered list of observers, each registered once. Topology
 * observers (the interaction graph) come first: they analyse the tick, and the rows they add go
 * into metrics.csv through the run writer; then the run writer; then the sinks (live meters,
 * progress bars) in the order they were added. Sinks may read a topology observer's analysis of the
 * same tick.
 */
public final class Observers {
  /**
   * An observer that analyses each tick before any sink sees it, and adds its own rows to
   * metrics.csv (see {@code ouroboros.sim.graph.GraphListener}).
   */
  public interface Topology extends TickListener, RunMetrics.Contributor {}

  private final List<Topology> topology;
  private final List<TickListener> sinks;
  private final Consumer<List<MetricRow>> rows;

  private Observers(
      List<Topology> topology, List<TickListener> sinks, Consumer<List<MetricRow>> rows) {
    this.topology = List.copyOf(topology);
    this.sinks = List.copyOf(sinks);
    this.rows = rows;
  }

  /** No observers but the run writer. */
  public static Observers none() {
    return new Observers(List.of(), List.of(), null);
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The topology observers, in order. */
  public List<Topology> topology() {
    return topology;
  }

  /** The sinks, in order. */
  public List<TickListener> sinks() {
    return sinks;
  }

  /**
   * What reads every row the run writer appends to metrics.csv of a run started afresh (not of a
   * resumed one), in file order, a batch at a time (see {@code RunWriter#rows}), on the writer's
   * thread; null when nothing does.
   */
  public Consumer<List<MetricRow>> rows() {
    return rows;
  }

  /** What adds rows to metrics.csv: the topology observers. */
  public List<RunMetrics.Contributor> contributors() {
    return List.copyOf(topology);
  }

  /** The whole observe phase: topology, then {@code writer}, then the sinks. */
  TickListener phase(TickListener writer) {
    List<TickListener> all = new ArrayList<>(topology);
    all.add(writer);
    all.addAll(sinks);
    return new Listeners(all);
  }

  /** Collects observers; each may be added once. */
  public static final class Builder {
    private final List<Topology> topology = new ArrayList<>();
    private final List<TickListener> sinks = new ArrayList<>();
    private final Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    private Consumer<List<MetricRow>> rows;

    private Builder() {}

    /** Adds a topology observer. */
    public Builder topology(Topology t) {
      topology.add(once(t));
      return this;
    }

    /** Adds a sink; null is skipped, so that optional sinks read as one chain. */
    public Builder sink(TickListener s) {
      if (s != null) {
        sinks.add(once(s));
      }
      return this;
    }

    /**
     * Sets what reads the rows of metrics.csv as they are written (see {@link Observers#rows});
     * null is none. Only one may be set.
     */
    public Builder rows(Consumer<List<MetricRow>> r) {
      if (r != null) {
        if (rows != null) {
          throw new IllegalArgumentException("a row reader is set already: " + rows);
        }
        rows = r;
      }
      return this;
    }

    /** The observers. */
    public Observers build() {
      return new Observers(topology, sinks, rows);
    }

    private <T> T once(T o) {
      if (!seen.add(java.util.Objects.requireNonNull(o, "observer"))) {
        throw new IllegalArgumentException("observer registered twice: " + o);
      }
      return o;
    }
  }
}
