package ouroboros.sim.engine;

import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import ouroboros.agents.model.ModelSettings;

/**
 * What the clock does differently at each tick because of a scenario's timeline: which agents are
 * in the web, how many items each publishes, and which models take new settings. One schedule
 * serves one run; the clock asks it for ticks 0, 1, 2, ... in order, once each, so a schedule may
 * keep state from tick to tick (an AI-share curve carries its rounding).
 */
@FunctionalInterface
public interface Schedule {

  /** A schedule with no timeline: every agent in, at its own rate, with its own settings. */
  Schedule NONE = tick -> Plan.ALL;

  /** The plan of a tick; called once per tick, in tick order. */
  Plan plan(int tick);

  /**
   * One tick's plan.
   *
   * @param active the agents in the web at this tick (released and not retired), by index; null for
   *     every agent. The others publish nothing, retrain never and report nothing
   * @param rates items each agent publishes at this tick, by index; null for each agent's own
   *     setting
   * @param changes the models that take new settings at this tick, in the events phase
   */
  record Plan(BitSet active, int[] rates, List<Change> changes) {
    /** Every agent in, at its own rate, nothing changed. */
    public static final Plan ALL = new Plan(null, null, List.of());

    /** Copies the lists. */
    public Plan {
      active = active == null ? null : (BitSet) active.clone();
      rates = rates == null ? null : rates.clone();
      changes = List.copyOf(changes);
    }

    /** Whether agent {@code i} is in the web. */
    public boolean isActive(int i) {
      return active == null || active.get(i);
    }

    /** Agent {@code i}'s rate, or {@link ouroboros.agents.actor.AgentProtocol#OWN_RATE}. */
    public int rate(int i) {
      return rates == null ? ouroboros.agents.actor.AgentProtocol.OWN_RATE : rates[i];
    }
  }

  /**
   * A model's new settings.
   *
   * @param agent its agent index
   * @param settings the settings it uses from this tick on
   */
  record Change(int agent, ModelSettings settings) {
    /** Checks the reference. */
    public Change {
      Objects.requireNonNull(settings, "settings");
    }
  }
}
