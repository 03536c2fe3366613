package ouroboros.sim.scenario.spec;

import ouroboros.agents.spec.Spec;
import ouroboros.sim.scenario.check.ScenarioValidator;

/**
 * The shape of a {@code publish-to} mix, shared by human sources, models and releases. The
 * validator's own checks are in {@link ScenarioValidator}.
 */
@Spec(
    name = "publish-to",
    doc =
        "A mix of sites: each site id with its share of the agent's items, shares in (0, 1] "
            + "summing to 1, such as {forum: 0.7, blog: 0.3}. Each tick's items are split so that "
            + "every site stays within one item of its share of everything published so far. Not "
            + "with 'site'.",
    schema =
        """
        {
          "type": "object",
          "minProperties": 1,
          "additionalProperties": {"type": "number", "exclusiveMinimum": 0, "maximum": 1}
        }
        """)
final class PublishTo {
  private PublishTo() {}
}
