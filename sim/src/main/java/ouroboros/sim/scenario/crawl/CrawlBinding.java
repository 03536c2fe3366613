package ouroboros.sim.scenario.crawl;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ouroboros.sim.scenario.Plugins;
import ouroboros.sim.scenario.spec.Names;

/**
 * Binds a {@code crawl:} block: {@code policy} and {@code sites}, and every key that some
 * registered policy's settings record declares, each as that record declares it, so that a value of
 * the wrong type fails where it stands, as any other key does. A key no policy reads is an unknown
 * key; a key another policy reads is kept, for {@link CrawlSpec#validate} to name the policy that
 * does not use it.
 */
final class CrawlBinding extends StdDeserializer<CrawlSpec> {
  private static final long serialVersionUID = 1L;

  /** Binds with the scenario mapper's settings. */
  CrawlBinding() {
    super(CrawlSpec.class);
  }

  /** {@link #policyKeys()}, read from the registry once: every model's crawl block reads it. */
  private static final Map<String, Type> POLICY_KEYS = readPolicyKeys();

  /** Every policy's keys with their Java types, in registry order (first declaration wins). */
  static Map<String, Type> policyKeys() {
    return POLICY_KEYS;
  }

  /** The policy keys from the registry's records (reflection, so once). */
  private static Map<String, Type> readPolicyKeys() {
    Map<String, Type> out = new LinkedHashMap<>();
    for (var type : Plugins.crawls().values()) {
      for (RecordComponent c : type.getRecordComponents()) {
        out.putIfAbsent(Names.kebab(c.getName()), c.getGenericType());
      }
    }
    return Collections.unmodifiableMap(out);
  }

  /** The settings record of the first policy, in registry order, that declares a key. */
  static Class<? extends Record> declaring(String key) {
    for (var type : Plugins.crawls().values()) {
      for (RecordComponent c : type.getRecordComponents()) {
        if (Names.kebab(c.getName()).equals(key)) {
          return type.asSubclass(Record.class);
        }
      }
    }
    throw new IllegalArgumentException("no crawl policy reads '" + key + "'");
  }

  /** The keys of a crawl block with their Java types: policy, sites, then {@link #policyKeys()}. */
  private static final Map<String, Type> TYPES = types();

  /**
   * Each key's deserializer, as {@code ctxt.readValue} finds it, looked up at the first block this
   * binding reads (an instance belongs to one mapper, whose deserializer cache Jackson's own bean
   * deserializers also keep theirs from): a model's crawl block is bound a thousand times in a
   * population of a thousand, and the look-up cost more than the binding.
   */
  private transient volatile Map<String, JsonDeserializer<Object>> readers;

  /** The keys of a crawl block with their Java types, in the order an unknown key lists them. */
  private static Map<String, Type> types() {
    Map<String, Type> types = new LinkedHashMap<>();
    types.put("policy", String.class);
    types.put("sites", CrawlSpec.class.getRecordComponents()[1].getGenericType());
    types.putAll(policyKeys());
    return Collections.unmodifiableMap(types);
  }

  /** The deserializer of each key, found once. */
  private Map<String, JsonDeserializer<Object>> readers(DeserializationContext ctxt)
      throws JsonMappingException {
    Map<String, JsonDeserializer<Object>> r = readers;
    if (r == null) {
      Map<String, JsonDeserializer<Object>> found = new java.util.HashMap<>();
      for (Map.Entry<String, Type> e : TYPES.entrySet()) {
        JavaType type = ctxt.getTypeFactory().constructType(e.getValue());
        JsonDeserializer<Object> d = ctxt.findRootValueDeserializer(type);
        if (d == null) {
          return ctxt.reportBadDefinition(
              type, "no deserializer for crawl key '" + e.getKey() + "'");
        }
        found.put(e.getKey(), d);
      }
      r = Map.copyOf(found);
      readers = r;
    }
    return r;
  }

  @Override
  public CrawlSpec deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    if (!p.isExpectedStartObjectToken()) {
      return (CrawlSpec) ctxt.handleUnexpectedToken(CrawlSpec.class, p);
    }
    Map<String, JsonDeserializer<Object>> readers = readers(ctxt);
    Map<String, Object> values = new LinkedHashMap<>();
    for (String key = p.nextFieldName(); key != null; key = p.nextFieldName()) {
      JsonToken value = p.nextToken();
      JsonDeserializer<Object> reader = readers.get(key);
      if (reader == null) {
        List<Object> known = new ArrayList<>(TYPES.keySet());
        throw UnrecognizedPropertyException.from(p, CrawlSpec.class, key, known);
      }
      try {
        // What ctxt.readValue(p, type) does, with the deserializer looked up once.
        values.put(key, value == JsonToken.VALUE_NULL ? null : reader.deserialize(p, ctxt));
      } catch (JsonMappingException e) {
        throw JsonMappingException.wrapWithPath(e, CrawlSpec.class, key);
      }
    }
    @SuppressWarnings("unchecked")
    List<String> sites = (List<String>) values.remove("sites");
    String policy = (String) values.remove("policy");
    return new CrawlSpec(policy, sites, values);
  }
}
