package ouroboros.sim.scenario;

import java.util.List;

/**
 * How a model scrapes the web.
 *
 * @param policy a registered crawl policy name (default {@code uniform})
 * @param sites the sites it visits (default: every site)
 */
public record CrawlSpec(String policy, List<String> sites) {}
