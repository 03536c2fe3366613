package ouroboros.sim.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ouroboros.agents.collapse.Definition;
import ouroboros.agents.model.RetrainReport;
import ouroboros.sim.engine.World;
import ouroboros.sim.output.Groups;

/**
 * Per-population meters, tagged {@code population} and {@code family}: over every model of the
 * population, whatever the per-model cap, the number of models, the mean population risk and
 * generation, and for each definition the share of the models where it applies that it fires for
 * (the aggregation of {@link ModelValues#aggregate}). A population is a model's {@code population}
 * key; models without one form the population {@value Groups#DEFAULT}.
 */
final class PopulationMeters implements MeterBinder {
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
      latest[i] = ModelValues.empty();
      members.computeIfAbsent(groups.get(i), g -> new ArrayList<>()).add(i);
    }
    members.forEach((g, m) -> cells.put(g, new Cell(m.size())));
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
      Gauge.builder(MeterNames.POPULATION_MODELS, cell, c -> c.models)
          .tags(tags)
          .description("Models in the population")
          .strongReference(true)
          .register(registry);
      Gauge.builder(MeterNames.POPULATION_RISK, cell, c -> c.values[ModelValues.RISK])
          .tags(tags)
          .description("Mean population risk over the population's models")
          .strongReference(true)
          .register(registry);
      Gauge.builder(MeterNames.POPULATION_GENERATION, cell, c -> c.values[ModelValues.GENERATION])
          .tags(tags)
          .description("Mean generation over the population's models")
          .strongReference(true)
          .register(registry);
      for (Definition d : Definition.values()) {
        int slot = ModelValues.VERDICT + d.ordinal();
        Gauge.builder(MeterNames.POPULATION_VERDICT, cell, c -> c.values[slot])
            .tags(tags.and("definition", "d" + d.index()))
            .description(
                "Share of the population's models (where the definition applies) for"
                    + " which it fires")
            .strongReference(true)
            .register(registry);
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
    for (String g : touched) {
      List<double[]> values = new ArrayList<>();
      for (int i : members.get(g)) {
        values.add(latest[i]);
      }
      cells.get(g).values = ModelValues.aggregate(values);
    }
  }
}
