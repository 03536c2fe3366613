package ouroboros.sim.engine;

/** The four phases of a tick, in order. Each is a barrier. */
public enum Phase {
  /** Apply the timeline events due at this tick. */
  EVENTS,
  /** Every active agent publishes; the web appends in canonical order and seals a snapshot. */
  PUBLISH,
  /** Models due at this tick retrain on the snapshot. */
  RETRAIN,
  /** Reports go to the topology, the metrics and the run files. */
  OBSERVE;

  /** Lowercase name for messages and metrics. */
  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
