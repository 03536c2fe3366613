package ouroboros.sim.output;

import static ouroboros.sim.output.Meter.gauge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import ouroboros.agents.collapse.Definition;
import ouroboros.sim.output.Metric.Parsed;
import ouroboros.sim.output.Metric.Scope;

/**
 * The machinery behind {@link MetricCatalogue}'s declarations: the list they register in (in the
 * README's order), the README table's rows, the helpers a declaration is written with, and the
 * names' placeholders, filled in ({@link #fill}) and taken back out ({@link #parse}).
 */
final class MetricTable {
  /** The labels of a population meter. */
  static final String[] POPULATION_LABELS = {"population", "family"};

  /** The Grafana unit of a synthetic depth: a number of model generations. */
  static final String DEPTH_PANEL = "suffix: gen";

  private static final List<Metric> ALL = new CopyOnWriteArrayList<>();
  private static final List<Row> ROWS = new CopyOnWriteArrayList<>();

  /** A row of the README's table: one or more metrics sharing a meaning. */
  private record Row(
      String names, Scope scope, String meaning, String unit, List<String> domains) {}

  private MetricTable() {}

  /**
   * Every metric, in the README's order: the models' ({@link MetricCatalogue}), then the web's
   * ({@link WebMetrics}), each in declared order, whichever class was loaded first.
   */
  static List<Metric> all() {
    load();
    return ALL.stream().sorted(Comparator.comparing(Metric::scope)).toList();
  }

  /** The README's rows, in the same order. */
  private static List<Row> rows() {
    load();
    return ROWS.stream().sorted(Comparator.comparing(Row::scope)).toList();
  }

  /** Loads both declaring classes, so that every metric is registered. */
  private static void load() {
    Objects.requireNonNull(MetricCatalogue.POPULATION_RISK);
    Objects.requireNonNull(WebMetrics.ITEMS);
  }

  /** A metric name with its placeholders replaced, in order, by {@code parts}. */
  static String fill(String name, Object... parts) {
    String[] tokens = name.split("-");
    StringBuilder b = new StringBuilder();
    int next = 0;
    for (String t : tokens) {
      b.append(b.length() == 0 ? "" : "-");
      if (isPlaceholder(t)) {
        if (next >= parts.length) {
          throw new IllegalArgumentException(
              name + ": found " + parts.length + " parts, expected one per placeholder");
        }
        b.append(parts[next++]);
      } else {
        b.append(t);
      }
    }
    if (next != parts.length) {
      throw new IllegalArgumentException(
          name + ": found " + parts.length + " parts, expected " + next);
    }
    return b.toString();
  }

  /**
   * The entry of a written metric name and its placeholders' values, if the name is known. When
   * several entries match (a site S called {@code a-new} makes {@code site-a-new-items} read as
   * either {@code site-S-items} or {@code site-S-new-items}), the one with the most literal words
   * wins.
   */
  static Optional<Parsed> parse(String written) {
    Optional<Parsed> known = PARSED.get(written);
    if (known != null) {
      return known;
    }
    Optional<Parsed> parsed = parseUncached(written);
    if (PARSED.size() < PARSED_CAP) {
      PARSED.putIfAbsent(written, parsed);
    }
    return parsed;
  }

  /**
   * Names already parsed: a run writes the same few hundred names at every tick, and the report
   * reads them back row by row; at most {@link #PARSED_CAP} are kept, so that names made of
   * arbitrary text (a site id, say) cannot grow it without bound.
   */
  private static final Map<String, Optional<Parsed>> PARSED = new ConcurrentHashMap<>();

  /** The most names {@link #PARSED} keeps. */
  private static final int PARSED_CAP = 100_000;

  /** {@link #parse} without the memo: tries every metric's template against the name. */
  private static Optional<Parsed> parseUncached(String written) {
    String[] w = written.split("-", -1);
    Parsed best = null;
    int bestWords = -1;
    for (Metric m : all()) {
      String[] t = m.name().split("-");
      List<String> parts = match(t, 0, w, 0, new ArrayList<>());
      if (parts != null && t.length > bestWords) {
        best = new Parsed(m, List.copyOf(parts));
        bestWords = t.length;
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * The README's metrics table: a header, then one row per metric or group of metrics sharing a
   * meaning, each line ending in a newline.
   */
  static String markdownTable() {
    StringBuilder b = new StringBuilder("| metric | agent | meaning | unit | domains |\n");
    b.append("|---|---|---|---|---|\n");
    for (Row r : rows()) {
      b.append("| ")
          .append(r.names())
          .append(" | ")
          .append(r.scope().cell)
          .append(" | ")
          .append(r.meaning())
          .append(" | ")
          .append(r.unit())
          .append(" | ")
          .append(r.domains().isEmpty() ? "all" : String.join(", ", r.domains()))
          .append(" |\n");
    }
    return b.toString();
  }

  static boolean isPlaceholder(String token) {
    return !token.isEmpty() && token.chars().allMatch(Character::isUpperCase);
  }

  /**
   * Matches template tokens from {@code ti} against written tokens from {@code wi}; a placeholder
   * takes one token, except STAGE and S, which take one or more (stage names and site ids may hold
   * dashes), the shortest first.
   */
  private static List<String> match(String[] t, int ti, String[] w, int wi, List<String> parts) {
    if (ti == t.length) {
      return wi == w.length ? parts : null;
    }
    if (!isPlaceholder(t[ti])) {
      return wi < w.length && t[ti].equals(w[wi]) ? match(t, ti + 1, w, wi + 1, parts) : null;
    }
    boolean wide = t[ti].equals("STAGE") || t[ti].equals("S");
    boolean number = t[ti].equals("K") || t[ti].equals("C");
    for (int end = wi + 1; end <= (wide ? w.length : Math.min(wi + 1, w.length)); end++) {
      String value = String.join("-", Arrays.copyOfRange(w, wi, end));
      if (number && !value.chars().allMatch(Character::isDigit)) {
        return null;
      }
      List<String> next = new ArrayList<>(parts);
      next.add(value);
      List<String> done = match(t, ti + 1, w, end, next);
      if (done != null) {
        return done;
      }
    }
    return null;
  }

  static Metric model(String name, String meaning, String unit, String... domains) {
    return new Metric(name, Scope.MODEL, meaning, unit, List.of(domains), null, null, false);
  }

  static Metric web(String name, String meaning, String unit) {
    return new Metric(name, Scope.WEB, meaning, unit, List.of(), null, null, false);
  }

  static Metric add(Metric m) {
    ALL.add(m);
    return m;
  }

  /** A metric that has a README row of its own. */
  static Metric row(Metric m) {
    add(m);
    ROWS.add(new Row("`" + m.name() + "`", m.scope(), m.meaning(), m.unit(), m.domains()));
    return m;
  }

  /** Model metrics sharing one README row. */
  static List<Metric> group(String meaning, String unit, List<String> domains, String... names) {
    List<Metric> out = new ArrayList<>();
    for (String n : names) {
      out.add(add(new Metric(n, Scope.MODEL, meaning, unit, domains, null, null, false)));
    }
    ROWS.add(
        new Row(
            String.join(", ", Arrays.stream(names).map(n -> "`" + n + "`").toList()),
            Scope.MODEL,
            meaning,
            unit,
            domains));
    return List.copyOf(out);
  }

  /**
   * Metrics sharing one README row whose first cell is {@code cell}; {@code meter}, when not null,
   * shows each of them with its label {@code tag} set to the value that {@code tagValues} gives for
   * the metric's name.
   */
  static List<Metric> family(
      String cell,
      Scope scope,
      String meaning,
      String unit,
      Meter meter,
      String tag,
      java.util.function.UnaryOperator<String> tagValues,
      String... names) {
    List<Metric> out = new ArrayList<>();
    for (String n : names) {
      Meter m = meter == null ? null : meter.tagged(tag, tagValues.apply(n));
      out.add(add(new Metric(n, scope, meaning, unit, List.of(), null, m, false)));
    }
    ROWS.add(new Row(cell, scope, meaning, unit, List.of()));
    return List.copyOf(out);
  }

  /** Each definition's number metric, then each one's verdict metric. */
  static List<Metric> definitions() {
    List<Metric> out = new ArrayList<>();
    for (Definition d : Definition.values()) {
      out.add(
          add(
              new Metric(
                  d.numberMetric(),
                  Scope.MODEL,
                  "definition " + d.index() + "'s number: " + d.title(),
                  "see that section",
                  List.of(),
                  null,
                  d == Definition.CATASTROPHIC_RISK
                      ? gauge(
                              "ouroboros.model.risk.ratio",
                              "Definition 1's number: risk of this generation over risk of"
                                  + " generation 1")
                          .perModel()
                      : null,
                  false)));
    }
    for (Definition d : Definition.values()) {
      out.add(
          add(
              new Metric(
                  d.verdictMetric(),
                  Scope.MODEL,
                  "definition "
                      + d.index()
                      + "'s verdict: 1 fires, 0 does not, `NA` does not apply",
                  "1, 0, `NA`",
                  List.of(),
                  null,
                  gauge(
                          "ouroboros.model.verdict",
                          "Collapse verdict: 1 fires, 0 does not, NaN does not apply (yet)")
                      .perModel()
                      .tagged("definition", "d" + d.index())
                      .withPopulation(
                          gauge(
                                  "ouroboros.population.verdict",
                                  "Share of the population's models (where the definition"
                                      + " applies) for which it fires")
                              .labelled(POPULATION_LABELS)
                              .tagged("definition", "d" + d.index())),
                  false)));
    }
    ROWS.add(
        new Row(
            "`d1-...` to `d8-...`, `d1-verdict` to `d8-verdict`",
            Scope.MODEL,
            "each definition's number and verdict (1, 0, `NA`)",
            "see that section",
            List.of()));
    return List.copyOf(out);
  }
}
