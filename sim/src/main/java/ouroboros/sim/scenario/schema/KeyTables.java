package ouroboros.sim.scenario.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code docs/reference/scenario-keys.md}, the reference tables of every scenario key, from
 * the same declarations as the schema (it reads {@link SchemaGenerator}'s output): one table per
 * mapping, each key with its type, its allowed values, its default and its doc. The file is checked
 * in; a test fails when it is stale. Run {@code java -cp ouroboros-sim.jar
 * ouroboros.sim.scenario.schema.KeyTables FILE} to rewrite it.
 */
public final class KeyTables {
  private KeyTables() {}

  /** Writes the tables to the file given, or prints them. */
  public static void main(String[] args) throws java.io.IOException {
    if (args.length == 0) {
      System.out.print(text());
    } else {
      java.nio.file.Files.writeString(java.nio.file.Path.of(args[0]), text());
    }
  }

  /** The reference as Markdown. */
  public static String text() {
    JsonNode root = SchemaGenerator.generate();
    StringBuilder out = new StringBuilder();
    out.append("# Scenario keys\n\n")
        .append("Generated from the declarations on the spec records (`@Spec`, `@Key` in\n")
        .append("`sim/src/main/java/ouroboros/sim/scenario`) and the registry in `Plugins.java`,\n")
        .append("like `scenarios/scenario.schema.json`. Do not edit: run\n")
        .append("`java -cp sim/target/ouroboros-sim.jar ouroboros.sim.scenario.schema.KeyTables ")
        .append("docs/reference/scenario-keys.md`.\n");
    table(out, "The scenario file", root);
    Iterator<Map.Entry<String, JsonNode>> defs = root.get("definitions").fields();
    while (defs.hasNext()) {
      Map.Entry<String, JsonNode> d = defs.next();
      if (d.getKey().startsWith(TemplateSchema.PREFIX)) {
        continue; // a template copy: the same keys as its definition, each also a population value
      }
      if (d.getValue().has("properties")) {
        table(out, "`" + d.getKey() + "`", d.getValue());
      } else {
        out.append("\n## `")
            .append(d.getKey())
            .append("`\n\n")
            .append(cell(d.getValue().path("description").asText()))
            .append("\n");
      }
    }
    return out.toString();
  }

  private static void table(StringBuilder out, String title, JsonNode object) {
    out.append("\n## ").append(title).append("\n\n");
    out.append(cell(object.path("description").asText())).append("\n\n");
    out.append("| key | type | allowed | default | meaning |\n|---|---|---|---|---|\n");
    List<String> required = new ArrayList<>();
    object.path("required").forEach(r -> required.add(r.asText()));
    Iterator<Map.Entry<String, JsonNode>> props = object.get("properties").fields();
    while (props.hasNext()) {
      Map.Entry<String, JsonNode> p = props.next();
      JsonNode s = p.getValue();
      out.append("| `")
          .append(p.getKey())
          .append("`")
          .append(required.contains(p.getKey()) ? " (required)" : "")
          .append(" | ")
          .append(type(s))
          .append(" | ")
          .append(allowed(s))
          .append(" | ")
          .append(s.has("default") ? "`" + s.get("default") + "`" : "")
          .append(" | ")
          .append(cell(s.path("description").asText()))
          .append(" |\n");
    }
  }

  private static String type(JsonNode s) {
    if (s.has("$ref")) {
      String ref = s.get("$ref").asText();
      if (!ref.startsWith("#/definitions/") || ref.indexOf('/', 14) >= 0) {
        String[] parts = ref.split("/");
        return "as `" + parts[parts.length - 1] + "` of [`" + parts[2] + "`](#" + parts[2] + ")";
      }
      String name = ref.substring(ref.lastIndexOf('/') + 1);
      return "[`" + name + "`](#" + name + ")";
    }
    if (s.has("const")) {
      return "`" + s.get("const").asText() + "`";
    }
    if (s.has("enum")) {
      return "name";
    }
    String t = s.path("type").asText("any");
    if (t.equals("array") && s.has("items")) {
      return "list of " + type(s.get("items"));
    }
    return t;
  }

  private static String allowed(JsonNode s) {
    List<String> parts = new ArrayList<>();
    if (s.has("enum")) {
      List<String> names = new ArrayList<>();
      s.get("enum").forEach(n -> names.add("`" + n.asText() + "`"));
      parts.add(String.join(", ", names));
    }
    bound(parts, s, "minimum", "≥ ");
    bound(parts, s, "exclusiveMinimum", "> ");
    bound(parts, s, "maximum", "≤ ");
    bound(parts, s, "exclusiveMaximum", "< ");
    bound(parts, s, "minItems", "at least ", " entries");
    bound(parts, s, "maxItems", "at most ", " entries");
    if (s.path("uniqueItems").asBoolean(false)) {
      parts.add("distinct");
    }
    return String.join("; ", parts);
  }

  private static void bound(List<String> parts, JsonNode s, String keyword, String prefix) {
    bound(parts, s, keyword, prefix, "");
  }

  private static void bound(
      List<String> parts, JsonNode s, String keyword, String prefix, String suffix) {
    if (s.has(keyword)) {
      parts.add(prefix + s.get(keyword).asText() + suffix);
    }
  }

  /** Text that fits in a Markdown table cell. */
  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
