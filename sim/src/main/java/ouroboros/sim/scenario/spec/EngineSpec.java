package ouroboros.sim.scenario.spec;

import ouroboros.agents.spec.Key;
import ouroboros.agents.spec.Spec;

/**
 * The {@code engine:} block.
 *
 * @param phaseTimeoutSeconds how long a phase waits for its agents before the run fails
 */
@Spec(name = "engine", doc = "Engine settings.")
public record EngineSpec(
    @Key(
            doc = "How many seconds a phase of a tick waits for its agents before the run fails.",
            exclusiveMin = 0,
            def = "120",
            expect = "a number of seconds greater than 0")
        Double phaseTimeoutSeconds) {}
