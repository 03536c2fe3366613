package ouroboros.sim.scenario.spec;

import ouroboros.agents.spec.Key;
import ouroboros.agents.spec.Spec;
import ouroboros.sim.engine.EngineLimits;

/**
 * The {@code engine:} block.
 *
 * @param phaseTimeoutSeconds how long a phase waits for its agents before the run fails
 */
@Spec(name = "engine", doc = "Engine settings.")
public record EngineSpec(
    @Key(
            doc =
                "How many seconds a phase of a tick waits for its agents before the run fails; at"
                    + " most 21474835 (about 248 days), the longest timer Akka's scheduler takes. A"
                    + " folded step (in one JVM, a tick's retrain phase that also takes the next"
                    + " tick's publish) does two phases' work and waits twice this, at most that"
                    + " longest timer.",
            exclusiveMin = 0,
            max = EngineLimits.MAX_DELAY_SECONDS,
            def = "120",
            expect = "a number of seconds greater than 0",
            expectMax =
                "at most "
                    + EngineLimits.MAX_DELAY_SECONDS
                    + " seconds (about 248 days, the longest timer Akka's scheduler takes)")
        Double phaseTimeoutSeconds) {}
