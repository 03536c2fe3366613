package ouroboros.sim.output;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import ouroboros.agents.rng.RngStreams;
import ouroboros.sim.scenario.spec.Declared;
import ouroboros.sim.scenario.spec.OutputSpec;

/**
 * What a run directory keeps of each model, from the scenario's {@code output:} block.
 *
 * <ul>
 *   <li>{@code per-model-rows: all}: every model's rows in metrics.csv and entry in summary.json;
 *   <li>{@code sample}: those of {@code sample-size} models drawn from the seed (the same models
 *       for the same seed, whatever the thread count), in model order;
 *   <li>{@code none}: no model's;
 *   <li>{@code auto} (default): all up to {@value #ALL_ROWS_UP_TO} models, else a sample.
 * </ul>
 *
 * <p>Web rows are always kept. When some model is left out, or a run has more than {@value
 * #ALL_ROWS_UP_TO} models, summary.json, the terminal table and the report also give each
 * population's mean and quantiles over all its models (see {@link PopulationStats}). At the
 * defaults a 100,000-model run keeps 1,000 models' rows.
 *
 * @param perModelRows {@code all}, {@code sample}, {@code none} or {@code auto}
 * @param sampleSize models kept by a sample
 */
public record OutputOptions(String perModelRows, int sampleSize) {
  /** The defaults. */
  public static final OutputOptions DEFAULTS =
      new OutputOptions(
          Declared.def(OutputSpec.class, "per-model-rows"),
          Declared.<Integer>def(OutputSpec.class, "sample-size"));

  /**
   * {@code per-model-rows: auto} keeps every model up to this many; beyond it, summary.json, the
   * terminal table and the report also aggregate per population.
   */
  public static final int ALL_ROWS_UP_TO = 1000;

  /** The options of a scenario's block (null: the defaults). */
  public static OutputOptions of(OutputSpec spec) {
    if (spec == null) {
      return DEFAULTS;
    }
    OutputSpec d = Declared.withDefaults(spec);
    return new OutputOptions(d.perModelRows(), d.sampleSize());
  }

  /** Which of {@code models} models are kept, by model index; the sample is drawn from seed. */
  public boolean[] kept(int models, long seed) {
    boolean[] keep = new boolean[models];
    String policy =
        perModelRows.equals("auto") ? (models <= ALL_ROWS_UP_TO ? "all" : "sample") : perModelRows;
    switch (policy) {
      case "all" -> Arrays.fill(keep, true);
      case "none" -> {}
      case "sample" -> sample(keep, seed);
      default ->
          throw new IllegalArgumentException(
              "per-model-rows: found '"
                  + perModelRows
                  + "', expected one of "
                  + OutputSpec.PER_MODEL_ROWS);
    }
    return keep;
  }

  /**
   * Whether summary.json, the terminal table and the report aggregate per population: when a model
   * is left out, or beyond {@value #ALL_ROWS_UP_TO} models.
   */
  public static boolean aggregates(boolean[] kept) {
    if (kept.length > ALL_ROWS_UP_TO) {
      return true;
    }
    for (boolean k : kept) {
      if (!k) {
        return true;
      }
    }
    return false;
  }

  /** Marks min(sampleSize, n) indices drawn without replacement (a partial Fisher-Yates). */
  private void sample(boolean[] keep, long seed) {
    int n = keep.length;
    if (sampleSize >= n) {
      Arrays.fill(keep, true);
      return;
    }
    UniformRandomProvider rng = new RngStreams(seed).stream("output", "sample");
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    for (int i = 0; i < sampleSize; i++) {
      int j = i + rng.nextInt(n - i);
      int t = idx[i];
      idx[i] = idx[j];
      idx[j] = t;
      keep[idx[i]] = true;
    }
  }
}
