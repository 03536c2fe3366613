package ouroboros.sim.scenario;

/**
 * One site of the web.
 *
 * @param id unique site id
 */
public record SiteSpec(String id) {}
