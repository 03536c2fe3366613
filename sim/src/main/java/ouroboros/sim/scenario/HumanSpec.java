package ouroboros.sim.scenario;

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
 * @param publishTo the sites it publishes to, each with its share of the items, shares summing
 *     to 1, in file order; not with {@code site}
 * @param population the population it belongs to, grouping sources in outputs (set on every
 *     member a {@code populations:} entry generates; absent: none)
 */
public record HumanSpec(String id, Integer publishRate, String site, Integer community,
    LaunderingSpec laundering, Double signed, java.util.Map<String, Double> publishTo,
    String population) {}
