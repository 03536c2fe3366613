package ouroboros.bench;

import ouroboros.sim.engine.Phase;
import ouroboros.sim.engine.RunOutcome;
import ouroboros.sim.engine.TickListener;
import ouroboros.sim.engine.TickResult;
import ouroboros.sim.web.Snapshot;

/**
 * A tick listener that only counts: items published, retrains, wall time per phase, and, at the
 * last tick, the web's size and its column bytes. It keeps the last snapshot so that the heap it
 * retains can be measured after the run. Runs on the clock's thread; read it after the run.
 */
final class Recorder implements TickListener {
  private final int lastTick;
  private final long[] phaseNanos = new long[Phase.values().length];
  private final long[] phaseMaxNanos = new long[Phase.values().length];
  private long published;
  private long retrains;
  private long fitFailures;
  private long retrainTicks;
  private Snapshot last;
  private long size;
  private long provenanceBytes;
  private long payloadBytes;

  /** A recorder for a run of {@code ticks} ticks. */
  Recorder(int ticks) {
    this.lastTick = ticks - 1;
  }

  @Override
  public void onTick(TickResult r) {
    published += r.published();
    retrains += r.reports().size();
    fitFailures += r.reports().stream().filter(x -> x.fitFailed()).count();
    if (!r.reports().isEmpty()) {
      retrainTicks++;
    }
    long[] p = r.phaseNanos();
    for (int i = 0; i < p.length && i < phaseNanos.length; i++) {
      phaseNanos[i] += p[i];
      phaseMaxNanos[i] = Math.max(phaseMaxNanos[i], p[i]);
    }
    if (r.tick() == lastTick) {
      last = r.web();
      size = last.size();
      provenanceBytes = last.provenanceBytes();
      payloadBytes = last.payloadBytes();
    }
  }

  @Override
  public void onFinish(RunOutcome outcome) {
    // Nothing to flush.
  }

  /** Items published over the run. */
  long published() {
    return published;
  }

  /** Retrain reports over the run. */
  long retrains() {
    return retrains;
  }

  /** Retrains whose fit failed. */
  long fitFailures() {
    return fitFailures;
  }

  /** Ticks with at least one retrain. */
  long retrainTicks() {
    return retrainTicks;
  }

  /** Total wall time of a phase over the run. */
  long phaseNanos(Phase phase) {
    return phaseNanos[phase.ordinal()];
  }

  /** The slowest single tick of a phase. */
  long phaseMaxNanos(Phase phase) {
    return phaseMaxNanos[phase.ordinal()];
  }

  /** The snapshot of the last tick, or null when the run did not reach it. */
  Snapshot last() {
    return last;
  }

  /** Items visible in the last snapshot. */
  long size() {
    return size;
  }

  /** Provenance column bytes of the last snapshot, payload excluded. */
  long provenanceBytes() {
    return provenanceBytes;
  }

  /** Payload bytes of the last snapshot. */
  long payloadBytes() {
    return payloadBytes;
  }
}
