package ouroboros.sim.output;

import static ouroboros.sim.output.Meter.binder;
import static ouroboros.sim.output.Meter.counter;
import static ouroboros.sim.output.Meter.gauge;
import static ouroboros.sim.output.Meter.timer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every live meter, declared once. Most show a metric of the run files and are declared with it in
 * {@link MetricCatalogue} ({@link Metric#meter}, and its per-population aggregate); the meters here
 * show what the run files do not hold: the engine's progress, the web's memory and items published,
 * a population's size, each node's agents, traffic and barrier wait, and the JVM and process meters
 * of Micrometer's binders that the dashboards read. The meter binders of {@code
 * ouroboros.sim.metrics} take every name, help text and base unit from here, the README's "Live
 * metrics" table is {@link #markdownTable}, and the dashboard tests check that every panel query
 * reads a meter of {@link #all}.
 */
public final class MeterCatalogue {
  /** The engine's last finished tick. */
  public static final Meter ENGINE_TICK =
      gauge(
          "ouroboros.engine.tick",
          "The last tick whose observe phase finished; NaN before the first");

  /** Ticks completed. */
  public static final Meter ENGINE_TICKS = counter("ouroboros.engine.ticks", "Ticks completed");

  /** Ticks the run will have. */
  public static final Meter ENGINE_TICKS_PLANNED =
      gauge("ouroboros.engine.ticks.planned", "Ticks the run will have");

  /** Ticks per second over a trailing window. */
  public static final Meter ENGINE_TICKS_PER_SECOND =
      gauge(
          "ouroboros.engine.ticks.per.second",
          "Ticks completed per second over the last 10 seconds; 0 while a finished run is held");

  /** 1 while the run goes on. */
  public static final Meter ENGINE_RUNNING =
      gauge("ouroboros.engine.running", "1 while the run goes on, 0 once it has ended");

  /** Phase durations. */
  public static final Meter ENGINE_PHASE =
      timer("ouroboros.engine.phase", "Wall time of a tick's phase (events, publish, retrain)")
          .labelled("phase")
          .panel("s");

  /** Retrains answered. */
  public static final Meter ENGINE_RETRAINS =
      counter("ouroboros.engine.retrains", "Retrains answered");

  /** Fit failures over all models. */
  public static final Meter ENGINE_FIT_FAILURES =
      counter("ouroboros.engine.fit.failures", "Fits that threw or diverged, over all models");

  /** Memory held by the visible web. */
  public static final Meter WEB_MEMORY =
      gauge("ouroboros.web.memory", "Memory held by the visible items (provenance, payload)")
          .labelled("part")
          .unit("bytes")
          .panel("bytes");

  /** Items published. */
  public static final Meter WEB_PUBLISHED = counter("ouroboros.web.published", "Items published");

  /** A population's models. */
  public static final Meter POPULATION_MODELS =
      gauge("ouroboros.population.models", "Models in the population")
          .labelled("population", "family");

  /** Agents a node hosts. */
  public static final Meter NODE_AGENTS =
      gauge(
              "ouroboros.node.agents",
              "Agents the node hosts; in one JVM, every agent, on node \"local\"")
          .labelled("node");

  /** Bytes a node sent to other nodes. */
  public static final Meter NODE_BYTES_SENT =
      counter(
              "ouroboros.node.bytes.sent",
              "Bytes of every message the node sent to other nodes over Artery; 0 in one JVM")
          .labelled("node")
          .panel("bytes");

  /** Bytes a node received from other nodes. */
  public static final Meter NODE_BYTES_RECEIVED =
      counter(
              "ouroboros.node.bytes.received",
              "Bytes of every message the node received from other nodes over Artery; 0 in one JVM")
          .labelled("node")
          .panel("bytes");

  /** Time the clock waited at phase barriers. */
  public static final Meter NODE_BARRIER_WAIT =
      counter(
              "ouroboros.node.barrier.wait",
              "Time the clock waited at the phase barriers (publish, retrain, checkpoint) for the"
                  + " slowest agent, summed over ticks")
          .labelled("node")
          .unit("seconds")
          .panel("s");

  /** The meters of Micrometer's JVM and process binders that the dashboards read. */
  public static final List<Meter> BINDERS =
      List.of(
          binder("jvm_memory_used_bytes", "JVM memory used (JvmMemoryMetrics)", "area", "id")
              .panel("bytes"),
          binder("jvm_threads_live_threads", "Live JVM threads (JvmThreadMetrics)"),
          binder("process_cpu_usage", "The process's recent CPU usage (ProcessorMetrics)")
              .panel("percentunit"),
          binder("process_uptime_seconds", "The process's uptime (UptimeMetrics)"));

  /** The meters declared here, in the README's order (binders last). */
  private static final List<Meter> OWN =
      List.of(
          POPULATION_MODELS,
          WEB_MEMORY,
          WEB_PUBLISHED,
          ENGINE_TICK,
          ENGINE_TICKS,
          ENGINE_TICKS_PER_SECOND,
          ENGINE_TICKS_PLANNED,
          ENGINE_RUNNING,
          ENGINE_PHASE,
          ENGINE_RETRAINS,
          ENGINE_FIT_FAILURES,
          NODE_AGENTS,
          NODE_BYTES_SENT,
          NODE_BYTES_RECEIVED,
          NODE_BARRIER_WAIT);

  private MeterCatalogue() {}

  /**
   * Every meter: those of the metric catalogue (each metric's, then its per-population aggregate),
   * then those declared here, then the binders'. Meters of one name differ only in a fixed tag
   * (such as one per definition).
   */
  public static List<Meter> all() {
    List<Meter> out = new ArrayList<>();
    List<Meter> populations = new ArrayList<>();
    for (Metric m : MetricCatalogue.all()) {
      if (m.meter() != null) {
        out.add(m.meter());
        if (m.meter().population() != null) {
          populations.add(m.meter().population());
        }
      }
    }
    out.addAll(populations);
    out.addAll(OWN);
    out.addAll(BINDERS);
    return List.copyOf(out);
  }

  /** The catalogued meter whose Prometheus series has this name, if any. */
  public static Optional<Meter> bySeriesName(String series) {
    return all().stream().filter(m -> m.seriesNames().contains(series)).findFirst();
  }

  /**
   * The README's "Live metrics" table: one row per meter name, as Prometheus shows it, with its
   * type, its labels (the fixed values of a label listed after it) and its help text.
   */
  public static String markdownTable() {
    Map<String, List<Meter>> byName = new LinkedHashMap<>();
    for (Meter m : all()) {
      byName.computeIfAbsent(m.prometheusName(), k -> new ArrayList<>()).add(m);
    }
    StringBuilder b = new StringBuilder("| name | type | labels | meaning |\n");
    b.append("|---|---|---|---|\n");
    for (Map.Entry<String, List<Meter>> e : byName.entrySet()) {
      Meter first = e.getValue().get(0);
      b.append("| `")
          .append(e.getKey())
          .append("` | ")
          .append(first.kind().cell())
          .append(" | ")
          .append(labels(e.getValue()))
          .append(" | ")
          .append(first.help())
          .append(" |\n");
    }
    return b.toString();
  }

  /** The labels cell: each key, with the values that meters of the name fix for it. */
  private static String labels(List<Meter> meters) {
    List<String> cells = new ArrayList<>();
    for (String key : meters.get(0).labels()) {
      Set<String> values = new LinkedHashSet<>();
      for (Meter m : meters) {
        if (m.tags().containsKey(key)) {
          values.add("`" + m.tags().get(key) + "`");
        }
      }
      cells.add(values.isEmpty() ? key : key + " (" + String.join(", ", values) + ")");
    }
    return String.join(", ", cells);
  }
}
