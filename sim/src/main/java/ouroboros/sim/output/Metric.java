package ouroboros.sim.output;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
import ouroboros.agents.model.RetrainReport;

/**
 * One metric of {@link MetricCatalogue}, or a family of metrics when its name has placeholders.
 *
 * @param name the name, placeholders in capitals
 * @param scope whose rows carry it
 * @param meaning one line of doc
 * @param unit its unit
 * @param domains the domains that report it; empty for every domain
 * @param value how a retrain report gives it, for a model metric that is not the domain's nor the
 *     graph's; null otherwise
 * @param meter the live meter that shows it, or null
 * @param fromGraph whether the interaction graph gives it (at every tick) rather than the retrain
 */
public record Metric(
    String name,
    Scope scope,
    String meaning,
    String unit,
    List<String> domains,
    ToDoubleFunction<RetrainReport> value,
    Meter meter,
    boolean fromGraph) {
  /** This metric with the live meter that shows it. */
  Metric live(Meter m) {
    return new Metric(name, scope, meaning, unit, domains, value, m, fromGraph);
  }

  /** This metric, computed from a retrain report by {@code f}. */
  Metric of(ToDoubleFunction<RetrainReport> f) {
    return new Metric(name, scope, meaning, unit, domains, f, meter, fromGraph);
  }

  /** This metric, given by the interaction graph. */
  Metric graph() {
    return new Metric(name, scope, meaning, unit, domains, value, meter, true);
  }

  /** The name with its placeholders replaced, in order, by {@code parts}. */
  public String name(Object... parts) {
    return MetricTable.fill(name, parts);
  }

  /** Whether the name has placeholders. */
  public boolean isFamily() {
    return Arrays.stream(name.split("-")).anyMatch(MetricTable::isPlaceholder);
  }

  /** Whose rows carry a metric. */
  public enum Scope {
    /** A model's rows, at each of its retrains. */
    MODEL("model"),
    /** The web's rows (agent {@code web}), at every tick. */
    WEB("`web`");

    final String cell;

    Scope(String cell) {
      this.cell = cell;
    }
  }

  /** A metric name taken apart: its catalogue entry and the placeholders' values, in order. */
  public record Parsed(Metric metric, List<String> parts) {}
}
