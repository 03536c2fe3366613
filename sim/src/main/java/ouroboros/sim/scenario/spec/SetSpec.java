package ouroboros.sim.scenario.spec;

import com.fasterxml.jackson.databind.JsonNode;
import ouroboros.agents.spec.Key;
import ouroboros.agents.spec.Spec;
import ouroboros.sim.scenario.path.Timelines;

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
@Spec(
    name = "set",
    doc =
        "A change of one agent's run-time setting: either {agent, publish-rate} (any agent's "
            + "publish rate) or {path, value}, the path one of models[ID].publish-rate, .scrape, "
            + ".fresh-human-fraction, .crawl(.KEY), .sampling(.KEY), .pipeline[STAGE].KEY, or "
            + "humans[ID].publish-rate.",
    rules =
        """
        {
          "oneOf": [
            {
              "required": [
                "agent",
                "publish-rate"
              ]
            },
            {
              "required": [
                "path",
                "value"
              ]
            }
          ]
        }
        """)
public record SetSpec(
    @Key(doc = "The human source or model whose publish rate changes (with 'publish-rate').")
        String agent,
    @Key(doc = "Its new publish rate, items per tick (with 'agent').", min = 0) Integer publishRate,
    @Key(
            doc =
                "The setting to change (with 'value'), such as models[lab-a].crawl.sites or "
                    + "models[lab-a].pipeline[watermark-filter].tpr.",
            pattern = "^(models|humans)\\[[^\\]]+\\]\\..+$")
        String path,
    @Key(doc = "The setting's new value (with 'path'), checked as in the model's own entry.")
        JsonNode value) {}
