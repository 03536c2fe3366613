package ouroboros.sim.scenario.load;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import java.util.List;
import ouroboros.sim.scenario.check.Problems;
import ouroboros.sim.scenario.check.ScenarioException;
import ouroboros.sim.scenario.check.Suggest;

/**
 * How {@link LoadErrors} words a missing or unknown type key: a pipeline stage's {@code stage}, the
 * domain's {@code type}.
 */
final class TypeKeyErrors {
  private TypeKeyErrors() {}

  /**
   * A block whose type key ({@code stage} of a pipeline stage, {@code type} of the domain) is
   * missing or unknown. A value that is no mapping at all, such as a stage written as a bare name
   * ({@code pipeline: [dedup]}), is named as what it is, with the mapping it should be.
   */
  static ScenarioException of(
      String name,
      InvalidTypeIdException t,
      String block,
      String key,
      List<String> known,
      Locations locations) {
    String id = t.getTypeId();
    JsonParser p = t.getProcessor() instanceof JsonParser parser ? parser : null;
    JsonToken token = p == null ? null : p.currentToken();
    if (id == null && token != null && token.isScalarValue()) {
      String text = LoadErrors.safeText(p);
      Locations.Position at = locations.find(block);
      return LoadErrors.fail(
          name,
          at.line(),
          at.column(),
          Locations.display(block),
          LoadErrors.describe(token, text),
          known.contains(text)
              ? "a mapping such as {" + key + ": " + text + "}"
              : "a mapping with the key '"
                  + key
                  + "', one of "
                  + known
                  + (token == JsonToken.VALUE_STRING ? Suggest.didYouMean(text, known) : ""));
    }
    Locations.Position at = locations.find(block + "/" + key);
    return LoadErrors.fail(
        name,
        at.line(),
        at.column(),
        Locations.display(block + "/" + key),
        Problems.describe(id),
        (id == null
                ? "the required key '" + key + "', one of "
                : "a known " + kind(key) + ", one of ")
            + known
            + (id == null ? "" : Suggest.didYouMean(id, known)));
  }

  /** What a type key names, in a message. */
  private static String kind(String key) {
    return key.equals("stage") ? "pipeline stage" : "domain type";
  }
}
