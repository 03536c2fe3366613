package ouroboros.sim.scenario.spec;

import ouroboros.agents.spec.Key;
import ouroboros.agents.spec.Spec;

/**
 * A human content source.
 *
 * @param id unique agent id
 * @param publishRate items published per tick, drawn from the truth
 * @param site the site it publishes to (default: the first site); not with {@code publishTo}
 * @param community the community (0-based) whose sub-distribution it draws from; absent for the
 *     whole truth
 * @param laundering reposts of synthetic content (absent: none)
 * @param signed share of its own items it signs with a provenance signature (default 0)
 * @param publishTo the sites it publishes to, each with its share of the items, shares summing to
 *     1, in file order; not with {@code site}
 * @param population the population it belongs to, grouping sources in outputs (set on every member
 *     a {@code populations:} entry generates; absent: none)
 */
@Spec(name = "human", doc = "A human content source: publishes items drawn from the ground truth.")
public record HumanSpec(
    @Key(
            doc =
                "Unique agent id, not used by another human source or model: letters, digits, '.', '_' and '-' (it is a column of metrics.csv).",
            required = true,
            pattern = "^[A-Za-z0-9._-]+$")
        String id,
    @Key(
            doc = "Items published per tick, drawn from the truth.",
            required = true,
            min = 0,
            max = 10000000)
        Integer publishRate,
    @Key(doc = "The site it publishes to. Default: the first site. Not with 'publish-to'.")
        String site,
    @Key(
            doc =
                "The community (0-based) whose sub-distribution this source draws from: a mixture "
                    + "component, a slice of the categories, or a dialect. Absent: the whole truth.",
            min = 0)
        Integer community,
    LaunderingSpec laundering,
    @Key(
            doc =
                "Share of its own (not reposted) items this source signs with a provenance signature "
                    + "(C2PA-like), which the 'provenance' stage reads. Default 0.",
            min = 0,
            max = 1,
            def = "0.0")
        Double signed,
    @Key(shape = PublishTo.class) java.util.Map<String, Double> publishTo,
    @Key(
            doc =
                "The population this agent belongs to, grouping agents in outputs. Every member a 'populations' entry generates carries its population's id; a hand-written agent may name a group too.",
            pattern = "^[A-Za-z0-9._-]+$")
        String population) {}
