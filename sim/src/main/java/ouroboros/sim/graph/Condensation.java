package ouroboros.sim.graph;

/**
 * The strongly connected classes of an interaction graph's models and their order, in O(V + E):
 * Tarjan's algorithm, iterative, on the trainer -> author adjacency that the inputs already hold
 * (each input's authors at or above H). On that reversed graph Tarjan closes a class only after
 * every class it reaches, its authors' classes, so the classes come out upstream first: a
 * topological order of the condensation. Classes are numbered by their smallest member.
 *
 * <p>Primitive arrays rather than JGraphT: at 100,000 models and 500,000 edges, JGraphT's object
 * graph (boxed vertices, an edge object and two set entries per edge) took about a second to build
 * and walk per tick, against tens of milliseconds here, and the analysis runs every tick.
 */
final class Condensation {
  /** Class members, ascending, by class; classes numbered by smallest member. */
  final int[][] classes;

  /** The class of each model. */
  final int[] classOf;

  /** Class numbers, upstream first. */
  final int[] order;

  private Condensation(int[][] classes, int[] classOf, int[] order) {
    this.classes = classes;
    this.classOf = classOf;
    this.order = order;
  }

  /** The classes of a graph's models. */
  static Condensation of(InteractionGraph g) {
    int m = g.models().size();
    int h = g.humanCount();
    int[][] adjacency = new int[m][];
    for (int i = 0; i < m; i++) {
      adjacency[i] = g.inputs().get(i).authors();
    }
    int[] component = new int[m];
    int components = tarjan(adjacency, h, component);
    // Number the classes by smallest member: the first model seen of each component.
    int[] label = new int[components];
    java.util.Arrays.fill(label, -1);
    int[] size = new int[components];
    int next = 0;
    for (int i = 0; i < m; i++) {
      int c = component[i];
      if (label[c] < 0) {
        label[c] = next++;
      }
      size[label[c]]++;
    }
    int[][] classes = new int[components][];
    for (int c = 0; c < components; c++) {
      classes[c] = new int[size[c]];
    }
    int[] classOf = new int[m];
    int[] filled = new int[components];
    for (int i = 0; i < m; i++) {
      int c = label[component[i]];
      classOf[i] = c;
      classes[c][filled[c]++] = i;
    }
    int[] order = new int[components];
    for (int c = 0; c < components; c++) {
      order[c] = label[c];
    }
    return new Condensation(classes, classOf, order);
  }

  /**
   * Tarjan's strongly connected components without recursion, over the edges i -> a - h for each
   * author a >= h of model i. Fills component[i] with its component's number, in the order the
   * components close, and returns their count.
   */
  private static int tarjan(int[][] adjacency, int h, int[] component) {
    int m = adjacency.length;
    int[] index = new int[m];
    java.util.Arrays.fill(index, -1);
    int[] low = new int[m];
    boolean[] onStack = new boolean[m];
    int[] stack = new int[m];
    int top = 0;
    int[] callNode = new int[m];
    int[] callEdge = new int[m];
    int depth = 0;
    int counter = 0;
    int components = 0;
    for (int root = 0; root < m; root++) {
      if (index[root] >= 0) {
        continue;
      }
      index[root] = low[root] = counter++;
      stack[top++] = root;
      onStack[root] = true;
      callNode[0] = root;
      callEdge[0] = 0;
      depth = 1;
      while (depth > 0) {
        int v = callNode[depth - 1];
        int[] out = adjacency[v];
        int e = callEdge[depth - 1];
        if (e < out.length) {
          callEdge[depth - 1] = e + 1;
          if (out[e] < h) {
            continue;
          }
          int w = out[e] - h;
          if (index[w] < 0) {
            index[w] = low[w] = counter++;
            stack[top++] = w;
            onStack[w] = true;
            callNode[depth] = w;
            callEdge[depth] = 0;
            depth++;
          } else if (onStack[w] && index[w] < low[v]) {
            low[v] = index[w];
          }
          continue;
        }
        if (low[v] == index[v]) {
          int w;
          do {
            w = stack[--top];
            onStack[w] = false;
            component[w] = components;
          } while (w != v);
          components++;
        }
        depth--;
        if (depth > 0) {
          int parent = callNode[depth - 1];
          low[parent] = Math.min(low[parent], low[v]);
        }
      }
    }
    return components;
  }
}
