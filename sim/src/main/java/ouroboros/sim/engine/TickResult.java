package ouroboros.sim.engine;

import java.util.List;
import java.util.Objects;
import ouroboros.agents.model.RetrainReport;
import ouroboros.sim.web.Snapshot;

/**
 * What the observe phase sees at the end of a tick.
 *
 * @param tick the tick
 * @param web the snapshot sealed at this tick
 * @param reports retrain reports of this tick, in canonical agent order
 * @param published items published at this tick
 * @param phaseNanos wall time of each phase, indexed by {@link Phase#ordinal()} (observe excluded);
 *     when the clock folds a tick's retrain with the next tick's publish ({@link Clock}'s Steps),
 *     the retrain phase holds the next tick's publish and that tick's publish phase only the web's
 *     append and seal
 */
public record TickResult(
    int tick, Snapshot web, List<RetrainReport> reports, long published, long[] phaseNanos) {

  /** Checks the references. */
  public TickResult {
    Objects.requireNonNull(web, "web");
    reports = List.copyOf(reports);
    Objects.requireNonNull(phaseNanos, "phaseNanos");
  }
}
