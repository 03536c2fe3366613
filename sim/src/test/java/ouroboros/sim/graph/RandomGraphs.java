package ouroboros.sim.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import ouroboros.agents.data.Items;
import ouroboros.sim.graph.InteractionGraph.Input;

/** Seeded random interaction graphs for the analysis tests. */
final class RandomGraphs {
  private RandomGraphs() {}

  /**
   * A small graph: 1 to 12 models, 0 to 2 human sources; a model has not trained with probability
   * 0.1, else it takes 1 to 4 random authors (models, human sources, the archive) with 1 to 100
   * items each, some of the human-authored ones laundered.
   */
  static InteractionGraph small(Random rnd) {
    int m = 1 + rnd.nextInt(12);
    int h = rnd.nextInt(3);
    List<Input> inputs = new ArrayList<>();
    for (int i = 0; i < m; i++) {
      if (rnd.nextDouble() < 0.1) {
        inputs.add(Input.NONE);
        continue;
      }
      TreeMap<Integer, Long> counts = new TreeMap<>();
      int authors = 1 + rnd.nextInt(4);
      for (int k = 0; k < authors; k++) {
        int a = rnd.nextInt(h + m + 1) - 1; // -1 is the archive
        counts.merge(a, 1L + rnd.nextInt(100), Long::sum);
      }
      inputs.add(input(counts, h, rnd));
    }
    return graph(h, inputs);
  }

  /**
   * A large sparse graph of {@code m} models and 10 human sources, average out-degree about 5: 1%
   * of the models in closed rings of 3 (no human data, no upstream); three strongly connected
   * blocks of a fifth of the models each (a ring plus 4 random authors in the block per model,
   * human data for 30% of them, an upstream author for 20%); the rest train on 5 random earlier
   * models, with human data for half of them and a later model for 5% (small classes).
   */
  static InteractionGraph large(int m, long seed) {
    Random rnd = new Random(seed);
    int h = 10;
    int rings = m / 100 / 3 * 3;
    int block = m / 5;
    List<Input> inputs = new ArrayList<>();
    for (int i = 0; i < m; i++) {
      TreeMap<Integer, Long> counts = new TreeMap<>();
      if (i < rings) {
        counts.put(h + (i % 3 == 2 ? i - 2 : i + 1), 100L);
      } else if (i < rings + 3 * block) {
        int start = rings + (i - rings) / block * block;
        counts.merge(
            h + (i == start ? start + block - 1 : i - 1), 1L + rnd.nextInt(100), Long::sum);
        for (int k = 0; k < 4; k++) {
          counts.merge(h + start + rnd.nextInt(block), 1L + rnd.nextInt(100), Long::sum);
        }
        if (rnd.nextDouble() < 0.3) {
          counts.merge(rnd.nextInt(h), 1L + rnd.nextInt(100), Long::sum);
        }
        if (start > 0 && rnd.nextDouble() < 0.2) {
          counts.merge(h + rnd.nextInt(start), 1L + rnd.nextInt(100), Long::sum);
        }
      } else {
        for (int k = 0; k < 5; k++) {
          counts.merge(h + rnd.nextInt(i), 1L + rnd.nextInt(100), Long::sum);
        }
        if (rnd.nextDouble() < 0.5) {
          counts.merge(rnd.nextInt(h), 1L + rnd.nextInt(100), Long::sum);
        }
        if (i + 1 < m && rnd.nextDouble() < 0.05) {
          counts.merge(
              h + i + 1 + rnd.nextInt(Math.min(10, m - i - 1)), 1L + rnd.nextInt(100), Long::sum);
        }
      }
      inputs.add(input(counts, h, rnd));
    }
    return graph(h, inputs);
  }

  /** An input with these counts; human-authored items are of depth 0 or, sometimes, laundered. */
  private static Input input(TreeMap<Integer, Long> counts, int h, Random rnd) {
    int[] authors = counts.keySet().stream().mapToInt(Integer::intValue).toArray();
    long[] n = counts.values().stream().mapToLong(Long::longValue).toArray();
    long human = 0;
    for (int k = 0; k < authors.length; k++) {
      if (authors[k] == Items.ARCHIVE || authors[k] < h) {
        human += rnd.nextDouble() < 0.2 ? rnd.nextInt((int) n[k] + 1) : n[k];
      }
    }
    return Input.of(authors, n, human, 1 + rnd.nextDouble() * 3);
  }

  private static InteractionGraph graph(int h, List<Input> inputs) {
    List<String> humans = new ArrayList<>();
    for (int k = 0; k < h; k++) {
      humans.add("h" + k);
    }
    List<String> models = new ArrayList<>();
    for (int k = 0; k < inputs.size(); k++) {
      models.add("m" + k);
    }
    return new InteractionGraph(0, 9, humans, models, inputs);
  }
}
