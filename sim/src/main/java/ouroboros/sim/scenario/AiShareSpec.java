package ouroboros.sim.scenario;

import java.util.List;

/**
 * An {@code ai-share} curve: the share of a site's new items that is synthetic follows a
 * piecewise-linear curve over ticks, held flat before the first point and after the last. The
 * engine meets it by scaling, tick by tick, the publish rates of the models that publish on the
 * site (see the README's "Topology").
 *
 * @param site the site
 * @param points {@code [tick, share]} pairs, ticks ascending, shares in [0, 1)
 */
public record AiShareSpec(String site, List<List<Double>> points) {}
