package ouroboros.sim.scenario.spec;

import java.util.List;
import ouroboros.agents.spec.Key;
import ouroboros.agents.spec.Spec;
import ouroboros.sim.scenario.check.Problems;
import ouroboros.sim.scenario.check.Suggest;

/**
 * The {@code output:} block: how much of a large run the run directory keeps. Every key is
 * optional; the defaults of {@code ouroboros.sim.output.OutputOptions} apply, and the resolved
 * {@code scenario.yaml} writes the block with them filled in.
 *
 * @param perModelRows which models get rows in metrics.csv and entries in summary.json: {@code
 *     all}, {@code sample}, {@code none}, or {@code auto} (all up to 1,000 models, else a sample)
 * @param sampleSize how many models {@code sample} (and {@code auto} beyond 1,000) keeps, drawn
 *     from the seed
 */
@Spec(
    name = "output",
    doc = "What a large run's directory keeps (docs/outputs.md, 'Outputs at scale').")
public record OutputSpec(
    @Key(
            doc =
                "Which models get rows in metrics.csv and entries in summary.json: all, a "
                    + "deterministic sample, none, or auto (all up to 1,000 models, else a sample).",
            def = "\"auto\"",
            schema = "{\"enum\": [\"all\", \"sample\", \"none\", \"auto\"]}")
        String perModelRows,
    @Key(
            doc =
                "How many models sample (and auto beyond 1,000 models) keeps, drawn from the seed.",
            min = 1,
            def = "1000")
        Integer sampleSize) {
  /** The values of {@code per-model-rows}. */
  public static final List<String> PER_MODEL_ROWS = List.of("all", "sample", "none", "auto");

  /** Checks the values, at pointers under {@code /output}. */
  public void validate(Problems p) {
    if (perModelRows != null && !PER_MODEL_ROWS.contains(perModelRows)) {
      p.add(
          "/output/per-model-rows",
          perModelRows,
          "one of " + PER_MODEL_ROWS + Suggest.didYouMean(perModelRows, PER_MODEL_ROWS));
    }
    if (sampleSize != null && sampleSize < 1) {
      p.add("/output/sample-size", sampleSize, "a whole number of at least 1");
    }
  }
}
