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
 * @param beamWidth text: beam search with this many beams; 0 or absent is off
 * @param beamPrompt text: words sampled before a beam search (1 when absent)
 * @param repetitionPenalty text: Hugging Face's repetition penalty; 1 or absent is off
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
        Double topP,
    @Key(
            doc =
                "Text: decode by beam search with this many beams (Hugging Face's num_beams, "
                    + "without sampling), after a prompt of 'beam-prompt' sampled words; 1 is greedy "
                    + "decoding, 0 turns it off (sampling). Without this key: 0. Shumailov et al. used 5.",
            min = 0,
            max = 100,
            expect = "a whole number from 0 to 100")
        Integer beamWidth,
    @Key(
            doc =
                "Text, with beam search: the words of each sentence sampled (with temperature, "
                    + "top-k and top-p) before the beam search completes it, so that sentences differ. "
                    + "Without this key: 1.",
            min = 0,
            max = 200,
            expect = "a whole number from 0 to 200")
        Integer beamPrompt,
    @Key(
            doc =
                "Text: Hugging Face's repetition_penalty theta, greater than 0: a word already in the "
                    + "sentence has its log-probability multiplied by theta (its probability p becomes "
                    + "p^theta), before temperature and truncation; 1 (and no key) turns it off. "
                    + "Shumailov et al. "
                    + "used 3.0 with beam search.",
            exclusiveMin = 0,
            expect = "a penalty greater than 0")
        Double repetitionPenalty) {}
