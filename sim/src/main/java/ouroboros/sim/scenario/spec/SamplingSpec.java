package ouroboros.sim.scenario.spec;

import ouroboros.agents.domain.DomainSpec;
import ouroboros.agents.spec.Key;
import ouroboros.agents.spec.Spec;

/**
 * Generation settings. Which keys apply depends on the domain ({@link DomainSpec#samplingKeys()}).
 *
 * @param temperature greater than 0 (default 1)
 * @param topK keep the k most likely outcomes; 0 is off (default 0)
 * @param topP keep the most likely outcomes up to mass p; 1 is off (default 1)
 */
@Spec(
    name = "sampling",
    doc =
        "Generation settings. Which keys apply depends on the domain: a gaussian domain uses "
            + "only 'temperature'.")
public record SamplingSpec(
    @Key(
            doc =
                "Sampling temperature, greater than 0; scales a Gaussian's covariance and divides "
                    + "discrete logits.",
            exclusiveMin = 0,
            def = "1.0",
            expect = "a temperature greater than 0")
        Double temperature,
    @Key(
            doc =
                "Keep only the k most likely outcomes at each step; 0 turns it off. For domains with "
                    + "discrete outputs.",
            min = 0,
            def = "0")
        Integer topK,
    @Key(
            doc =
                "Keep the smallest set of most likely outcomes whose mass reaches p, in (0, 1]; 1 "
                    + "turns it off. For domains with discrete outputs.",
            max = 1,
            exclusiveMin = 0,
            def = "1.0",
            expect = "a probability in (0, 1]")
        Double topP) {}
