package ouroboros.sim.scenario.spec;

import com.fasterxml.jackson.databind.JsonNode;
import ouroboros.agents.spec.Key;
import ouroboros.agents.spec.Spec;
import ouroboros.sim.scenario.check.Problems;

/**
 * The {@code copies:} block: R independent copies of the whole world in one run. Copy i (numbered
 * from {@code first}) has every site, human source and model of the file with the id suffixed
 * {@code .c<i>}, its own truth (the domain, built from the copy's seed, with the keys of {@code
 * truth} drawn per copy) and its own random streams, all from the copy's seed, the seed a sweep
 * gives replicate i ({@code ouroboros.sim.sweep.Seeds}). Copies never interact: each crawls only
 * its own sites and trains only on its own agents.
 *
 * @param count R, the number of copies
 * @param first the index of the first copy (default 0): copies first .. first + R − 1, so that a
 *     long series of copies can be split over several runs
 * @param truth domain keys drawn per copy, in the grammar of a population template ({@code {draw:
 *     {normal: [0, 1]}}}, at any depth); absent, every copy has the file's domain
 */
@Spec(
    name = "copies",
    doc =
        "R independent copies of the whole world in one run (docs/scenarios.md, 'Copies'): copy i"
            + " has every site, human source and model with its id suffixed '.c<i>', its own"
            + " truth and its own random streams, from the seed a sweep gives replicate i.")
public record CopiesSpec(
    @Key(
            doc = "R, the number of independent copies of the world.",
            required = true,
            min = 1,
            max = CopiesSpec.MAX_COUNT)
        Integer count,
    @Key(
            doc =
                "The index of the first copy: the run holds copies first .. first + count - 1, "
                    + "each with the seed of its index, so a series can be split over runs.",
            def = "0",
            min = 0,
            max = CopiesSpec.MAX_FIRST)
        Integer first,
    @Key(
            doc =
                "Domain keys drawn per copy from the copy's seed, in the grammar of a population "
                    + "template: fixed values, {draw: {DISTRIBUTION: [...]}} or {cycle: [...]} (by "
                    + "copy index) at any depth. They replace the keys of 'domain' of the same "
                    + "name (not 'type').",
            schema = "{\"type\": \"object\"}")
        JsonNode truth) {
  /** The most copies one run may hold. */
  public static final int MAX_COUNT = 100_000;

  /** The largest first index. */
  public static final int MAX_FIRST = 1_000_000_000;

  /** The first index, 0 when absent. */
  public int firstOrDefault() {
    return first == null ? 0 : first;
  }

  /** Checks the bounds, at pointers under {@code /copies}. */
  public void validate(Problems p) {
    if (count == null) {
      p.add(
          "/copies/count",
          null,
          "the required key 'count' (a whole number from 1 to " + MAX_COUNT + ")");
    }
    Declared.checkBounds(p, "/copies", this, "count", "first");
    if (truth != null && !truth.isObject()) {
      p.add("/copies/truth", truth.toString(), "a mapping of domain keys, such as {mean: ...}");
    }
  }
}
