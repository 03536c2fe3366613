package ouroboros.sim.graph;

import java.util.List;
import java.util.Objects;

/**
 * What the interaction graph predicts, after Wu, Zhou and Su 2026, "When Does Model Collapse Occur
 * in Structured Interactive Learning?", in the absorbing-chain reading of SCIENCE.md ("Topology").
 * Models are the nodes; an edge j -> i carries w_ij, the share of i's training data that model j
 * wrote; h_i is the share of human data (synthetic depth 0).
 *
 * <ul>
 *   <li><b>Classes</b>: the strongly connected components ({@link Condensation}: Tarjan's algorithm
 *       on primitive arrays), which come out in topological order.
 *   <li><b>Closed class with no human data</b>: a class none of whose members receives human data
 *       (h = 0) or trains on a model outside the class. SCIENCE.md: such a set "trains only on
 *       itself ... and accumulates error like a random walk under replace". Laundered items (see
 *       {@link InteractionGraph}) are synthetic data of unknown origin: they bring no human data,
 *       so they do not open a class.
 *   <li><b>Human ancestry</b> a_i = h_i + Σ_j w_ij a_j: the probability that a walk which starts at
 *       model i and steps to the author of a random training item ends at human data (the
 *       absorption probability). Solved class by class in topological order ({@link Ancestry}): (I
 *       − W_CC) a_C = h_C + W_C,up a_up, by propagation for a single model and by sparse
 *       Gauss–Seidel sweeps for a large class; a closed class has a = 0 (its system is singular).
 *       Laundered items end the walk without human data. NaN for a model that has not trained (has
 *       no input: a model that starts as the truth has one, see {@link GraphWindow}), and for every
 *       model downstream of one.
 *   <li><b>Predicted verdict</b>: SCIENCE.md: "Every model that trains, directly or through others,
 *       on such a set collapses with it. A model whose every upstream path reaches human data stays
 *       bounded." So a model {@link Prediction#COLLAPSES} when it is in, or reachable from, a
 *       closed class with no human data; otherwise it is {@link Prediction#BOUNDED}, unless it or
 *       an ancestor has not trained ({@link Prediction#UNKNOWN}). Ancestry alone does not decide: a
 *       model fed by humans and by a closed pair has a_i > 0, yet the pair's diverging error leaks
 *       into it, and it collapses. The prediction is the paper's, made for replace-like training: a
 *       closed class that accumulates its data (Gerstgrasser et al. 2024) is predicted to collapse
 *       and may stay bounded, which the measured verdicts show beside it.
 * </ul>
 *
 * <p>Cost: O(V + E) for the classes, the verdicts and the propagation, times the sweeps for a class
 * of more than {@link Ancestry#DENSE_MAX} models (about 150 when a third of its members take a
 * sixth of their data from people; one when every walk ends at people, as in P4's web, where the
 * sweeps start from {@link Ancestry}'s constant bounds); smaller classes are solved exactly as
 * before issue 15, for byte-identical outputs. A quarter of a second for 10,000 models that each
 * train on 5 others, 2.5 s for 100,000 on a loaded 2-core machine ({@code
 * GraphAnalysisScaleTest#main}). Immutable.
 */
public final class GraphAnalysis {
  private final InteractionGraph graph;
  private final int[][] classes;
  private final int[] classOf;
  private final boolean[] closed;
  private final double[] ancestry;
  private final Prediction[] predictions;
  private final boolean[] shown;

  private GraphAnalysis(
      InteractionGraph graph,
      int[][] classes,
      int[] classOf,
      boolean[] closed,
      double[] ancestry,
      Prediction[] predictions,
      boolean[] shown) {
    this.graph = graph;
    this.classes = classes;
    this.classOf = classOf;
    this.closed = closed;
    this.ancestry = ancestry;
    this.predictions = predictions;
    this.shown = shown;
  }

  /** Analyses a graph. */
  public static GraphAnalysis of(InteractionGraph g) {
    return of(g, Ancestry.DENSE_MAX);
  }

  /** Analyses a graph, solving classes of more than {@code denseMax} models by sweeps. */
  static GraphAnalysis of(InteractionGraph g, int denseMax) {
    Objects.requireNonNull(g, "g");
    int m = g.models().size();
    int h = g.humanCount();
    Condensation cond = Condensation.of(g);
    int[][] classes = cond.classes;
    int[] classOf = cond.classOf;
    int[] position = new int[m];
    for (int[] members : classes) {
      for (int r = 0; r < members.length; r++) {
        position[members[r]] = r;
      }
    }
    boolean[] closed = new boolean[classes.length];
    boolean[] collapses = new boolean[classes.length];
    boolean[] unknown = new boolean[classes.length];
    double[] ancestry = new double[m];
    for (int c : cond.order) {
      int[] members = classes[c];
      // Upstream classes are done: a class is closed when no member trains on one of them.
      boolean upstream = false;
      for (int i : members) {
        for (int a : g.inputs().get(i).authors()) {
          if (a >= h && classOf[a - h] != c) {
            upstream = true;
            collapses[c] |= collapses[classOf[a - h]];
            unknown[c] |= unknown[classOf[a - h]];
          }
        }
      }
      closed[c] = !upstream && closedWithoutHuman(g, members);
      collapses[c] |= closed[c];
      unknown[c] |= !g.inputs().get(members[0]).known();
      Ancestry.solve(g, members, classOf, position, c, closed[c], ancestry, denseMax);
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
    return new GraphAnalysis(g, classes, classOf, closed, ancestry, predictions, shown(g));
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

  /** {@link InteractionGraph#shown} for every model at once, in O(V + E). */
  private static boolean[] shown(InteractionGraph g) {
    int m = g.models().size();
    int h = g.humanCount();
    boolean[] fed = new boolean[m];
    for (int k = 0; k < m; k++) {
      if (!g.trainsInWindow(k)) {
        continue;
      }
      InteractionGraph.Input in = g.inputs().get(k);
      for (int e = 0; e < in.authors().length; e++) {
        int j = in.authors()[e] - h;
        if (j >= 0 && j != k && in.counts()[e] > 0) {
          fed[j] = true;
        }
      }
    }
    boolean[] shown = new boolean[m];
    for (int i = 0; i < m; i++) {
      shown[i] =
          g.trainsInWindow(i) || g.presence().get(i) == InteractionGraph.Presence.RETIRED && fed[i];
    }
    return shown;
  }

  /** The graph analysed. */
  public InteractionGraph graph() {
    return graph;
  }

  /** The strongly connected classes, each as ascending model indices, by smallest member. */
  public List<int[]> classes() {
    return java.util.Arrays.stream(classes).map(int[]::clone).toList();
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

  /** {@link InteractionGraph#shown}, computed once for all models. */
  public boolean shown(int i) {
    return shown[i];
  }
}
