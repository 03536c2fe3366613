package ouroboros.sim.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An analysed graph in the shape of Grafana's Node Graph panel, for {@code graph/*.json} and the
 * live endpoint: {@code {"window", "nodes", "edges", "classes"}}. Keys in a fixed order, so the
 * output is byte-stable.
 *
 * <p>Nodes: one per human source, one for the archive when a model drew fresh data from it ({@value
 * InteractionGraph#ARCHIVE_ID}), one per model. Fields the panel reads: {@code id}, {@code title},
 * {@code subtitle} (the kind, or a model's predicted verdict), {@code mainstat} (human ancestry; 1
 * for human nodes), {@code secondarystat} (mean synthetic depth of the training data; 0 for human
 * nodes), and the arcs {@code arc__human}, {@code arc__model}, {@code arc__laundered} (the shares
 * of the training data, adding up to 1; all 0 for a model that has not trained). The panel takes a
 * node's colour from either {@code color} or the arcs, not both; the arcs are used, and the verdict
 * is in the subtitle. The context menu shows the {@code detail__*} fields. A missing number is
 * null.
 *
 * <p>A model not released yet is left out, as is one that retired before the window and whose
 * output no model trained on in it (with its class, when that holds no other model).
 *
 * <p>Edges: one per author and model that trained on it, source the author, target the model:
 * {@code id} ({@code source->target}), {@code source}, {@code target}, {@code mainstat} (the
 * weight: the share of the target's training items the source wrote), {@code secondarystat} (those
 * items), and {@code detail__kind} ({@code model} or {@code human}).
 *
 * <p>This class builds the document as maps, for the live feed and the endpoint; {@link
 * GraphJsonWriter} streams the same document for graph/*.json. GraphJsonTest checks that the two
 * write the same bytes.
 */
public final class GraphJson {
  private GraphJson() {}

  /** The whole document. */
  public static Map<String, Object> toMap(GraphAnalysis a) {
    Map<String, Object> root = new LinkedHashMap<>();
    Map<String, Object> window = new LinkedHashMap<>();
    window.put("start", a.graph().start());
    window.put("end", a.graph().end());
    root.put("window", window);
    root.put("nodes", nodes(a));
    root.put("edges", edges(a));
    root.put("classes", classes(a));
    return root;
  }

  /** A document with no window, no nodes and no edges, for before the first tick. */
  public static Map<String, Object> empty() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("window", null);
    root.put("nodes", List.of());
    root.put("edges", List.of());
    root.put("classes", List.of());
    return root;
  }

  /** Human sources, the archive when used, then models. */
  public static List<Map<String, Object>> nodes(GraphAnalysis a) {
    InteractionGraph g = a.graph();
    List<Map<String, Object>> nodes = new ArrayList<>();
    for (String h : g.humans()) {
      nodes.add(human(h, "human"));
    }
    if (g.usesArchive()) {
      nodes.add(human(InteractionGraph.ARCHIVE_ID, "archive"));
    }
    for (int i = 0; i < g.models().size(); i++) {
      InteractionGraph.Input in = g.inputs().get(i);
      if (!a.shown(i)) {
        continue;
      }
      double human = in.known() ? in.humanShare() : 0;
      double laundered = in.known() ? in.launderedShare(g.humanCount()) : 0;
      double model = in.known() ? 1 - in.humanAuthoredShare(g.humanCount()) : 0;
      Map<String, Object> n = new LinkedHashMap<>();
      n.put("id", g.models().get(i));
      n.put("title", g.models().get(i));
      n.put("subtitle", a.prediction(i).label());
      n.put("mainstat", number(a.ancestry(i)));
      n.put("secondarystat", number(a.depth(i)));
      n.put("arc__human", human);
      n.put("arc__model", model);
      n.put("arc__laundered", laundered);
      n.put("detail__kind", "model");
      n.put("detail__predicted", a.prediction(i).label());
      n.put("detail__ancestry", number(a.ancestry(i)));
      n.put("detail__depth", number(a.depth(i)));
      n.put("detail__human_share", number(in.humanShare()));
      n.put("detail__laundered_share", in.known() ? laundered : null);
      n.put("detail__class", "c" + a.classOf(i));
      n.put("detail__closed_class", a.closedWithoutHuman(a.classOf(i)));
      n.put("detail__items", in.items());
      n.put("detail__retrains", in.retrains());
      n.put("detail__last_retrain", in.lastTick() < 0 ? null : in.lastTick());
      nodes.add(n);
    }
    return nodes;
  }

  /** A human source or the archive: ancestry 1, depth 0. */
  private static Map<String, Object> human(String id, String kind) {
    Map<String, Object> n = new LinkedHashMap<>();
    n.put("id", id);
    n.put("title", kind.equals("archive") ? "archive" : id);
    n.put("subtitle", kind);
    n.put("mainstat", 1.0);
    n.put("secondarystat", 0.0);
    n.put("arc__human", 1.0);
    n.put("arc__model", 0.0);
    n.put("arc__laundered", 0.0);
    n.put("detail__kind", kind);
    n.put("detail__predicted", null);
    n.put("detail__ancestry", 1.0);
    n.put("detail__depth", 0.0);
    n.put("detail__human_share", null);
    n.put("detail__laundered_share", null);
    n.put("detail__class", null);
    n.put("detail__closed_class", null);
    n.put("detail__items", null);
    n.put("detail__retrains", null);
    n.put("detail__last_retrain", null);
    return n;
  }

  /** Edges by target model, then by author. */
  public static List<Map<String, Object>> edges(GraphAnalysis a) {
    InteractionGraph g = a.graph();
    List<Map<String, Object>> edges = new ArrayList<>();
    for (int i = 0; i < g.models().size(); i++) {
      InteractionGraph.Input in = g.inputs().get(i);
      if (!a.shown(i)) {
        continue;
      }
      String target = g.models().get(i);
      for (int k = 0; k < in.authors().length; k++) {
        int author = in.authors()[k];
        String source = g.idOf(author);
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("id", source + "->" + target);
        e.put("source", source);
        e.put("target", target);
        e.put("mainstat", (double) in.counts()[k] / in.items());
        e.put("secondarystat", in.counts()[k]);
        e.put("detail__kind", g.isHuman(author) ? "human" : "model");
        edges.add(e);
      }
    }
    return edges;
  }

  /** The strongly connected classes of models, and whether each is closed without human data. */
  private static List<Map<String, Object>> classes(GraphAnalysis a) {
    List<Map<String, Object>> out = new ArrayList<>();
    List<int[]> classes = a.classes();
    for (int c = 0; c < classes.size(); c++) {
      if (java.util.Arrays.stream(classes.get(c)).noneMatch(a::shown)) {
        continue;
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", "c" + c);
      List<String> members = new ArrayList<>();
      for (int i : classes.get(c)) {
        members.add(a.graph().models().get(i));
      }
      m.put("members", members);
      m.put("closed-without-human", a.closedWithoutHuman(c));
      out.add(m);
    }
    return out;
  }

  /** JSON has no NaN: a missing number is null. */
  private static Double number(double v) {
    return Double.isNaN(v) ? null : v;
  }
}
