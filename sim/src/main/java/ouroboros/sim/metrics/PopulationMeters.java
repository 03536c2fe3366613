package ouroboros.sim.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ouroboros.agents.model.RetrainReport;
import ouroboros.sim.engine.World;
import ouroboros.sim.output.Groups;
import ouroboros.sim.output.Meter;
import ouroboros.sim.output.MeterCatalogue;
import ouroboros.sim.output.MetricCatalogue;

/**
 * Per-population meters, tagged {@code population} and {@code family}: over every model of the
 * population, whatever the per-model cap, the number of models and the aggregate (see {@link
 * ModelValues#aggregate}) of each model metric whose meter declares a per-population one in the
 * catalogue: the mean population risk and generation, and for each definition the share of the
 * models where it applies that it fires for. A population is a model's {@code population} key;
 * models without one form the population {@value Groups#DEFAULT}.
 */
final class PopulationMeters implements MeterBinder {
  /** The slot of a model's generation. */
  private static final int GENERATION = ModelValues.slot(MetricCatalogue.GENERATION);

  /** A population's aggregate, replaced whole on each update. */
  private static final class Cell {
    final int models;
    volatile double[] values = ModelValues.empty();

    Cell(int models) {
      this.models = models;
    }
  }

  private final String family;
  private final int firstAgent;
  private final String[] groupOf;
  private final double[][] latest;
  private final Map<String, Cell> cells = new LinkedHashMap<>();
  private final Map<String, List<Integer>> members = new LinkedHashMap<>();

  /** Meters for models whose groups are {@code groups}, the first at agent {@code firstAgent}. */
  PopulationMeters(String family, List<String> groups, int firstAgent) {
    this.family = family;
    this.firstAgent = firstAgent;
    this.groupOf = groups.toArray(new String[0]);
    this.latest = new double[groups.size()][];
    for (int i = 0; i < groups.size(); i++) {
      latest[i] = notRetrained();
      members.computeIfAbsent(groups.get(i), g -> new ArrayList<>()).add(i);
    }
    members.forEach((g, m) -> cells.put(g, new Cell(m.size())));
    members.keySet().forEach(this::recompute);
  }

  /** The values of a model that has not retrained yet: generation 0, the others as empty. */
  private static double[] notRetrained() {
    double[] v = ModelValues.empty();
    v[GENERATION] = 0;
    return v;
  }

  /** Meters for every model of a world. */
  static PopulationMeters of(World world) {
    return new PopulationMeters(world.domain().family(), Groups.of(world), world.humans().size());
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (Map.Entry<String, Cell> e : cells.entrySet()) {
      Cell cell = e.getValue();
      Tags tags = Tags.of("population", e.getKey(), "family", family);
      Registrar.function(registry, MeterCatalogue.POPULATION_MODELS, tags, cell, c -> c.models);
      for (int i = 0; i < ModelValues.SIZE; i++) {
        Meter m = ModelValues.METRICS.get(i).meter().population();
        if (m != null) {
          int slot = i;
          Registrar.function(registry, m, tags, cell, c -> c.values[slot]);
        }
      }
    }
  }

  /** Takes a tick's retrain reports and recomputes the populations they touch. */
  void update(List<RetrainReport> reports) {
    java.util.Set<String> touched = new java.util.HashSet<>();
    for (RetrainReport r : reports) {
      int i = r.agent() - firstAgent;
      latest[i] = ModelValues.of(r, latest[i]);
      touched.add(groupOf[i]);
    }
    touched.forEach(this::recompute);
  }

  /** Recomputes population {@code g}'s aggregate from its models' latest values. */
  private void recompute(String g) {
    List<double[]> values = new ArrayList<>();
    for (int i : members.get(g)) {
      values.add(latest[i]);
    }
    cells.get(g).values = ModelValues.aggregate(values);
  }
}
