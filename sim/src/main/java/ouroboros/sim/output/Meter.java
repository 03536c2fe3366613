package ouroboros.sim.output;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a catalogued metric shows as a live Micrometer meter, which Prometheus scrapes: its dotted,
 * lowercase name (Micrometer's conventions), its kind, its base unit (appended by the Prometheus
 * registry, as {@code _bytes} or {@code _seconds}; null when it has none), its help text, the
 * labels it carries besides the common ones ({@code labels}, in the README's order; those whose
 * value is fixed are in {@code tags}), the Grafana unit a panel showing it uses (null when any will
 * do), and the per-population meter that aggregates it (null when none). Declared in {@link
 * MetricCatalogue} next to the metric it shows, or in {@link MeterCatalogue} when it shows no
 * metric of the run files.
 *
 * @param name the dotted name, such as {@code ouroboros.model.risk}
 * @param kind gauge, counter or timer
 * @param baseUnit the base unit, or null
 * @param help one line of help text
 * @param labels the label keys it carries, common labels excepted
 * @param tags the labels whose value this meter fixes, such as {@code definition=d1}
 * @param panelUnit the Grafana unit of a panel that shows it, or null
 * @param population the per-population aggregate, or null
 */
public record Meter(
    String name,
    Kind kind,
    String baseUnit,
    String help,
    List<String> labels,
    Map<String, String> tags,
    String panelUnit,
    Meter population) {
  /** The kind of a meter. */
  public enum Kind {
    /** A value that goes up and down. */
    GAUGE("gauge"),
    /** A count that only goes up; Prometheus adds {@code _total}. */
    COUNTER("counter"),
    /** Durations; Prometheus shows a summary ({@code _count}, {@code _sum}) and a {@code _max}. */
    TIMER("summary (`_count`, `_sum`, `_max`)"),
    /** Another library's meter (a Micrometer binder), listed so that dashboards may use it. */
    BINDER("from a binder");

    private final String cell;

    Kind(String cell) {
      this.cell = cell;
    }

    /** The README's cell for the kind. */
    public String cell() {
      return cell;
    }
  }

  /** The labels every model meter carries. */
  public static final List<String> MODEL_LABELS = List.of("model", "family", "regime");

  /** Checks and copies. */
  public Meter {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(help, "help");
    labels = List.copyOf(labels);
    tags = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tags));
  }

  /** A gauge with no labels. */
  public static Meter gauge(String name, String help) {
    return new Meter(name, Kind.GAUGE, null, help, List.of(), Map.of(), null, null);
  }

  /** A counter with no labels. */
  public static Meter counter(String name, String help) {
    return new Meter(name, Kind.COUNTER, null, help, List.of(), Map.of(), null, null);
  }

  /** A timer, in seconds, with no labels. */
  public static Meter timer(String name, String help) {
    return new Meter(name, Kind.TIMER, "seconds", help, List.of(), Map.of(), null, null);
  }

  /** A meter of another library, by its Prometheus name. */
  public static Meter binder(String prometheusName, String help, String... labels) {
    return new Meter(
        prometheusName, Kind.BINDER, null, help, List.of(labels), Map.of(), null, null);
  }

  /** This meter with the model labels ({@link #MODEL_LABELS}) before its own. */
  public Meter perModel() {
    List<String> l = new ArrayList<>(MODEL_LABELS);
    l.addAll(labels);
    return new Meter(name, kind, baseUnit, help, l, tags, panelUnit, population);
  }

  /** This meter with more label keys. */
  public Meter labelled(String... keys) {
    List<String> l = new ArrayList<>(labels);
    l.addAll(List.of(keys));
    return new Meter(name, kind, baseUnit, help, l, tags, panelUnit, population);
  }

  /** This meter with a label whose value it fixes (added to the label keys if missing). */
  public Meter tagged(String key, String value) {
    Map<String, String> t = new LinkedHashMap<>(tags);
    t.put(key, value);
    List<String> l = new ArrayList<>(labels);
    if (!l.contains(key)) {
      l.add(key);
    }
    return new Meter(name, kind, baseUnit, help, l, t, panelUnit, population);
  }

  /** This meter with a base unit. */
  public Meter unit(String unit) {
    return new Meter(name, kind, unit, help, labels, tags, panelUnit, population);
  }

  /** This meter with the Grafana unit of its panels. */
  public Meter panel(String unit) {
    return new Meter(name, kind, baseUnit, help, labels, tags, unit, population);
  }

  /** This meter with its per-population aggregate. */
  public Meter withPopulation(Meter aggregate) {
    return new Meter(name, kind, baseUnit, help, labels, tags, panelUnit, aggregate);
  }

  /**
   * The name as Prometheus shows it: dots as underscores, then the base unit unless the name ends
   * with it, then {@code _total} for a counter (Micrometer's Prometheus naming convention).
   */
  public String prometheusName() {
    if (kind == Kind.BINDER) {
      return name;
    }
    String n = name.replace('.', '_');
    if (baseUnit != null && !n.endsWith("_" + baseUnit)) {
      n += "_" + baseUnit;
    }
    return kind == Kind.COUNTER ? n + "_total" : n;
  }

  /**
   * The names Prometheus shows for it: a timer's summary and its three series, the name otherwise.
   */
  public List<String> seriesNames() {
    String n = prometheusName();
    return kind == Kind.TIMER ? List.of(n, n + "_count", n + "_sum", n + "_max") : List.of(n);
  }
}
