package ouroboros.sim.scenario;

/**
 * The {@code web:} block.
 *
 * @param retention how many ticks the web keeps ({@code all}, the default, keeps everything)
 */
public record WebSpec(Retention retention) {}
