package ouroboros.sim.scenario.schema;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ouroboros.agents.domain.DomainSpec;
import ouroboros.agents.spec.Spec;
import ouroboros.sim.scenario.Plugins;
import ouroboros.sim.scenario.spec.EstimatorSpec;

/**
 * The estimator section's text (in the schema, the key tables and {@code describe}) lists, for
 * every registered domain, exactly the estimator keys the validator lets it take.
 */
class EstimatorDocTest {

  @Test
  void estimatorDoc_listsEveryDomainsKeys() {
    String doc = EstimatorSpec.class.getAnnotation(Spec.class).doc();
    for (Map.Entry<String, Class<? extends DomainSpec>> e : Plugins.domains().entrySet()) {
      List<String> keys = SchemaGenerator.blank(e.getValue()).estimatorKeys();
      String listed = " " + e.getKey() + ": " + (keys.isEmpty() ? "none" : String.join(", ", keys));
      assertTrue(
          doc.contains(listed + ";") || doc.contains(listed + "."),
          () -> "the estimator doc does not say '" + listed.strip() + "': " + doc);
    }
  }
}
