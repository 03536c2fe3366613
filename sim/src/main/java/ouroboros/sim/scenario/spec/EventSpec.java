package ouroboros.sim.scenario.spec;

import ouroboros.agents.spec.Key;
import ouroboros.agents.spec.Spec;

/**
 * One entry of the {@code timeline:} list: something that happens at a tick, in the events phase
 * (before anyone publishes). Exactly one of the event keys is given.
 *
 * @param tick when, from 0 to ticks − 1
 * @param release a new model enters the web
 * @param retire the id of a model that goes dormant for good
 * @param set a run-time setting of an agent changes
 * @param humans a human population changes size (its publish rate)
 */
@Spec(
    name = "event",
    doc =
        "Something that happens at a tick, in the events phase, before anyone publishes: exactly "
            + "one of 'release', 'retire', 'set' and 'humans' beside 'tick'.",
    rules =
        """
        {
          "oneOf": [
            {
              "required": [
                "release"
              ]
            },
            {
              "required": [
                "retire"
              ]
            },
            {
              "required": [
                "set"
              ]
            },
            {
              "required": [
                "humans"
              ]
            }
          ]
        }
        """)
public record EventSpec(
    @Key(
            doc = "When: a tick from 0 to ticks - 1. Events of one tick apply in the order listed.",
            required = true,
            min = 0)
        Integer tick,
    ReleaseSpec release,
    @Key(
            doc =
                "The id of a model that goes dormant for good: it publishes nothing more and never "
                    + "retrains; what it published stays on the web until retention drops it.")
        String retire,
    SetSpec set,
    PopulationSpec humans) {

  /** The event keys, in the order messages list them. */
  public static final java.util.List<String> KINDS =
      java.util.List.of("release", "retire", "set", "humans");

  /**
   * What an event's tick is expected to be in a run of {@code ticks} ticks (null, or under 1, when
   * the scenario gives no valid number): the ticks of the run, not the range of a Java int.
   */
  public static String expectedTick(Integer ticks) {
    return ticks != null && ticks >= 1
        ? "a tick from 0 to " + (ticks - 1) + " (the run has " + ticks + " ticks)"
        : "a whole number of at least 0";
  }

  /** The kind of this event, or null when it has none or several. */
  public String kind() {
    int n =
        (release != null ? 1 : 0)
            + (retire != null ? 1 : 0)
            + (set != null ? 1 : 0)
            + (humans != null ? 1 : 0);
    if (n != 1) {
      return null;
    }
    return release != null ? "release" : retire != null ? "retire" : set != null ? "set" : "humans";
  }
}
