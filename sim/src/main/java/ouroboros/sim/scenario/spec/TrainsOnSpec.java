package ouroboros.sim.scenario.spec;

import ouroboros.agents.spec.Key;
import ouroboros.agents.spec.Spec;

/**
 * One source of a model in static-graph mode ({@code trains-on}): at each retrain the model reads
 * the share weight/Σweights of its web items from this agent's visible output, on any site.
 *
 * @param source the id of a human source or a model (the model itself is allowed: a self-loop)
 * @param weight at least 0 (default 1)
 */
@Spec(name = "trains-on", doc = "One source of a model in static-graph mode.")
public record TrainsOnSpec(
    @Key(doc = "The id of a human source or a model of this scenario.", required = true)
        String source,
    @Key(
            doc =
                "Its share of the web part of the training data is weight / the sum of the weights.",
            min = 0,
            def = "1")
        Double weight) {}
