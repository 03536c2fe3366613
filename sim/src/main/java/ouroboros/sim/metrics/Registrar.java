package ouroboros.sim.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import ouroboros.sim.output.Meter;

/**
 * Registers catalogued meters ({@link Meter}) with a Micrometer registry: the name, help text, base
 * unit and fixed tags come from the declaration, the other tags and the value from the caller.
 */
final class Registrar {
  private Registrar() {}

  /** The meter's fixed tags with {@code tags}. */
  static Tags tags(Meter m, Tags tags) {
    Tags out = tags;
    for (Map.Entry<String, String> e : m.tags().entrySet()) {
      out = out.and(Tag.of(e.getKey(), e.getValue()));
    }
    return out;
  }

  /** A gauge (or, for a counter declaration, a function counter) reading {@code f} of {@code o}. */
  static <T> void function(MeterRegistry registry, Meter m, Tags tags, T o, ToDoubleFunction<T> f) {
    switch (m.kind()) {
      case GAUGE ->
          Gauge.builder(m.name(), o, f)
              .tags(tags(m, tags))
              .description(m.help())
              .baseUnit(m.baseUnit())
              .strongReference(true)
              .register(registry);
      case COUNTER ->
          FunctionCounter.builder(m.name(), o, f)
              .tags(tags(m, tags))
              .description(m.help())
              .baseUnit(m.baseUnit())
              .register(registry);
      default -> throw new IllegalArgumentException(m.name() + " is a " + m.kind() + ", not read");
    }
  }

  /** A counter the caller increments. */
  static Counter counter(MeterRegistry registry, Meter m, Tags tags) {
    expect(m, Meter.Kind.COUNTER);
    return Counter.builder(m.name())
        .tags(tags(m, tags))
        .description(m.help())
        .baseUnit(m.baseUnit())
        .register(registry);
  }

  /** A timer the caller records. */
  static Timer timer(MeterRegistry registry, Meter m, Tags tags) {
    expect(m, Meter.Kind.TIMER);
    return Timer.builder(m.name()).tags(tags(m, tags)).description(m.help()).register(registry);
  }

  private static void expect(Meter m, Meter.Kind kind) {
    if (m.kind() != kind) {
      throw new IllegalArgumentException(m.name() + " is a " + m.kind() + ", not a " + kind);
    }
  }
}
