package ouroboros.sim.scenario.load;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;

/**
 * Every number a scenario binds is finite. Jackson reads the texts 'NaN', 'Infinity' and 'INF' as
 * doubles even where it coerces no other text, and a number beyond the largest double as infinity;
 * this deserializer, in front of Jackson's own, refuses all of them for every {@code Double} key,
 * whatever its declared bounds. (The loader's scan has already refused YAML's {@code .nan} and
 * {@code .inf} and numbers too large for a double, with their position.)
 */
final class FiniteDoubles extends JsonDeserializer<Double> {
  private final NumberDeserializers.DoubleDeserializer jackson =
      new NumberDeserializers.DoubleDeserializer(Double.class, null);

  private FiniteDoubles() {}

  /** The module that installs it. */
  static SimpleModule module() {
    return new SimpleModule("finite-doubles").addDeserializer(Double.class, new FiniteDoubles());
  }

  @Override
  public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    Double v = jackson.deserialize(p, ctxt);
    if (v != null && !Double.isFinite(v)) {
      String text = p.getText();
      throw new LoadErrors.NonFinite(
          p,
          p.currentToken() == JsonToken.VALUE_STRING
              ? "the text '" + LoadErrors.abbreviate(text) + "'"
              : "the number " + text);
    }
    return v;
  }

  @Override
  public Double getNullValue(DeserializationContext ctxt) {
    return null;
  }
}
