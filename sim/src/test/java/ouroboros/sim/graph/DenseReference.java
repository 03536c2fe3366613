package ouroboros.sim.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;
import org.jgrapht.graph.AbstractBaseGraph;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DefaultGraphSpecificsStrategy;
import org.jgrapht.graph.DefaultGraphType;
import org.jgrapht.traverse.TopologicalOrderIterator;
import org.jgrapht.util.SupplierUtil;

/**
 * The analysis as it was before issue 15, kept as a reference for {@link
 * GraphAnalysisAgreementTest}: JGraphT's Kosaraju inspector for the classes, a JGraphT condensation
 * walked in topological order, and a dense LU decomposition of (I - W_CC) a_C = h_C + W_C,up a_up
 * per class, O(s^3) for a class of s models. Same semantics as {@link GraphAnalysis}; test code
 * only.
 */
final class DenseReference {
  private final InteractionGraph graph;
  private final List<int[]> classes;
  private final int[] classOf;
  private final boolean[] closed;
  private final double[] ancestry;
  private final Prediction[] predictions;

  private DenseReference(
      InteractionGraph graph,
      List<int[]> classes,
      int[] classOf,
      boolean[] closed,
      double[] ancestry,
      Prediction[] predictions) {
    this.graph = graph;
    this.classes = classes;
    this.classOf = classOf;
    this.closed = closed;
    this.ancestry = ancestry;
    this.predictions = predictions;
  }

  /** Analyses a graph. */
  static DenseReference of(InteractionGraph g) {
    Objects.requireNonNull(g, "g");
    int m = g.models().size();
    int h = g.humanCount();
    Graph<Integer, DefaultEdge> flow = flowGraph();
    for (int i = 0; i < m; i++) {
      flow.addVertex(i);
    }
    for (int i = 0; i < m; i++) {
      for (int a : g.inputs().get(i).authors()) {
        if (a >= h) {
          flow.addEdge(a - h, i);
        }
      }
    }
    // Classes ordered by their smallest member, members ascending: stable output.
    List<int[]> classes = new ArrayList<>();
    for (Set<Integer> set :
        new KosarajuStrongConnectivityInspector<>(flow).stronglyConnectedSets()) {
      classes.add(set.stream().mapToInt(Integer::intValue).sorted().toArray());
    }
    classes.sort(Comparator.comparingInt(c -> c[0]));
    int[] classOf = new int[m];
    int[] position = new int[m];
    for (int c = 0; c < classes.size(); c++) {
      int[] members = classes.get(c);
      for (int r = 0; r < members.length; r++) {
        classOf[members[r]] = c;
        position[members[r]] = r;
      }
    }
    // The condensation: class u -> class c when a model of c trains on a model of u.
    Graph<Integer, DefaultEdge> dag = new DefaultDirectedGraph<>(DefaultEdge.class);
    for (int c = 0; c < classes.size(); c++) {
      dag.addVertex(c);
    }
    for (int i = 0; i < m; i++) {
      for (int a : g.inputs().get(i).authors()) {
        if (a >= h && classOf[a - h] != classOf[i]) {
          dag.addEdge(classOf[a - h], classOf[i]);
        }
      }
    }
    boolean[] closed = new boolean[classes.size()];
    boolean[] collapses = new boolean[classes.size()];
    boolean[] unknown = new boolean[classes.size()];
    double[] ancestry = new double[m];
    var order = new TopologicalOrderIterator<>(dag, Comparator.<Integer>naturalOrder());
    while (order.hasNext()) {
      int c = order.next();
      closed[c] = dag.inDegreeOf(c) == 0 && closedWithoutHuman(g, classes.get(c));
      collapses[c] = closed[c];
      unknown[c] = !g.inputs().get(classes.get(c)[0]).known();
      for (DefaultEdge e : dag.incomingEdgesOf(c)) {
        int up = dag.getEdgeSource(e);
        collapses[c] |= collapses[up];
        unknown[c] |= unknown[up];
      }
      solve(g, classes.get(c), classOf, position, c, closed[c], ancestry);
    }
    Prediction[] predictions = new Prediction[m];
    for (int i = 0; i < m; i++) {
      int c = classOf[i];
      predictions[i] =
          !g.inputs().get(i).known()
              ? Prediction.UNKNOWN
              : collapses[c]
                  ? Prediction.COLLAPSES
                  : unknown[c] ? Prediction.UNKNOWN : Prediction.BOUNDED;
    }
    return new DenseReference(g, List.copyOf(classes), classOf, closed, ancestry, predictions);
  }

  /**
   * An empty directed graph that allows self-loops, without the edge lookup index of JGraphT's
   * default graphs: each model lists each author once, so no edge is added twice, and building the
   * index would cost more than finding the classes (5 times more at 1,000 models that each train on
   * 500 others).
   */
  private static Graph<Integer, DefaultEdge> flowGraph() {
    return new AbstractBaseGraph<Integer, DefaultEdge>(
        null,
        SupplierUtil.DEFAULT_EDGE_SUPPLIER,
        DefaultGraphType.directedPseudograph(),
        new DefaultGraphSpecificsStrategy<>()) {};
  }

  /**
   * Whether the members of a class with no model input from outside have all trained and received
   * no human data.
   */
  private static boolean closedWithoutHuman(InteractionGraph g, int[] members) {
    for (int i : members) {
      InteractionGraph.Input in = g.inputs().get(i);
      if (!in.known() || in.human() > 0) {
        return false;
      }
    }
    return true;
  }

  /** Fills in the ancestry of one class, its upstream classes being done. */
  private static void solve(
      InteractionGraph g,
      int[] members,
      int[] classOf,
      int[] position,
      int c,
      boolean closed,
      double[] ancestry) {
    int s = members.length;
    if (closed) {
      for (int i : members) {
        ancestry[i] = 0;
      }
      return;
    }
    double[] b = new double[s];
    RealMatrix a = new Array2DRowRealMatrix(s, s);
    for (int r = 0; r < s; r++) {
      int i = members[r];
      InteractionGraph.Input in = g.inputs().get(i);
      if (!in.known()) {
        Arrays.stream(members).forEach(k -> ancestry[k] = Double.NaN);
        return;
      }
      b[r] = in.humanShare();
      a.setEntry(r, r, 1);
      for (int a2 : in.authors()) {
        if (a2 < g.humanCount()) {
          continue;
        }
        int j = a2 - g.humanCount();
        double w = in.share(a2);
        if (classOf[j] == c) {
          a.addToEntry(r, position[j], -w);
        } else {
          b[r] += w * ancestry[j];
        }
      }
    }
    if (Arrays.stream(b).anyMatch(Double::isNaN)) {
      Arrays.stream(members).forEach(k -> ancestry[k] = Double.NaN);
      return;
    }
    if (s == 1) {
      ancestry[members[0]] = probability(b[0] / a.getEntry(0, 0));
      return;
    }
    RealVector x = new LUDecomposition(a).getSolver().solve(new ArrayRealVector(b, false));
    for (int r = 0; r < s; r++) {
      ancestry[members[r]] = probability(x.getEntry(r));
    }
  }

  /** A solved probability, with rounding error beyond [0, 1] cut off. */
  private static double probability(double x) {
    return Math.max(0, Math.min(1, x));
  }

  /** The graph analysed. */
  public InteractionGraph graph() {
    return graph;
  }

  /** The strongly connected classes, each as ascending model indices, by smallest member. */
  public List<int[]> classes() {
    return classes.stream().map(int[]::clone).toList();
  }

  /** The class of model {@code i}. */
  public int classOf(int i) {
    return classOf[i];
  }

  /** Whether class {@code c} is closed and receives no human data. */
  public boolean closedWithoutHuman(int c) {
    return closed[c];
  }

  /** a_i, the human ancestry of model {@code i}; NaN when it or an ancestor has not trained. */
  public double ancestry(int i) {
    return ancestry[i];
  }

  /** The mean synthetic depth of model {@code i}'s training data in the window; NaN if none. */
  public double depth(int i) {
    return graph.inputs().get(i).depth();
  }

  /** The verdict the graph predicts for model {@code i}. */
  public Prediction prediction(int i) {
    return predictions[i];
  }
}
