package ouroboros.sim.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A guard, not a benchmark: the analysis of a 100,000-model random sparse graph (average out-degree
 * about 5, three strongly connected blocks of 20,000 models, closed rings) finishes well within 30
 * s; the old dense solver could not hold one such block in memory. {@link #main} prints the times
 * of both at 1,000, 10,000 and 100,000 models.
 */
class GraphAnalysisScaleTest {

  @Test
  @Tag("slow") // a stress test: the fast profile skips it
  void analysis_ofOneHundredThousandModels_finishesInSeconds() {
    InteractionGraph g = RandomGraphs.large(100_000, 15);
    GraphAnalysis a =
        assertTimeoutPreemptively(
            Duration.ofSeconds(30),
            () -> {
              long t0 = System.nanoTime();
              GraphAnalysis result = GraphAnalysis.of(g);
              System.out.printf(
                  "graph analysis of 100,000 models: %.3f s%n", (System.nanoTime() - t0) / 1e9);
              return result;
            });
    List<int[]> classes = a.classes();
    int largest = classes.stream().mapToInt(c -> c.length).max().orElse(0);
    long closed =
        java.util.stream.IntStream.range(0, classes.size()).filter(a::closedWithoutHuman).count();
    assertEquals(20_000, largest, "the blocks are strongly connected");
    assertEquals(1_000 / 3, closed, "each ring of 3 is a closed class");
    assertEquals(Prediction.COLLAPSES, a.prediction(0));
    // Every model has trained, so each ancestry is a number in [0, 1].
    assertTrue(
        Arrays.stream(classes.get(a.classOf(50_000)))
            .allMatch(i -> a.ancestry(i) >= 0 && a.ancestry(i) <= 1));
    // The sweeps satisfy each row of a block: a_i = h_i + sum_j w_ij a_j.
    int[] block = classes.get(a.classOf(20_000));
    for (int i : Arrays.copyOf(block, 1_000)) {
      InteractionGraph.Input in = g.inputs().get(i);
      double sum = in.humanShare();
      for (int k = 0; k < in.authors().length; k++) {
        if (in.authors()[k] >= g.humanCount()) {
          sum += in.share(in.authors()[k]) * a.ancestry(in.authors()[k] - g.humanCount());
        }
      }
      assertEquals(sum, a.ancestry(i), 1e-12, "row " + i);
    }
  }

  @Test
  void ancestry_ofOneClassThatPeopleFeed_isExactlyOneAfterOneSweep() {
    // P4's web: 20,000 models and 200 people each publish alike, every model scrapes 100 items
    // of the whole web, so about 1% of its training data is human and a third of the models
    // get none. One class, every walk ends at people: a = 1. Sweeps from 0 would take about
    // ln(1e13) / 0.01 = 3,000 sweeps to bracket it within GAP, and stop just short of 1.
    int m = 20_000;
    int h = 200;
    java.util.Random rnd = new java.util.Random(4);
    List<InteractionGraph.Input> inputs = new java.util.ArrayList<>();
    for (int i = 0; i < m; i++) {
      int[] drawn = new int[100];
      for (int k = 0; k < drawn.length; k++) {
        drawn[k] = rnd.nextInt(h + m);
      }
      Arrays.sort(drawn);
      int[] authors = Arrays.stream(drawn).distinct().toArray();
      long[] counts = new long[authors.length];
      long human = 0;
      for (int a : drawn) {
        counts[Arrays.binarySearch(authors, a)]++;
        human += a < h ? 1 : 0;
      }
      inputs.add(InteractionGraph.Input.of(authors, counts, human, 1));
    }
    List<String> people = java.util.stream.IntStream.range(0, h).mapToObj(k -> "h" + k).toList();
    List<String> models = java.util.stream.IntStream.range(0, m).mapToObj(k -> "m" + k).toList();
    InteractionGraph g = new InteractionGraph(0, 9, people, models, inputs);
    GraphAnalysis a = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> GraphAnalysis.of(g));
    assertEquals(1, a.classes().size(), "one strongly connected class");
    for (int i = 0; i < m; i++) {
      assertEquals(1.0, a.ancestry(i), "model " + i);
    }
  }

  /**
   * Prints the analysis times, new (best of 3) and old, at 1,000, 10,000 and 100,000 models (or the
   * sizes after the first argument, the old solver's time limit in seconds, 300 by default). The
   * old solver runs last, and not again once it has been stopped: it keeps a core busy.
   */
  public static void main(String[] args) throws Exception {
    long limit = args.length > 0 ? Long.parseLong(args[0]) : 300;
    int[] sizes =
        args.length > 1
            ? Arrays.stream(args).skip(1).mapToInt(Integer::parseInt).toArray()
            : new int[] {1_000, 10_000, 100_000};
    for (int m : sizes) {
      InteractionGraph g = RandomGraphs.large(m, 15);
      double best = Double.POSITIVE_INFINITY;
      for (int rep = 0; rep < 4; rep++) {
        long t0 = System.nanoTime();
        GraphAnalysis.of(g);
        best = rep == 0 ? best : Math.min(best, (System.nanoTime() - t0) / 1e9);
      }
      System.out.printf("%,d models: new %.3f s (best of 3 after a warm-up)%n", m, best);
    }
    boolean stopped = false;
    for (int m : sizes) {
      InteractionGraph g = RandomGraphs.large(m, 15);
      String[] before = {"more than " + limit + " s (stopped)"};
      Thread old =
          new Thread(
              () -> {
                try {
                  long t1 = System.nanoTime();
                  DenseReference.of(g);
                  before[0] = String.format("%.3f s", (System.nanoTime() - t1) / 1e9);
                } catch (OutOfMemoryError e) {
                  before[0] =
                      "out of memory (" + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB)";
                }
              });
      if (stopped) {
        before[0] = "not run, a smaller graph was stopped";
      } else {
        old.setDaemon(true);
        old.start();
        old.join(limit * 1000);
        stopped = old.isAlive();
      }
      System.out.printf("%,d models: old dense %s%n", m, before[0]);
    }
  }
}
