package ouroboros.sim.output;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ObjDoubleConsumer;
import ouroboros.sim.engine.World;

/**
 * The latest value of each model metric that a contributor of rows gives a model beside its retrain
 * report: the interaction graph's {@code human-ancestry}, {@code training-depth} and {@code
 * predicted-collapse}, which metrics.csv has at every retrain. {@link RunSummary} lists them with
 * the model's own metrics in summary.json, and aggregates them per population and over copies, as
 * it does the report's. A model that never had such a row (one fitted before tick 0 that has not
 * retrained in the run) has no value, as it has no row. Web rows and rows of other agents are not
 * models' and are left out.
 */
final class ContributedMetrics {
  private final Map<String, Integer> index;
  private final int models;

  /** Per metric, in name order: each model's latest value, and which models have one. */
  private final TreeMap<String, double[]> values = new TreeMap<>();

  private final TreeMap<String, BitSet> seen = new TreeMap<>();

  /** None yet for {@code world}'s models. */
  ContributedMetrics(World world) {
    this.models = world.models().size();
    this.index = new HashMap<>(2 * models);
    for (int i = 0; i < models; i++) {
      index.put(world.models().get(i).id(), i);
    }
  }

  /** Takes the models' rows among {@code rows} (a tick's), keeping each one's latest value. */
  void take(List<MetricRow> rows) {
    for (MetricRow row : rows) {
      Integer i = index.get(row.agent());
      if (i != null) {
        values.computeIfAbsent(row.metric(), k -> new double[models])[i] = row.value();
        seen.computeIfAbsent(row.metric(), k -> new BitSet(models)).set(i);
      }
    }
  }

  /** Whether no model has a value. */
  boolean isEmpty() {
    return values.isEmpty();
  }

  /** Hands {@code put} model {@code i}'s values, in name order. */
  void forEach(int i, ObjDoubleConsumer<String> put) {
    values.forEach(
        (name, v) -> {
          if (seen.get(name).get(i)) {
            put.accept(name, v[i]);
          }
        });
  }

  /** Writes the values for a checkpoint. */
  void save(DataOutput out) throws IOException {
    out.writeInt(values.size());
    for (Map.Entry<String, double[]> e : values.entrySet()) {
      out.writeUTF(e.getKey());
      BitSet has = seen.get(e.getKey());
      for (int i = has.nextSetBit(0); i >= 0; i = has.nextSetBit(i + 1)) {
        out.writeInt(i);
        out.writeDouble(e.getValue()[i]);
      }
      out.writeInt(-1);
    }
  }

  /** Restores what {@link #save} wrote, in place of the values held. */
  void restore(DataInput in) throws IOException {
    values.clear();
    seen.clear();
    int n = in.readInt();
    if (n < 0 || n > 1024) {
      throw new IOException("checkpoint does not match this run: " + n + " contributed metrics");
    }
    for (int k = 0; k < n; k++) {
      String name = in.readUTF();
      double[] v = new double[models];
      BitSet has = new BitSet(models);
      for (int i = in.readInt(); i >= 0; i = in.readInt()) {
        if (i >= models) {
          throw new IOException("checkpoint does not match this run: model " + i + " of " + models);
        }
        v[i] = in.readDouble();
        has.set(i);
      }
      values.put(name, v);
      seen.put(name, has);
    }
  }
}
