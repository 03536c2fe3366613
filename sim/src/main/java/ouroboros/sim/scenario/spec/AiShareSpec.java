package ouroboros.sim.scenario.spec;

import java.util.List;
import ouroboros.agents.spec.Key;
import ouroboros.agents.spec.Spec;

/**
 * An {@code ai-share} curve: the share of a site's new items that is synthetic follows a
 * piecewise-linear curve over ticks, held flat before the first point and after the last. The
 * engine meets it by scaling, tick by tick, the publish rates of the models that publish on the
 * site (see docs/topology.md, "Topology").
 *
 * @param site the site
 * @param points {@code [tick, share]} pairs, ticks ascending, shares in [0, 1)
 */
@Spec(
    name = "ai-share",
    doc =
        "A curve the synthetic share of a site's new items follows: piecewise linear between its "
            + "points, flat before the first and after the last. The engine meets it by scaling, tick "
            + "by tick, the publish rates of the models that publish on the site.")
public record AiShareSpec(
    @Key(doc = "The site; a model may publish to at most one site with a curve.", required = true)
        String site,
    @Key(
            doc = "[tick, share] pairs, ticks ascending, shares in [0, 1).",
            required = true,
            minItems = 1,
            items =
                """
            {
              "type": "array",
              "minItems": 2,
              "maxItems": 2,
              "items": [
                {
                  "type": "integer",
                  "minimum": 0
                },
                {
                  "type": "number",
                  "minimum": 0,
                  "exclusiveMaximum": 1
                }
              ]
            }
            """)
        List<List<Double>> points) {}
