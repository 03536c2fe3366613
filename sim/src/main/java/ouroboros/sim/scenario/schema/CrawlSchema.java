package ouroboros.sim.scenario.schema;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import ouroboros.agents.spec.Key;
import ouroboros.sim.scenario.Plugins;
import ouroboros.sim.scenario.crawl.CrawlSpec;
import ouroboros.sim.scenario.spec.Names;

/**
 * The crawl block's part of the schema: its keys are {@code policy}, {@code sites} and the keys of
 * every registered policy's settings record, and rules tie each key to the policy that reads it.
 */
final class CrawlSchema {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private CrawlSchema() {}

  /**
   * A record's keys: its components, but for a crawl block {@code policy}, {@code sites} and then
   * the keys of every registered policy's settings record, in registry order.
   */
  static List<RecordComponent> components(Class<?> type) {
    List<RecordComponent> out = new ArrayList<>();
    for (RecordComponent c : type.getRecordComponents()) {
      if (c.getAnnotation(Key.class) != null || type != CrawlSpec.class) {
        out.add(c);
      }
    }
    if (type == CrawlSpec.class) {
      for (var policy : Plugins.crawls().values()) {
        out.addAll(List.of(policy.getRecordComponents()));
      }
    }
    return out;
  }

  /** The rules that tie crawl keys to the policies that read them, from the registry. */
  static ArrayNode rules() {
    ArrayNode all = F.arrayNode();
    List<String> names = CrawlSpec.names();
    for (String name : names) {
      for (RecordComponent c : Plugins.crawls().get(name).getRecordComponents()) {
        ObjectNode rule = all.addObject();
        rule.putObject("if").putArray("required").add(Names.kebab(c.getName()));
        ObjectNode then = rule.putObject("then");
        then.putArray("required").add("policy");
        then.putObject("properties").putObject("policy").put("const", name);
      }
    }
    for (String name : names) {
      List<String> required = new ArrayList<>();
      for (RecordComponent c : Plugins.crawls().get(name).getRecordComponents()) {
        if (c.getAnnotation(Key.class) != null && c.getAnnotation(Key.class).required()) {
          required.add(Names.kebab(c.getName()));
        }
      }
      if (!required.isEmpty()) {
        ObjectNode rule = all.addObject();
        ObjectNode cond = rule.putObject("if");
        cond.putArray("required").add("policy");
        cond.putObject("properties").putObject("policy").put("const", name);
        rule.putObject("then").set("required", SchemaGenerator.strings(required));
      }
    }
    return all;
  }
}
