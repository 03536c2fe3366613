package ouroboros.sim.output;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Every file name of a sweep directory, for the sweep command that writes it and the report that
 * reads it: {@code sweep.yaml} (a copy of the sweep file), {@code sweep.csv} (one row per run),
 * {@code summary.csv} (statistics per cell and metric), {@code sweep-ticks.csv} (statistics per
 * cell, tick and metric), {@code cells.csv} (one row per cell), {@code failures.csv} (one row per
 * run that failed, present only when one did) and one run directory per run (see {@link
 * RunLayout}).
 *
 * @param dir the sweep directory
 */
public record SweepLayout(Path dir) {
  /** The copy of the sweep file. */
  public static final String SWEEP_YAML = "sweep.yaml";

  /** One row per run. */
  public static final String SWEEP_CSV = "sweep.csv";

  /** Statistics per cell and metric. */
  public static final String SUMMARY_CSV = "summary.csv";

  /** One row per cell. */
  public static final String CELLS_CSV = "cells.csv";

  /** Statistics per cell, tick, model and metric. */
  public static final String SWEEP_TICKS_CSV = "sweep-ticks.csv";

  /** One row per run that failed, with its reason; present only when a run failed. */
  public static final String FAILURES_CSV = "failures.csv";

  /** sweep.csv's column of the replicate's own seed. */
  public static final String SEED = "seed";

  /** sweep.csv's column of the replicate's own seed when the sweep varies the path {@code seed}. */
  public static final String RUN_SEED = "run-seed";

  /**
   * The name of sweep.csv's column of the replicate's own seed, for a sweep with these swept paths:
   * {@value #RUN_SEED} when one of them is {@code seed} (which keeps its name), else {@value
   * #SEED}, so that no two columns share a name.
   */
  public static String seedColumn(java.util.List<String> paths) {
    return paths.contains(SEED) ? RUN_SEED : SEED;
  }

  /**
   * What sweep.csv, summary.csv and the sweep report write in the {@code model} column before a
   * population's id, in the rows of a run that aggregates per population (its summary.json has
   * {@code populations}): {@code population:labs}. An agent id has no ':', so no model's rows can
   * be taken for a population's, not even a model named as the group {@code models}.
   */
  public static final String POPULATION_PREFIX = "population:";

  /** The {@code model} column's value for a population's rows. */
  public static String populationKey(String id) {
    return POPULATION_PREFIX + id;
  }

  /** Whether a {@code model} column's value names a population ({@link #populationKey}). */
  public static boolean isPopulation(String model) {
    return model.startsWith(POPULATION_PREFIX);
  }

  /** Checks the directory. */
  public SweepLayout {
    Objects.requireNonNull(dir, "dir");
  }

  /** {@code sweep.yaml}. */
  public Path sweepYaml() {
    return dir.resolve(SWEEP_YAML);
  }

  /** {@code sweep.csv}. */
  public Path sweepCsv() {
    return dir.resolve(SWEEP_CSV);
  }

  /** {@code summary.csv}. */
  public Path summaryCsv() {
    return dir.resolve(SUMMARY_CSV);
  }

  /** {@code sweep-ticks.csv}. */
  public Path sweepTicksCsv() {
    return dir.resolve(SWEEP_TICKS_CSV);
  }

  /** {@code failures.csv}. */
  public Path failuresCsv() {
    return dir.resolve(FAILURES_CSV);
  }

  /** {@code cells.csv}. */
  public Path cellsCsv() {
    return dir.resolve(CELLS_CSV);
  }
}
