package ouroboros.sim.scenario.spec;

import ouroboros.agents.spec.Spec;

/**
 * The {@code web:} block.
 *
 * @param retention how many ticks the web keeps ({@code all}, the default, keeps everything)
 */
@Spec(name = "web", doc = "Web settings.")
public record WebSpec(Retention retention) {}
