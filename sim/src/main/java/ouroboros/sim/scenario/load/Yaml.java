package ouroboros.sim.scenario.load;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.yaml.snakeyaml.LoaderOptions;
import ouroboros.agents.domain.DomainSpec;
import ouroboros.sim.scenario.Plugins;

/** The one configuration of Jackson for scenario files: strict YAML in, kebab-case keys. */
public final class Yaml {
  private Yaml() {}

  /**
   * A strict mapper: unknown keys, duplicate keys, type coercions and numbers that are not finite
   * are errors.
   */
  public static ObjectMapper mapper() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(10);
    options.setNestingDepthLimit(50);
    options.setCodePointLimit(ScenarioLoader.MAX_BYTES);
    YAMLFactory factory =
        YAMLFactory.builder()
            .loaderOptions(options)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .disable(YAMLGenerator.Feature.USE_NATIVE_TYPE_ID)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .stringQuotingChecker(new ReadsBack())
            .build();
    factory.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    return configure(YAMLMapper.builder(factory)).addModule(FiniteDoubles.module()).build();
  }

  /**
   * Quotes every string that would not read back as the same string: besides the default's
   * (reserved words, leading indicators), those a YAML reader takes for a number or a special float
   * ({@code .inf}, {@code 0x10}, {@code 1_000}, {@code 1e3}), which the writer left plain, so that
   * a run's scenario.yaml with such an id did not load back (QA, stop 33).
   */
  static final class ReadsBack
      extends com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker.Default {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper PLAIN = new YAMLMapper();

    @Override
    public boolean needToQuoteValue(String value) {
      if (super.needToQuoteValue(value)) {
        return true;
      }
      try {
        com.fasterxml.jackson.databind.JsonNode read = PLAIN.readTree(value);
        return read == null || !read.isTextual() || !read.textValue().equals(value);
      } catch (java.io.IOException | RuntimeException e) {
        return true;
      }
    }
  }

  /**
   * A JSON mapper with the same naming, for summary files. Unlike scenario YAML, summaries keep
   * nulls: a value that does not apply is written as null, never left out.
   */
  public static ObjectMapper json() {
    return configure(JsonMapper.builder())
        .enable(SerializationFeature.INDENT_OUTPUT)
        .serializationInclusion(JsonInclude.Include.ALWAYS)
        .build();
  }

  /** Applies the shared settings to a mapper builder. */
  private static <B extends com.fasterxml.jackson.databind.cfg.MapperBuilder<?, B>> B configure(
      B builder) {
    return builder
        .addMixIn(DomainSpec.class, Plugins.DomainBinding.class)
        .registerSubtypes(Plugins.namedTypes())
        .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .serializationInclusion(JsonInclude.Include.NON_NULL)
        .withCoercionConfig(
            LogicalType.Integer, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
        .withCoercionConfig(
            LogicalType.Float, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
        // An empty list entry ("-" and nothing) reaches a mapping's reader as the empty string:
        // read it as nothing, which the validator reports with the entry's other problems, not
        // as "found ''" on its own.
        .withCoercionConfig(
            LogicalType.POJO,
            c -> c.setCoercion(CoercionInputShape.EmptyString, CoercionAction.AsNull));
  }
}
