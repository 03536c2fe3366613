package ouroboros.sim.scenario.check;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import ouroboros.sim.scenario.population.Population;
import ouroboros.sim.scenario.spec.Scenario;

/**
 * The populations of an expanded scenario, by id and kind, for messages about an id where a
 * population may be named: an event or {@code trains-on} source addressed to a population of
 * another kind (which is left unexpanded) is refused once, naming the population and its kind, and
 * a misspelt id may have meant a population.
 */
final class Populations {
  /** How messages call a population's members, by kind. */
  private static final Map<String, String> MEMBERS =
      Map.of("model", "models", "human", "human sources", "site", "sites");

  private final Map<String, String> kinds = new LinkedHashMap<>();

  Populations(Scenario s) {
    if (s.populations() != null) {
      for (Population p : s.populations()) {
        if (p != null && p.id() != null && p.kind() != null) {
          kinds.putIfAbsent(p.id(), p.kind());
        }
      }
    }
  }

  /** How messages call the members of the population {@code id} ("models"), or null for none. */
  String membersOf(String id) {
    String kind = id == null ? null : kinds.get(id);
    return kind == null ? null : MEMBERS.get(kind);
  }

  /** The ids of the populations of these kinds, sorted. */
  Set<String> of(Collection<String> wanted) {
    Set<String> out = new TreeSet<>();
    kinds.forEach(
        (id, kind) -> {
          if (wanted.contains(kind)) {
            out.add(id);
          }
        });
    return out;
  }

  /**
   * Whether {@code id} names a population whose kind is none of {@code wanted}; adds the problem
   * when so: {@code found 'labs', a population of models, expected the id of a human source or of a
   * population of human sources, one of [...]}. {@code agents} are the agent ids the place takes,
   * {@code what} how the message calls one ("a human source").
   */
  boolean otherKind(
      Problems p,
      String at,
      String id,
      Collection<String> wanted,
      String what,
      Collection<String> agents) {
    String kind = id == null ? null : kinds.get(id);
    if (kind == null || wanted.contains(kind)) {
      return false;
    }
    Set<String> known = new TreeSet<>(agents);
    known.addAll(of(wanted));
    p.addWorded(
        at,
        "'" + id + "', a population of " + MEMBERS.get(kind),
        "the id of "
            + what
            + " or of a population of "
            + String.join(" or ", wanted.stream().map(MEMBERS::get).toList())
            + ", one of "
            + Suggest.list(known));
    return true;
  }
}
