package ouroboros.sim.scenario;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ouroboros.agents.domain.DomainSpec;
import ouroboros.agents.domain.categorical.CategoricalSpec;
import ouroboros.agents.domain.empirical.EmpiricalSpec;
import ouroboros.agents.domain.gaussian.GaussianSpec;
import ouroboros.agents.domain.glm.GlmSpec;
import ouroboros.agents.domain.kde.KdeSpec;
import ouroboros.agents.domain.mixture.MixtureSpec;
import ouroboros.agents.domain.regression.RegressionSpec;
import ouroboros.agents.domain.text.TextSpec;
import ouroboros.agents.spec.Key;
import ouroboros.sim.scenario.crawl.CrawlPolicySpec;
import ouroboros.sim.scenario.crawl.ExcludeOwnCrawlSpec;
import ouroboros.sim.scenario.crawl.PopularCrawlSpec;
import ouroboros.sim.scenario.crawl.RecentCrawlSpec;
import ouroboros.sim.scenario.crawl.SiteMixCrawlSpec;
import ouroboros.sim.scenario.crawl.UniformCrawlSpec;
import ouroboros.sim.scenario.schema.SchemaGenerator;
import ouroboros.sim.scenario.stage.AiDetectorSpec;
import ouroboros.sim.scenario.stage.DedupSpec;
import ouroboros.sim.scenario.stage.HumanAnchorSpec;
import ouroboros.sim.scenario.stage.ProvenanceSpec;
import ouroboros.sim.scenario.stage.StageSpec;
import ouroboros.sim.scenario.stage.VerificationSpec;
import ouroboros.sim.scenario.stage.WatermarkFilterSpec;
import ouroboros.sim.scenario.stage.WeightingSpec;

/**
 * The one registry of a scenario's plugins, one line each: domains (by {@code type}), pipeline
 * stages (by {@code stage}) and crawl policies (by {@code policy}). A plugin's record declares its
 * own keys ({@link Key}), checks, defaults and factory; the registry line gives it its name. A
 * domain is one folder of the agents module ({@code ouroboros.agents.domain.NAME}: the domain and
 * its settings record) plus its line here. The binding (Jackson subtypes), the schema ({@link
 * SchemaGenerator}), the reference tables and the unknown-name errors (known names and a
 * did-you-mean) all read this registry.
 */
public final class Plugins {
  /** Domains, in the order docs/domains.md documents them. */
  private static final Map<String, Class<? extends DomainSpec>> DOMAINS = new LinkedHashMap<>();

  /** Pipeline stages, in the order docs/pipeline.md documents them. */
  private static final Map<String, Class<? extends StageSpec>> STAGES = new LinkedHashMap<>();

  /** Crawl policies: each one's settings record, which declares the keys it reads. */
  private static final Map<String, Class<? extends CrawlPolicySpec>> CRAWLS = new LinkedHashMap<>();

  static {
    DOMAINS.put("gaussian", GaussianSpec.class);
    DOMAINS.put("categorical", CategoricalSpec.class);
    DOMAINS.put("linear-regression", RegressionSpec.class);
    DOMAINS.put("gaussian-mixture", MixtureSpec.class);
    DOMAINS.put("kde", KdeSpec.class);
    DOMAINS.put("ngram-text", TextSpec.class);
    DOMAINS.put("glm", GlmSpec.class);
    DOMAINS.put("empirical", EmpiricalSpec.class);

    STAGES.put("watermark-filter", WatermarkFilterSpec.class);
    STAGES.put("ai-detector", AiDetectorSpec.class);
    STAGES.put("provenance", ProvenanceSpec.class);
    STAGES.put("human-anchor", HumanAnchorSpec.class);
    STAGES.put("verification", VerificationSpec.class);
    STAGES.put("dedup", DedupSpec.class);
    STAGES.put("weighting", WeightingSpec.class);

    CRAWLS.put("uniform", UniformCrawlSpec.class);
    CRAWLS.put("site-mix", SiteMixCrawlSpec.class);
    CRAWLS.put("recent", RecentCrawlSpec.class);
    CRAWLS.put("popular", PopularCrawlSpec.class);
    CRAWLS.put("exclude-own", ExcludeOwnCrawlSpec.class);
  }

  private Plugins() {}

  /** The domains by {@code type}, in registry order. */
  public static Map<String, Class<? extends DomainSpec>> domains() {
    return Collections.unmodifiableMap(DOMAINS);
  }

  /** The registered domain type names, in registry order. */
  public static List<String> domainTypes() {
    return List.copyOf(DOMAINS.keySet());
  }

  /** The stages by {@code stage}, in registry order. */
  public static Map<String, Class<? extends StageSpec>> stages() {
    return Collections.unmodifiableMap(STAGES);
  }

  /** The crawl policies by {@code policy}, in registry order (the schema's key order). */
  public static Map<String, Class<? extends CrawlPolicySpec>> crawls() {
    return Collections.unmodifiableMap(CRAWLS);
  }

  /** The registered name of a domain or stage record. */
  public static String nameOf(Object spec) {
    for (Map<String, ? extends Class<?>> m : List.of(DOMAINS, STAGES)) {
      for (var e : m.entrySet()) {
        if (e.getValue() == spec.getClass()) {
          return e.getKey();
        }
      }
    }
    throw new IllegalArgumentException("unregistered plugin " + spec.getClass());
  }

  /**
   * How Jackson binds a {@code domain:} block: its {@code type} key names the registered record
   * ({@link DomainSpec} lives in the agents module, which does not know Jackson).
   */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
  public interface DomainBinding {}

  /** Domains and stages as Jackson subtypes. */
  public static NamedType[] namedTypes() {
    List<NamedType> out = new ArrayList<>();
    DOMAINS.forEach((name, type) -> out.add(new NamedType(type, name)));
    STAGES.forEach((name, type) -> out.add(new NamedType(type, name)));
    return out.toArray(NamedType[]::new);
  }
}
