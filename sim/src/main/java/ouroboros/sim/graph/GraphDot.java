package ouroboros.sim.graph;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An analysed graph as Graphviz DOT: human sources as blue boxes, models as ellipses coloured by
 * their predicted verdict (green bounded, red collapses, grey unknown), each closed class with no
 * human data in a dashed red cluster, and edges from author to trainer labelled with their weight,
 * the share of the trainer's training data the author wrote. A model not released yet is left out;
 * a retired one is drawn dashed while its output still feeds a model, then left out.
 */
public final class GraphDot {
  private static final String HUMAN = "#cfe2f3";
  private static final String BOUNDED = "#b6d7a8";
  private static final String COLLAPSES = "#ea9999";
  private static final String UNKNOWN = "#d9d9d9";

  private GraphDot() {}

  /** The DOT text of a graph, with {@code name} as the graph's name. */
  public static String render(String name, GraphAnalysis a) {
    return render(name, a, null);
  }

  /**
   * The DOT text of a graph with only the models {@code kept} marks (null: all), the edges into
   * them from human sources, the archive and other kept models: a run that keeps a sample of its
   * models' rows draws the same sample, so that the file grows with the sample, not with the web.
   */
  public static String render(String name, GraphAnalysis a, boolean[] kept) {
    InteractionGraph g = a.graph();
    int humans = g.humanCount();
    StringBuilder b = new StringBuilder();
    b.append("digraph ").append(quote(name)).append(" {\n");
    b.append("  label=")
        .append(
            quote(
                "ticks "
                    + g.start()
                    + " to "
                    + g.end()
                    + "; green: bounded, red: collapses, grey: unknown; edge label: share of the target's"
                    + " training data"
                    + (kept == null ? "" : "; a sample of " + count(kept) + " models")))
        .append(";\n");
    b.append("  labelloc=t;\n  rankdir=LR;\n");
    b.append("  node [fontname=\"Helvetica\", style=filled];\n");
    b.append("  edge [fontname=\"Helvetica\", fontsize=10];\n");
    for (String h : g.humans()) {
      humanNode(b, h, h + "\\nhuman");
    }
    if (g.usesArchive()) {
      humanNode(b, InteractionGraph.ARCHIVE_ID, "archive\\nfresh human data");
    }
    List<int[]> classes = a.classes();
    for (int c = 0; c < classes.size(); c++) {
      if (java.util.Arrays.stream(classes.get(c)).noneMatch(i -> drawn(a, kept, i))) {
        continue;
      }
      boolean cluster = a.closedWithoutHuman(c);
      String indent = cluster ? "    " : "  ";
      if (cluster) {
        b.append("  subgraph ")
            .append(quote("cluster_c" + c))
            .append(" {\n")
            .append("    label=\"closed, no human data\";\n")
            .append("    style=dashed;\n    color=\"#cc0000\";\n");
      }
      for (int i : classes.get(c)) {
        if (drawn(a, kept, i)) {
          modelNode(b, indent, a, i);
        }
      }
      if (cluster) {
        b.append("  }\n");
      }
    }
    // Edge weights are count / items over few distinct pairs, and String.format costs microseconds
    // (it builds the locale's DecimalFormatSymbols each call): format each distinct weight once.
    Map<Double, String> weights = new HashMap<>();
    for (int i = 0; i < g.models().size(); i++) {
      InteractionGraph.Input in = g.inputs().get(i);
      if (!drawn(a, kept, i)) {
        continue;
      }
      for (int k = 0; k < in.authors().length; k++) {
        if (kept != null && in.authors()[k] >= humans && !kept[in.authors()[k] - humans]) {
          continue;
        }
        b.append("  ");
        quote(b, g.idOf(in.authors()[k])).append(" -> ");
        quote(b, g.models().get(i)).append(" [label=");
        quote(b, weights.computeIfAbsent((double) in.counts()[k] / in.items(), w -> fixed(w, 3)))
            .append("];\n");
      }
    }
    b.append("}\n");
    return b.toString();
  }

  /** Whether model {@code i} is drawn: shown in the window, and kept. */
  private static boolean drawn(GraphAnalysis a, boolean[] kept, int i) {
    return a.shown(i) && (kept == null || kept[i]);
  }

  /** How many are marked. */
  private static int count(boolean[] kept) {
    int n = 0;
    for (boolean k : kept) {
      n += k ? 1 : 0;
    }
    return n;
  }

  /** A human source or the archive. */
  private static void humanNode(StringBuilder b, String id, String label) {
    b.append("  ");
    quote(b, id).append(" [shape=box, fillcolor=");
    quote(b, HUMAN).append(", label=");
    quote(b, label).append("];\n");
  }

  /** A model, coloured by its prediction. */
  private static void modelNode(StringBuilder b, String indent, GraphAnalysis a, int i) {
    Prediction p = a.prediction(i);
    String fill =
        p == Prediction.COLLAPSES ? COLLAPSES : p == Prediction.BOUNDED ? BOUNDED : UNKNOWN;
    boolean retired = a.graph().presence().get(i) == InteractionGraph.Presence.RETIRED;
    String id = a.graph().models().get(i);
    b.append(indent);
    quote(b, id).append(" [shape=ellipse, ");
    if (retired) {
      b.append("style=\"filled,dashed\", ");
    }
    b.append("fillcolor=");
    quote(b, fill).append(", label=\"");
    escape(b, id);
    b.append(retired ? " (retired)" : "").append("\\n");
    escape(b, p.label());
    b.append("\\nancestry ")
        .append(fixed(a.ancestry(i), 3))
        .append("\\ndepth ")
        .append(fixed(a.depth(i), 2))
        .append("\"];\n");
  }

  /**
   * A number with {@code digits} decimals, or "n/a": the text of {@code String.format(Locale.ROOT,
   * "%.<digits>f", v)}, which rounds half up the decimal digits of {@link Double#toString}, without
   * the Formatter's parsing and DecimalFormatSymbols for each call (GraphDotTest compares the two).
   */
  static String fixed(double v, int digits) {
    if (Double.isNaN(v)) {
      return "n/a";
    }
    boolean negative = Double.compare(v, 0.0) < 0;
    if (Double.isInfinite(v)) {
      return negative ? "-Infinity" : "Infinity";
    }
    String text =
        new BigDecimal(Double.toString(Math.abs(v)))
            .setScale(digits, RoundingMode.HALF_UP)
            .toPlainString();
    return negative ? "-" + text : text;
  }

  /** A DOT double-quoted string; a label's "\n" escapes are written by the caller. */
  private static String quote(String s) {
    return quote(new StringBuilder(s.length() + 2), s).toString();
  }

  /** Appends {@code s} as a DOT double-quoted string to {@code b}. */
  private static StringBuilder quote(StringBuilder b, String s) {
    return escape(b.append('"'), s).append('"');
  }

  /** Appends {@code s} to {@code b} with its double quotes escaped, as inside a quoted string. */
  private static StringBuilder escape(StringBuilder b, String s) {
    return s.indexOf('"') < 0 ? b.append(s) : b.append(s.replace("\"", "\\\""));
  }
}
