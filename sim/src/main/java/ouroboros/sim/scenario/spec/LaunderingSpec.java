package ouroboros.sim.scenario.spec;

import ouroboros.agents.spec.Key;
import ouroboros.agents.spec.Spec;

/**
 * How a human source launders synthetic content: reposts of model output found on the web.
 *
 * @param share share of the source's items that are reposts, in [0, 1]
 * @param strip probability that a repost loses its watermark, in [0, 1] (default 1)
 */
@Spec(
    name = "laundering",
    doc =
        "Reposts of synthetic content: a share of this source's items copy synthetic items drawn "
            + "from the previous tick's web; each repost loses its watermark with probability 'strip' "
            + "and is never signed.")
public record LaunderingSpec(
    @Key(doc = "Share of the source's items that are reposts.", required = true, min = 0, max = 1)
        Double share,
    @Key(
            doc = "Probability that a repost loses the original's watermark. Default 1.",
            min = 0,
            max = 1,
            def = "1.0")
        Double strip) {}
