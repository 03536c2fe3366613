package ouroboros.sim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ouroboros.agents.pipeline.Regime;
import ouroboros.sim.output.Metric;
import ouroboros.sim.output.MetricCatalogue;
import ouroboros.sim.scenario.schema.SchemaGenerator;

/**
 * What {@code ouroboros list} and {@code describe} print, read from the registries rather than
 * written again: domains, pipeline stages and crawl policies from the scenario schema that {@link
 * SchemaGenerator} derives from the plugin registry and the {@code @Key} declarations (each key
 * with its type, default and doc); metrics from {@link MetricCatalogue}; regimes from {@link
 * Regime}, with their meanings from the doc of the model's {@code regime} key.
 */
final class Registry {
  /** The kinds, as {@code list} names them. */
  static final List<String> KINDS =
      List.of("domains", "stages", "crawl-policies", "metrics", "regimes");

  /**
   * One key of an entry.
   *
   * @param name the key as written in a scenario
   * @param type its type, such as {@code number} or {@code list of number}
   * @param def its default as JSON, or "" for none
   * @param required whether it must be given
   * @param meaning its doc
   * @param depth 0 for a key of the entry, 1 for a key of a record that a key holds ({@code
   *     z-score.gamma}), and so on
   */
  record KeyDoc(
      String name, String type, String def, boolean required, String meaning, int depth) {}

  /**
   * One registered thing.
   *
   * @param kind one of {@link #KINDS}
   * @param name its registered name
   * @param meaning its doc
   * @param keys the scenario keys it reads, in declaration order
   */
  record Entry(String kind, String name, String meaning, List<KeyDoc> keys) {}

  private static final Pattern QUOTED = Pattern.compile("'([a-z0-9-]+)' \\(([^)]*)\\)");

  private Registry() {}

  /** Every entry of a kind, in the registry's order. */
  static List<Entry> entries(String kind) {
    JsonNode schema = SchemaGenerator.generate();
    JsonNode defs = schema.get("definitions");
    List<Entry> out = new ArrayList<>();
    switch (kind) {
      case "domains" -> {
        for (JsonNode rule : schema.path("allOf")) {
          String name = rule.at("/if/properties/domain/properties/type/const").asText(null);
          if (name == null) {
            continue;
          }
          JsonNode def = defs.get("domain-" + name);
          List<KeyDoc> keys = keys(defs, def, "type", "domain.", 0);
          JsonNode model = rule.at("/then/properties/models/items/properties");
          for (String block : List.of("sampling", "estimator")) {
            for (JsonNode k : model.at("/" + block + "/propertyNames/enum")) {
              keys.add(
                  key(
                      block + "." + k.asText(),
                      defs.at("/" + block + "/properties/" + k.asText()),
                      false));
            }
          }
          out.add(new Entry(kind, name, def.path("description").asText(), keys));
        }
      }
      case "stages" -> {
        Iterator<String> names = defs.fieldNames();
        while (names.hasNext()) {
          String d = names.next();
          if (d.startsWith("stage-")) {
            JsonNode def = defs.get(d);
            out.add(
                new Entry(
                    kind,
                    d.substring("stage-".length()),
                    def.path("description").asText(),
                    keys(defs, def, "stage", "", 0)));
          }
        }
      }
      case "crawl-policies" -> out.addAll(crawlPolicies(defs.get("crawl")));
      case "metrics" -> {
        for (Metric m : MetricCatalogue.all()) {
          out.add(new Entry(kind, m.name(), metricMeaning(m), List.of()));
        }
      }
      case "regimes" -> {
        JsonNode model = defs.get("model").get("properties");
        Map<String, String> meanings =
            regimeMeanings(model.path("regime").path("description").asText());
        for (String r : Regime.keys()) {
          List<KeyDoc> keys = new ArrayList<>();
          // A model key named after a regime is that regime's own setting ('window').
          if (model.has(r)) {
            keys.add(key(r, model.get(r), false));
          }
          out.add(new Entry(kind, r, meanings.getOrDefault(r, ""), keys));
        }
      }
      default -> throw new IllegalArgumentException("unknown kind " + kind);
    }
    return out;
  }

  /** Every entry of every kind. */
  static List<Entry> all() {
    List<Entry> out = new ArrayList<>();
    KINDS.forEach(k -> out.addAll(entries(k)));
    return out;
  }

  /**
   * The scenario blocks that the docs present as features but that no registry lists, by name, with
   * where they are written: {@code describe} takes them too.
   */
  static final Map<String, String> BLOCKS =
      Map.of(
          "watermark", "models[].watermark",
          "laundering", "humans[].laundering",
          "trains-on", "models[].trains-on[]");

  /** The scenario blocks of {@link #BLOCKS}, with their keys, from the schema. */
  static List<Entry> blocks() {
    JsonNode defs = SchemaGenerator.generate().get("definitions");
    List<Entry> out = new ArrayList<>();
    for (String name : new java.util.TreeSet<>(BLOCKS.keySet())) {
      JsonNode def = defs.get(name);
      out.add(
          new Entry(
              "scenario-blocks",
              name,
              def.path("description").asText() + " Written as " + BLOCKS.get(name) + ".",
              keys(defs, def, null, "", 0)));
    }
    return out;
  }

  /**
   * The entries called {@code name}: a metric also by a name with its placeholders filled in, and a
   * scenario block of {@link #BLOCKS}.
   */
  static List<Entry> find(String name) {
    List<Entry> out = new ArrayList<>();
    for (Entry e : all()) {
      if (e.name().equals(name)) {
        out.add(e);
      }
    }
    blocks().stream().filter(e -> e.name().equals(name)).forEach(out::add);
    if (out.stream().noneMatch(e -> e.kind().equals("metrics"))) {
      MetricCatalogue.parse(name)
          .filter(p -> p.metric().isFamily())
          .ifPresent(
              p ->
                  out.add(
                      new Entry(
                          "metrics", p.metric().name(), metricMeaning(p.metric()), List.of())));
    }
    return out;
  }

  /** A metric's meaning, with whose rows carry it, its unit and its domains. */
  private static String metricMeaning(Metric m) {
    return m.meaning()
        + " ["
        + m.scope().name().toLowerCase(java.util.Locale.ROOT)
        + " rows"
        + (m.unit().isEmpty() ? "" : "; unit: " + m.unit())
        + (m.domains().isEmpty() ? "" : "; domains: " + String.join(", ", m.domains()))
        + "]";
  }

  /** The crawl policies of the {@code policy} key, each with 'sites' and the keys only it reads. */
  private static List<Entry> crawlPolicies(JsonNode crawl) {
    JsonNode props = crawl.get("properties");
    JsonNode policy = props.get("policy");
    Map<String, String> meanings = new LinkedHashMap<>();
    Matcher m = QUOTED.matcher(policy.path("description").asText());
    while (m.find()) {
      meanings.putIfAbsent(m.group(1), m.group(2));
    }
    // Keys tied to one policy by the schema's rules: "if KEY is given then policy is P".
    Map<String, String> owner = new LinkedHashMap<>();
    Map<String, Boolean> required = new LinkedHashMap<>();
    for (JsonNode rule : crawl.path("allOf")) {
      String p = rule.at("/then/properties/policy/const").asText(null);
      if (p != null && rule.at("/if/required").size() == 1) {
        owner.put(rule.at("/if/required/0").asText(), p);
      }
      String needs = rule.at("/if/properties/policy/const").asText(null);
      if (needs != null) {
        rule.at("/then/required").forEach(r -> required.put(needs + "/" + r.asText(), true));
      }
    }
    List<Entry> out = new ArrayList<>();
    for (JsonNode n : policy.path("enum")) {
      String name = n.asText();
      List<KeyDoc> keys = new ArrayList<>();
      Iterator<Map.Entry<String, JsonNode>> it = props.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> k = it.next();
        String o = owner.get(k.getKey());
        if (!k.getKey().equals("policy") && (o == null || o.equals(name))) {
          keys.add(
              key(
                  "crawl." + k.getKey(),
                  k.getValue(),
                  required.containsKey(name + "/" + k.getKey())));
        }
      }
      out.add(new Entry("crawl-policies", name, meanings.getOrDefault(name, ""), keys));
    }
    return out;
  }

  /** {@code 'replace' trains only on ...; 'accumulate' keeps ...}: each regime's part. */
  private static Map<String, String> regimeMeanings(String doc) {
    Map<String, String> out = new LinkedHashMap<>();
    String body = doc.contains(":") ? doc.substring(doc.indexOf(':') + 1) : doc;
    for (String part : body.split(";")) {
      Matcher m = Pattern.compile("^\\s*'([a-z-]+)'\\s+(.*?)\\.?\\s*$").matcher(part);
      if (m.matches()) {
        out.put(m.group(1), m.group(2));
      }
    }
    return out;
  }

  /**
   * The keys of a definition but {@code skip} (its discriminator), prefixed. A key that holds a
   * record of its own (a {@code $ref} to a definition with keys, such as {@code z-score}) takes
   * that definition's doc as its meaning, and is followed by the record's keys, one level deeper.
   */
  private static List<KeyDoc> keys(
      JsonNode defs, JsonNode def, String skip, String prefix, int depth) {
    List<String> required = new ArrayList<>();
    def.path("required").forEach(r -> required.add(r.asText()));
    List<KeyDoc> out = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> it = def.path("properties").fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> k = it.next();
      if (k.getKey().equals(skip)) {
        continue;
      }
      String name = prefix + k.getKey();
      KeyDoc doc = key(name, k.getValue(), required.contains(k.getKey()));
      JsonNode record = record(defs, k.getValue());
      if (record == null) {
        out.add(withDepth(doc, depth));
        continue;
      }
      String meaning =
          doc.meaning().isEmpty() ? record.path("description").asText() : doc.meaning();
      out.add(new KeyDoc(name, doc.type(), doc.def(), doc.required(), meaning, depth));
      out.addAll(keys(defs, record, null, name + ".", depth + 1));
    }
    return out;
  }

  /** The definition a key's {@code $ref} names, when it is a record with keys; else null. */
  private static JsonNode record(JsonNode defs, JsonNode s) {
    String ref = s.path("$ref").asText("");
    String head = "#/definitions/";
    if (!ref.startsWith(head)) {
      return null;
    }
    JsonNode def = defs.get(ref.substring(head.length()));
    return def != null && def.path("properties").size() > 0 ? def : null;
  }

  private static KeyDoc withDepth(KeyDoc k, int depth) {
    return new KeyDoc(k.name(), k.type(), k.def(), k.required(), k.meaning(), depth);
  }

  private static KeyDoc key(String name, JsonNode s, boolean required) {
    return new KeyDoc(
        name,
        type(s),
        s.has("default") ? s.get("default").toString() : "",
        required,
        s.path("description").asText(),
        0);
  }

  /** A schema's type in words. */
  private static String type(JsonNode s) {
    if (s.has("$ref")) {
      String ref = s.get("$ref").asText();
      return ref.substring(ref.lastIndexOf('/') + 1);
    }
    if (s.has("enum")) {
      List<String> names = new ArrayList<>();
      s.get("enum").forEach(n -> names.add(n.asText()));
      return "one of " + String.join("|", names);
    }
    String t = s.path("type").asText("any");
    return t.equals("array") && s.has("items") ? "list of " + type(s.get("items")) : t;
  }
}
