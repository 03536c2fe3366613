package ouroboros.agents.domain.categorical;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import ouroboros.agents.domain.Domain;
import ouroboros.agents.domain.DomainSpec;
import ouroboros.agents.rng.RngStreams;
import ouroboros.agents.spec.Key;
import ouroboros.agents.spec.Keys;
import ouroboros.agents.spec.Problems;
import ouroboros.agents.spec.Spec;

/**
 * A categorical truth over V categories: Zipf(s), or explicit {@code probabilities}, which may give
 * some categories 0 (impossible under the truth). SCIENCE.md's example is one line: {@code domain:
 * {type: categorical, probabilities: [0.9, 0.1], names: [yellow, blue]}}. Defaults: V = 10 and s =
 * 1 when no probabilities are given.
 *
 * @param categories V, at least 2; without it, the length of {@code probabilities}, or 10
 * @param zipfExponent s in p_i proportional to 1 / (i + 1)^s, at least 0 (0 is uniform); not with
 *     {@code probabilities}
 * @param probabilities one probability per category, summing to 1 within {@value #SUM_TOLERANCE};
 *     at least 2 of them greater than 0
 * @param names one distinct name per category, such as yellow and blue; optional
 * @param communities the human communities as inclusive category ranges [first, last] that cover
 *     0..V-1 in order, such as [[0, 4], [5, 9]]; optional (one community)
 */
@Spec(
    doc =
        "A categorical truth over V categories: Zipf(s), p_i proportional to 1/(i+1)^s, or "
            + "explicit probabilities, where 0 marks a category impossible under the truth. Give "
            + "'probabilities' or 'zipf-exponent', not both. Defaults: V = 10 and s = 1 when no "
            + "probabilities are given. An item is the category index.",
    tag =
        "A categorical truth; models are empirical frequencies with add-alpha smoothing, sampled "
            + "with temperature, top-k and top-p.",
    rules =
        """
        {
          "not": {
            "required": [
              "probabilities",
              "zipf-exponent"
            ]
          }
        }
        """)
public record CategoricalSpec(
    @Key(
            doc =
                "The number of categories V. Without this key, the length of 'probabilities', or 10.",
            min = 2,
            max = 1000000,
            def = "10")
        Integer categories,
    @Key(
            doc =
                "The Zipf exponent s: p_i proportional to 1/(i+1)^s, so category 0 is the most "
                    + "likely; 0 is uniform. Not with 'probabilities'. Default 1 when no probabilities are "
                    + "given.",
            min = 0,
            def = "1",
            expect = "a finite exponent of at least 0")
        Double zipfExponent,
    @Key(
            doc =
                "The truth's probabilities, one per category, summing to 1 (within 1e-6), at least 2 "
                    + "of them above 0. A category at 0 is impossible: model mass there is hallucinated "
                    + "(definition 8). Example: [0.9, 0.1].",
            minItems = 2,
            maxItems = 1000000,
            items = "{\"type\": \"number\", \"minimum\": 0, \"maximum\": 1}")
        List<Double> probabilities,
    @Key(
            doc =
                "Optional names of the categories, one per category, distinct. Example: [yellow, "
                    + "blue].",
            minItems = 2,
            uniqueItems = true,
            items = "{\"type\": \"string\", \"minLength\": 1}")
        List<String> names,
    @Key(
            doc =
                "Optional human communities, as inclusive category ranges [first, last] that cover "
                    + "0..V-1 in order without gaps or overlaps, each with some truth mass. Example: [[0, "
                    + "4], [5, 9]]. A community draws from the truth restricted to its range. Default: one "
                    + "community.",
            minItems = 1,
            items =
                """
            {
              "type": "array",
              "minItems": 2,
              "maxItems": 2,
              "items": {
                "type": "integer",
                "minimum": 0
              }
            }
            """)
        List<List<Integer>> communities)
    implements DomainSpec {

  /** V when neither categories nor probabilities are given. */
  public static final int DEFAULT_CATEGORIES = 10;

  /** s when no probabilities are given. */
  public static final double DEFAULT_ZIPF_EXPONENT = 1.0;

  /** The most categories a scenario may ask for. */
  public static final int MAX_CATEGORIES = 1_000_000;

  /** How far the probabilities' sum may be from 1. */
  public static final double SUM_TOLERANCE = 1e-6;

  @Override
  public void validate(Problems p) {
    if (probabilities != null && zipfExponent != null) {
      p.add("/domain/zipf-exponent", "both probabilities and zipf-exponent", "only one of them");
    }
    if (categories != null && (categories < 2 || categories > MAX_CATEGORIES)) {
      p.add(
          "/domain/categories",
          categories,
          "a whole number of categories from 2 to " + MAX_CATEGORIES);
      return;
    }
    Keys.checkBounds(p, "/domain", this, "zipf-exponent");
    int v = size();
    double[] truth = probabilities != null ? probabilities(p, v) : null;
    if (names != null) {
      names(p, v);
    }
    if (communities != null) {
      communities(p, v, truth);
    }
  }

  /** V as given, or implied by the probabilities, or the default. */
  private int size() {
    return categories != null
        ? categories
        : probabilities != null ? probabilities.size() : DEFAULT_CATEGORIES;
  }

  /** Checks the probabilities; returns them as an array, or null when they are unusable. */
  private double[] probabilities(Problems p, int v) {
    if (probabilities.size() != v || v < 2) {
      p.add(
          "/domain/probabilities",
          probabilities.size() + " entries",
          categories != null ? v + " entries, one per category" : "at least 2 entries");
      return null;
    }
    double[] a = new double[v];
    double sum = 0;
    int possible = 0;
    boolean ok = true;
    for (int i = 0; i < v; i++) {
      Double x = probabilities.get(i);
      if (x == null || !(x >= 0 && x <= 1)) {
        p.add("/domain/probabilities/" + i, x, "a probability in [0, 1]");
        ok = false;
        continue;
      }
      a[i] = x;
      sum += x;
      possible += x > 0 ? 1 : 0;
    }
    if (!ok) {
      return null;
    }
    if (Math.abs(sum - 1) > SUM_TOLERANCE) {
      p.add(
          "/domain/probabilities",
          "probabilities summing to " + Math.round(sum * 1e9) / 1e9,
          "probabilities summing to 1 (within " + SUM_TOLERANCE + ")");
      return null;
    }
    if (possible < 2) {
      p.add(
          "/domain/probabilities",
          possible + (possible == 1 ? " category" : " categories") + " with a probability above 0",
          "at least 2 possible categories");
      return null;
    }
    return a;
  }

  /** Checks the names: one per category, non-blank, distinct. */
  private void names(Problems p, int v) {
    if (names.size() != v) {
      p.add("/domain/names", names.size() + " names", v + " names, one per category");
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < names.size(); i++) {
      String n = names.get(i);
      if (n == null || n.isBlank()) {
        p.add("/domain/names/" + i, n, "a non-empty category name");
      } else if (!seen.add(n)) {
        p.add("/domain/names/" + i, n, "a category name not used before");
      }
    }
  }

  /** Checks that the ranges partition 0..V-1 in order, each with some truth mass. */
  private void communities(Problems p, int v, double[] truth) {
    if (communities.isEmpty()) {
      p.add("/domain/communities", communities, "at least one range, or no 'communities' key");
      return;
    }
    int next = 0;
    for (int c = 0; c < communities.size(); c++) {
      String at = "/domain/communities/" + c;
      List<Integer> r = communities.get(c);
      if (r == null || r.size() != 2 || r.get(0) == null || r.get(1) == null) {
        p.add(
            at,
            r == null ? null : r.size() + " entries",
            "an inclusive range [first, last] of two category indices");
        return;
      }
      if (r.get(0) != next) {
        p.add(
            at + "/0",
            r.get(0),
            "category "
                + next
                + " (the ranges must cover the categories in order, without gaps or overlaps)");
        return;
      }
      if (r.get(1) < r.get(0) || r.get(1) >= v) {
        p.add(at + "/1", r.get(1), "a category from " + r.get(0) + " to " + (v - 1));
        return;
      }
      if (truth != null && !hasMass(truth, r.get(0), r.get(1))) {
        p.add(
            at,
            "a range whose categories all have probability 0",
            "a range with at least one possible category");
      }
      next = r.get(1) + 1;
    }
    if (next != v) {
      p.add(
          "/domain/communities",
          "ranges that end at category " + (next - 1),
          "ranges that cover every category up to " + (v - 1));
    }
  }

  /** Whether some category in [first, last] has probability above 0. */
  private static boolean hasMass(double[] truth, int first, int last) {
    for (int i = first; i <= last; i++) {
      if (truth[i] > 0) {
        return true;
      }
    }
    return false;
  }

  @Override
  public CategoricalSpec resolve() {
    Double s = zipfExponent;
    if (probabilities == null && zipfExponent == null) {
      s = DEFAULT_ZIPF_EXPONENT;
    }
    return new CategoricalSpec(size(), s, probabilities, names, communities);
  }

  @Override
  public Domain build(RngStreams streams) {
    CategoricalModel truth;
    if (probabilities != null) {
      truth =
          CategoricalModel.of(probabilities.stream().mapToDouble(Double::doubleValue).toArray());
    } else {
      truth = CategoricalModel.zipf(categories, zipfExponent);
    }
    List<int[]> slices = null;
    if (communities != null) {
      slices = new ArrayList<>();
      for (List<Integer> r : communities) {
        slices.add(new int[] {r.get(0), r.get(1)});
      }
    }
    return new CategoricalDomain(truth, names, slices);
  }

  @Override
  public int communityCount() {
    return communities == null || communities.isEmpty() ? 1 : communities.size();
  }

  @Override
  public List<String> samplingKeys() {
    return List.of("temperature", "top-k", "top-p");
  }

  @Override
  public List<String> estimatorKeys() {
    return List.of("alpha");
  }
}
