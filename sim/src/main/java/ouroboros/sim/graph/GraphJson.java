package ouroboros.sim.graph;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
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
 * <p>{@link #toMap} builds the document as maps, for the live feed and the endpoint; {@link #write}
 * streams the same document to a generator in one pass, for graph/*.json, whose 10-tick blocks of
 * thousands of models would otherwise build a map per node and edge on the graph writer's thread.
 * GraphJsonTest checks that the two write the same bytes.
 */
public final class GraphJson {
  // The keys of the streamed document, encoded once (SerializedString keeps their quoted bytes).
  private static final SerializedString ARC__HUMAN = new SerializedString("arc__human");
  private static final SerializedString ARC__LAUNDERED = new SerializedString("arc__laundered");
  private static final SerializedString ARC__MODEL = new SerializedString("arc__model");
  private static final SerializedString CLASSES = new SerializedString("classes");
  private static final SerializedString CLOSED_WITHOUT_HUMAN =
      new SerializedString("closed-without-human");
  private static final SerializedString DETAIL__ANCESTRY = new SerializedString("detail__ancestry");
  private static final SerializedString DETAIL__CLASS = new SerializedString("detail__class");
  private static final SerializedString DETAIL__CLOSED_CLASS =
      new SerializedString("detail__closed_class");
  private static final SerializedString DETAIL__DEPTH = new SerializedString("detail__depth");
  private static final SerializedString DETAIL__HUMAN_SHARE =
      new SerializedString("detail__human_share");
  private static final SerializedString DETAIL__ITEMS = new SerializedString("detail__items");
  private static final SerializedString DETAIL__KIND = new SerializedString("detail__kind");
  private static final SerializedString DETAIL__LAST_RETRAIN =
      new SerializedString("detail__last_retrain");
  private static final SerializedString DETAIL__LAUNDERED_SHARE =
      new SerializedString("detail__laundered_share");
  private static final SerializedString DETAIL__PREDICTED =
      new SerializedString("detail__predicted");
  private static final SerializedString DETAIL__RETRAINS = new SerializedString("detail__retrains");
  private static final SerializedString EDGES = new SerializedString("edges");
  private static final SerializedString END = new SerializedString("end");
  private static final SerializedString ID = new SerializedString("id");
  private static final SerializedString MAINSTAT = new SerializedString("mainstat");
  private static final SerializedString MEMBERS = new SerializedString("members");
  private static final SerializedString NODES = new SerializedString("nodes");
  private static final SerializedString SECONDARYSTAT = new SerializedString("secondarystat");
  private static final SerializedString SOURCE = new SerializedString("source");
  private static final SerializedString START = new SerializedString("start");
  private static final SerializedString SUBTITLE = new SerializedString("subtitle");
  private static final SerializedString TARGET = new SerializedString("target");
  private static final SerializedString TITLE = new SerializedString("title");
  private static final SerializedString WINDOW = new SerializedString("window");
  private static final SerializedString[] HUMAN_NULLS = {
    DETAIL__HUMAN_SHARE,
    DETAIL__LAUNDERED_SHARE,
    DETAIL__CLASS,
    DETAIL__CLOSED_CLASS,
    DETAIL__ITEMS,
    DETAIL__RETRAINS,
    DETAIL__LAST_RETRAIN
  };

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

  /**
   * The document as {@code mapper} (an indenting one, as {@code Yaml.json()}) writes {@link
   * #toMap}, with a final newline: streamed by {@link #write}, with the default pretty printer's
   * layout but each line's indentation written as ready bytes ({@link Indent}) rather than char by
   * char. {@code sizeHint} sizes the buffer.
   */
  public static byte[] bytes(ObjectMapper mapper, GraphAnalysis a, int sizeHint)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(256, sizeHint));
    DefaultPrettyPrinter layout = new DefaultPrettyPrinter().withObjectIndenter(new Indent());
    try (JsonGenerator gen = mapper.writer(layout).createGenerator(out)) {
      write(gen, a);
    }
    out.write('\n');
    return out.toByteArray();
  }

  /**
   * {@link DefaultIndenter}'s object indentation (a line break, then two spaces a level), each
   * level's text encoded once.
   */
  private static final class Indent implements DefaultPrettyPrinter.Indenter {
    private static final DefaultIndenter DEFAULT = DefaultIndenter.SYSTEM_LINEFEED_INSTANCE;
    private static final SerializedString[] LEVELS = new SerializedString[16];

    static {
      for (int l = 0; l < LEVELS.length; l++) {
        LEVELS[l] = new SerializedString(DefaultIndenter.SYS_LF + "  ".repeat(l));
      }
    }

    @Override
    public void writeIndentation(JsonGenerator g, int level) throws IOException {
      if (level >= 0 && level < LEVELS.length) {
        g.writeRaw(LEVELS[level]);
      } else {
        DEFAULT.writeIndentation(g, level);
      }
    }

    @Override
    public boolean isInline() {
      return false;
    }
  }

  /**
   * Writes the whole document to {@code gen}: the same keys, values and order as {@link #toMap}, so
   * that a generator configured as the mapper that writes {@code toMap} writes the same bytes.
   */
  public static void write(JsonGenerator gen, GraphAnalysis a) throws IOException {
    InteractionGraph g = a.graph();
    gen.writeStartObject();
    gen.writeFieldName(WINDOW);
    gen.writeStartObject();
    field(gen, START, g.start());
    field(gen, END, g.end());
    gen.writeEndObject();
    gen.writeFieldName(NODES);
    gen.writeStartArray();
    for (String h : g.humans()) {
      writeHuman(gen, h, "human");
    }
    if (g.usesArchive()) {
      writeHuman(gen, InteractionGraph.ARCHIVE_ID, "archive");
    }
    int humans = g.humanCount();
    for (int i = 0; i < g.models().size(); i++) {
      if (!a.shown(i)) {
        continue;
      }
      InteractionGraph.Input in = g.inputs().get(i);
      String id = g.models().get(i);
      String label = a.prediction(i).label();
      double ancestry = a.ancestry(i);
      double depth = a.depth(i);
      double laundered = in.known() ? in.launderedShare(humans) : 0;
      gen.writeStartObject();
      field(gen, ID, id);
      field(gen, TITLE, id);
      field(gen, SUBTITLE, label);
      number(gen, MAINSTAT, ancestry);
      number(gen, SECONDARYSTAT, depth);
      field(gen, ARC__HUMAN, in.known() ? in.humanShare() : 0);
      field(gen, ARC__MODEL, in.known() ? 1 - in.humanAuthoredShare(humans) : 0);
      field(gen, ARC__LAUNDERED, laundered);
      field(gen, DETAIL__KIND, "model");
      field(gen, DETAIL__PREDICTED, label);
      number(gen, DETAIL__ANCESTRY, ancestry);
      number(gen, DETAIL__DEPTH, depth);
      number(gen, DETAIL__HUMAN_SHARE, in.humanShare());
      if (in.known()) {
        field(gen, DETAIL__LAUNDERED_SHARE, laundered);
      } else {
        gen.writeFieldName(DETAIL__LAUNDERED_SHARE);
        gen.writeNull();
      }
      field(gen, DETAIL__CLASS, "c" + a.classOf(i));
      field(gen, DETAIL__CLOSED_CLASS, a.closedWithoutHuman(a.classOf(i)));
      field(gen, DETAIL__ITEMS, in.items());
      field(gen, DETAIL__RETRAINS, in.retrains());
      if (in.lastTick() < 0) {
        gen.writeFieldName(DETAIL__LAST_RETRAIN);
        gen.writeNull();
      } else {
        field(gen, DETAIL__LAST_RETRAIN, in.lastTick());
      }
      gen.writeEndObject();
    }
    gen.writeEndArray();
    gen.writeFieldName(EDGES);
    gen.writeStartArray();
    for (int i = 0; i < g.models().size(); i++) {
      if (!a.shown(i)) {
        continue;
      }
      InteractionGraph.Input in = g.inputs().get(i);
      String target = g.models().get(i);
      int[] authors = in.authors();
      long[] counts = in.counts();
      for (int k = 0; k < authors.length; k++) {
        String source = g.idOf(authors[k]);
        gen.writeStartObject();
        field(gen, ID, source + "->" + target);
        field(gen, SOURCE, source);
        field(gen, TARGET, target);
        field(gen, MAINSTAT, (double) counts[k] / in.items());
        field(gen, SECONDARYSTAT, counts[k]);
        field(gen, DETAIL__KIND, g.isHuman(authors[k]) ? "human" : "model");
        gen.writeEndObject();
      }
    }
    gen.writeEndArray();
    gen.writeFieldName(CLASSES);
    gen.writeStartArray();
    List<int[]> classes = a.classes();
    for (int c = 0; c < classes.size(); c++) {
      if (java.util.Arrays.stream(classes.get(c)).noneMatch(a::shown)) {
        continue;
      }
      gen.writeStartObject();
      field(gen, ID, "c" + c);
      gen.writeFieldName(MEMBERS);
      gen.writeStartArray();
      for (int i : classes.get(c)) {
        gen.writeString(g.models().get(i));
      }
      gen.writeEndArray();
      field(gen, CLOSED_WITHOUT_HUMAN, a.closedWithoutHuman(c));
      gen.writeEndObject();
    }
    gen.writeEndArray();
    gen.writeEndObject();
  }

  /** A human source or the archive, as {@link #human}. */
  private static void writeHuman(JsonGenerator gen, String id, String kind) throws IOException {
    gen.writeStartObject();
    field(gen, ID, id);
    field(gen, TITLE, kind.equals("archive") ? "archive" : id);
    field(gen, SUBTITLE, kind);
    field(gen, MAINSTAT, 1.0);
    field(gen, SECONDARYSTAT, 0.0);
    field(gen, ARC__HUMAN, 1.0);
    field(gen, ARC__MODEL, 0.0);
    field(gen, ARC__LAUNDERED, 0.0);
    field(gen, DETAIL__KIND, kind);
    gen.writeFieldName(DETAIL__PREDICTED);
    gen.writeNull();
    field(gen, DETAIL__ANCESTRY, 1.0);
    field(gen, DETAIL__DEPTH, 0.0);
    for (SerializedString f : HUMAN_NULLS) {
      gen.writeFieldName(f);
      gen.writeNull();
    }
    gen.writeEndObject();
  }

  /** A number, or null for NaN, as {@link #number(double)}. */
  private static void number(JsonGenerator gen, SerializedString name, double v)
      throws IOException {
    gen.writeFieldName(name);
    if (Double.isNaN(v)) {
      gen.writeNull();
    } else {
      gen.writeNumber(v);
    }
  }

  /** A string field. */
  private static void field(JsonGenerator gen, SerializedString name, String v) throws IOException {
    gen.writeFieldName(name);
    gen.writeString(v);
  }

  /** A number field. */
  private static void field(JsonGenerator gen, SerializedString name, double v) throws IOException {
    gen.writeFieldName(name);
    gen.writeNumber(v);
  }

  /** An integer field. */
  private static void field(JsonGenerator gen, SerializedString name, long v) throws IOException {
    gen.writeFieldName(name);
    gen.writeNumber(v);
  }

  /** A boolean field. */
  private static void field(JsonGenerator gen, SerializedString name, boolean v)
      throws IOException {
    gen.writeFieldName(name);
    gen.writeBoolean(v);
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
