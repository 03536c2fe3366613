package ouroboros.sim.scenario;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A {@code set} event: either {@code {agent, publish-rate}}, a new publish rate for any agent, or
 * {@code {path, value}}, a new value for one run-time setting of a model, named by a path such as
 * {@code models[lab-a].crawl.sites} (see {@link Timelines#SETTABLE}).
 *
 * @param agent the agent whose publish rate changes
 * @param publishRate its new publish rate
 * @param path the setting to change
 * @param value its new value
 */
public record SetSpec(String agent, Integer publishRate, String path, JsonNode value) {}
