package ouroboros.sim.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import ouroboros.agents.collapse.Definition;
import ouroboros.agents.collapse.Verdict;
import ouroboros.agents.model.ModelSettings;
import ouroboros.agents.model.RetrainReport;
import ouroboros.agents.pipeline.StageReport;
import ouroboros.sim.engine.RunOutcome;
import ouroboros.sim.engine.TickListener;
import ouroboros.sim.engine.TickResult;
import ouroboros.sim.engine.World;
import ouroboros.sim.graph.GraphAnalysis;
import ouroboros.sim.graph.GraphJson;
import ouroboros.sim.graph.GraphListener;
import ouroboros.sim.output.Groups;
import ouroboros.sim.output.MetricCatalogue;
import ouroboros.sim.output.PopulationStats;
import ouroboros.sim.web.Snapshot;

/**
 * The live page's producer, a sink of the observe phase: after each tick it turns what the tick
 * left (the models' latest retrain reports, the web's snapshot, the run's interaction graph) into
 * one JSON event and hands it to a {@link LiveHub}. The event:
 *
 * <ul>
 *   <li>{@code tick}, {@code ticks}, {@code scenario}, {@code view} ({@code models} when the world
 *       has at most {@link #MAX_MODEL_LINES} models, else {@code populations}) and {@code
 *       definitions} (the eight collapse definitions' keys {@code d1..d8} and titles);
 *   <li>{@code web}: visible items, the synthetic share of the visible web and of the tick's new
 *       items;
 *   <li>{@code models} (in the models view): each model's id, population, generation, population
 *       risk and eight verdicts ({@code yes}, {@code no}, {@code n/a}; null before its first fit);
 *   <li>{@code populations}: per population, its models, those that have retrained, the mean and
 *       quantiles of their risk ({@link PopulationStats}) and per definition the counts of yes, no
 *       and n/a;
 *   <li>{@code pipeline}: per stage (position and name), the items in, kept, dropped and added so
 *       far, over all models;
 *   <li>{@code graph}: the interaction graph of the window ending at this tick ({@link GraphJson}),
 *       or, above {@link #MAX_GRAPH_NODES} nodes, null with its node count in {@code graphNodes}.
 * </ul>
 *
 * <p>A missing number is null. It only reads the tick's results, so a run with the live page writes
 * the same files as a run without.
 */
public final class LiveFeed implements TickListener {
  /** Above this many models, the page shows populations, not one line per model. */
  public static final int MAX_MODEL_LINES = 16;

  /** Above this many nodes, the graph is not sent. */
  public static final int MAX_GRAPH_NODES = 400;

  private static final String RISK = MetricCatalogue.POPULATION_RISK.name();

  private final LiveHub hub;
  private final GraphListener graph;
  private final String scenario;
  private final int ticks;
  private final int firstAgent;
  private final List<String> ids;
  private final List<String> groups;
  private final RetrainReport[] latest;
  private final Map<String, long[]> stages = new TreeMap<>();
  private final List<Map<String, Object>> definitions = new ArrayList<>();
  private final ObjectMapper json = JsonMapper.builder().build();

  /** A feed of {@code world}'s run, reading {@code graph}'s analysis, into {@code hub}. */
  public LiveFeed(LiveHub hub, World world, GraphListener graph) {
    this.hub = Objects.requireNonNull(hub, "hub");
    this.graph = Objects.requireNonNull(graph, "graph");
    this.scenario = world.name();
    this.ticks = world.ticks();
    this.firstAgent = world.humans().size();
    this.ids = world.models().stream().map(ModelSettings::id).toList();
    this.groups = Groups.of(world);
    this.latest = new RetrainReport[ids.size()];
    for (Definition d : Definition.values()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("key", "d" + d.index());
      m.put("title", d.title());
      definitions.add(m);
    }
  }

  @Override
  public void onTick(TickResult r) throws JsonProcessingException {
    for (RetrainReport rep : r.reports()) {
      latest[rep.agent() - firstAgent] = rep;
      for (StageReport st : rep.stages()) {
        long[] c =
            stages.computeIfAbsent(
                String.format("%03d\u0000%s", st.position(), st.stage()), k -> new long[4]);
        c[0] += st.in();
        c[1] += st.kept();
        c[2] += st.dropped();
        c[3] += st.added();
      }
    }
    Map<String, Object> event = event(r);
    String brief = json.writeValueAsString(event);
    GraphAnalysis a = graph.analysisAt(r);
    int nodes = GraphJson.nodeCount(a);
    event.put("graphNodes", nodes);
    event.put("graph", nodes <= MAX_GRAPH_NODES ? GraphJson.toMap(a) : null);
    hub.publish(brief, json.writeValueAsString(event));
  }

  @Override
  public void onFinish(RunOutcome outcome) {
    hub.finish();
  }

  /** The event of tick r, without the graph. */
  private Map<String, Object> event(TickResult r) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("tick", r.tick());
    e.put("ticks", ticks);
    e.put("scenario", scenario);
    boolean perModel = ids.size() <= MAX_MODEL_LINES;
    e.put("view", perModel ? "models" : "populations");
    e.put("definitions", definitions);
    e.put("web", web(r.web()));
    if (perModel) {
      e.put("models", models());
    }
    e.put("populations", populations());
    e.put("pipeline", pipeline());
    return e;
  }

  private static Map<String, Object> web(Snapshot web) {
    long[] fresh = web.newItems();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("items", web.size());
    m.put("syntheticShare", number(web.syntheticShare()));
    m.put("newSyntheticShare", fresh[0] == 0 ? null : number((double) fresh[1] / fresh[0]));
    return m;
  }

  private List<Map<String, Object>> models() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      RetrainReport r = latest[i];
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", ids.get(i));
      m.put("group", groups.get(i));
      m.put("generation", r == null ? null : r.generation());
      m.put("risk", r == null ? null : number(r.evaluation().get(RISK)));
      List<String> verdicts = new ArrayList<>();
      if (r != null) {
        for (Verdict v : r.verdicts()) {
          verdicts.add(v.state().label());
        }
      }
      m.put("verdicts", r == null || verdicts.isEmpty() ? null : verdicts);
      out.add(m);
    }
    return out;
  }

  private List<Map<String, Object>> populations() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (PopulationStats.Population p : PopulationStats.of(groups, latest)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", p.id());
      m.put("models", p.models());
      m.put("reported", p.reported());
      PopulationStats.Stat s = p.metrics().get(RISK);
      Map<String, Object> risk = new LinkedHashMap<>();
      risk.put("mean", s == null ? null : number(s.mean()));
      for (String q : PopulationStats.QUANTILE_KEYS) {
        risk.put(q, s == null ? null : number(s.quantile(q)));
      }
      m.put("risk", risk);
      m.put("verdicts", p.verdicts());
      out.add(m);
    }
    return out;
  }

  private List<Map<String, Object>> pipeline() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map.Entry<String, long[]> e : stages.entrySet()) {
      String[] key = e.getKey().split("\u0000", 2);
      long[] c = e.getValue();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("position", Integer.parseInt(key[0]));
      m.put("stage", key[1]);
      m.put("in", c[0]);
      m.put("kept", c[1]);
      m.put("dropped", c[2]);
      m.put("added", c[3]);
      out.add(m);
    }
    return out;
  }

  /** The number, or null when it is not finite (JSON has no NaN). */
  private static Double number(double x) {
    return Double.isFinite(x) ? x : null;
  }
}
