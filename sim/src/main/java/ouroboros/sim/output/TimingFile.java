package ouroboros.sim.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import ouroboros.sim.engine.Phase;

/** timing.json: a run's wall time, throughput and time per phase (docs/outputs.md). */
final class TimingFile {
  private TimingFile() {}

  /**
   * Writes timing.json atomically.
   *
   * @param wall seconds since the run started
   * @param ticksCompleted the run's ticks, those before a resume included
   * @param ticksRun the ticks this attempt ran (after a resume or a cluster's node loss, those
   *     after the checkpoint), written as "ticks-run" and counted by the ticks per second, as the
   *     wall time, the items and the phase times count this attempt only
   * @param phaseNanos nanoseconds spent in each phase, by {@link Phase} ordinal
   */
  static void write(
      Path file,
      double wall,
      int threads,
      int ticksCompleted,
      int ticksRun,
      long published,
      long[] phaseNanos,
      ObjectMapper json)
      throws IOException {
    Map<String, Object> timing = new LinkedHashMap<>();
    timing.put("wall-seconds", wall);
    timing.put("threads", threads);
    timing.put("ticks-completed", ticksCompleted);
    timing.put("ticks-run", ticksRun);
    timing.put("ticks-per-second", ticksRun / wall);
    timing.put("items-published", published);
    timing.put("items-per-second", published / wall);
    Map<String, Object> phases = new LinkedHashMap<>();
    for (Phase p : Phase.values()) {
      if (p != Phase.OBSERVE) {
        phases.put(p.key(), phaseNanos[p.ordinal()] / 1e9);
      }
    }
    timing.put("phase-seconds", phases);
    AtomicFiles.write(file, json.writeValueAsBytes(timing));
  }
}
