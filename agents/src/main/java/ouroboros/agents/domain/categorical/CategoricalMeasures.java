package ouroboros.agents.domain.categorical;

import java.util.Arrays;
import java.util.Objects;
import java.util.TreeMap;
import ouroboros.agents.domain.Evaluation;
import ouroboros.agents.domain.Metrics;

/**
 * The categorical domain's measures of a model m against the truth t, all closed forms in the
 * probabilities (natural logarithms, {@link StrictMath} so that output is the same on every
 * machine). Write "possible" for a category with t_i greater than 0.
 *
 * <ul>
 *   <li>{@code population-risk}: KL(t || m) = sum over possible i of t_i ln(t_i / m_i), in nats. It
 *       is <b>+Infinity</b> as soon as the model gives probability 0 to a possible category, which
 *       is exactly what losing a tail category means; add-alpha smoothing (alpha greater than 0)
 *       keeps it finite. {@code risk-band} is 0: nothing is estimated.
 *   <li>{@code entropy}: H(m) = -sum m_i ln m_i, in nats; {@code diversity-ratio} is H(m) / H(t)
 *       (definition 5). The truth has at least 2 possible categories, so H(t) is greater than 0.
 *   <li>{@code modes-recovered} (definition 6): the truth's top categories are the min({@value
 *       #TOP_CATEGORIES}, number of possible categories) most likely ones, ranked by t_i, ties by
 *       lower index. The measure is 1 when for every pair a, b among them with t_a &gt; t_b the
 *       model has m_a &gt; m_b strictly, and 0 otherwise. Pairs that are tied in the truth (exactly
 *       equal t) put no constraint on the model. Two top categories that the model ties (both at 0,
 *       say) have merged, and count as lost order.
 *   <li>{@code tail-mass-ratio} (definition 7): the tail is the possible categories with t_i below
 *       {@value #TAIL_PROBABILITY}. When there is none (as in the 90/10 example), the tail is the
 *       least likely possible category, with every category tied with it at exactly the same
 *       probability. When that would be every possible category (a uniform truth), there is no tail
 *       and the measure is left out. The number is sum over the tail of m_i divided by sum over the
 *       tail of t_i: 1 when the model keeps the tail's mass, 0 when it has lost it. In the 90/10
 *       example it is m_blue / 0.1.
 *   <li>{@code hallucinated-mass} (definition 8): sum of m_i over the categories impossible under
 *       the truth (t_i = 0); left out when every category is possible.
 * </ul>
 *
 * <p>Tails first: Shumailov et al., "AI models collapse when trained on recursively generated
 * data", Nature 2024.
 */
public final class CategoricalMeasures {
  /** The name of the model entropy measure, in nats. */
  public static final String ENTROPY = "entropy";

  /** The name of the count of categories the model gives positive probability. */
  public static final String SUPPORT_SIZE = "support-size";

  /** The name of the count of categories possible under the truth that the model gives 0. */
  public static final String ZERO_PROBABILITY = "zero-probability-count";

  /** Categories below this truth probability form the tail. */
  public static final double TAIL_PROBABILITY = 0.01;

  /** How many of the truth's most likely categories must keep their order. */
  public static final int TOP_CATEGORIES = 5;

  private final double[] truth;
  private final double truthEntropy;
  private final int[] top;
  private final int[] tail;
  private final double tailMass;
  private final boolean anyImpossible;

  /**
   * The measures against a truth.
   *
   * @throws IllegalArgumentException when fewer than 2 categories are possible under the truth
   */
  public CategoricalMeasures(CategoricalModel truth) {
    Objects.requireNonNull(truth, "truth");
    this.truth = truth.probabilities();
    this.truthEntropy = truth.entropy();
    Integer[] ranked = Truncation.ranked(this.truth);
    if (ranked.length < 2) {
      throw new IllegalArgumentException(
          "the truth has fewer than 2 possible categories: " + ranked.length);
    }
    this.anyImpossible = ranked.length < this.truth.length;
    this.top = new int[Math.min(TOP_CATEGORIES, ranked.length)];
    for (int r = 0; r < top.length; r++) {
      top[r] = ranked[r];
    }
    this.tail = tailOf(this.truth, ranked);
    double mass = 0;
    for (int i : tail) {
      mass += this.truth[i];
    }
    this.tailMass = mass;
  }

  /** The tail categories, in index order: below 1%, or else the least likely ones. */
  private static int[] tailOf(double[] t, Integer[] ranked) {
    int[] below =
        Arrays.stream(ranked)
            .mapToInt(Integer::intValue)
            .filter(i -> t[i] < TAIL_PROBABILITY)
            .sorted()
            .toArray();
    if (below.length > 0) {
      return below;
    }
    double least = t[ranked[ranked.length - 1]];
    int[] lowest =
        Arrays.stream(ranked)
            .mapToInt(Integer::intValue)
            .filter(i -> t[i] == least)
            .sorted()
            .toArray();
    return lowest.length == ranked.length ? new int[0] : lowest;
  }

  /** The truth's top categories, most likely first. */
  public int[] topCategories() {
    return top.clone();
  }

  /** The truth's tail categories in index order; empty when the truth has no tail. */
  public int[] tailCategories() {
    return tail.clone();
  }

  /**
   * The model's measures, named as in {@link Metrics} plus {@link #ENTROPY}, {@link #SUPPORT_SIZE}
   * and {@link #ZERO_PROBABILITY}.
   */
  public Evaluation evaluate(CategoricalModel model) {
    double[] m = model.view();
    if (m.length != truth.length) {
      throw new IllegalArgumentException(
          "model has " + m.length + " categories, expected " + truth.length);
    }
    double kl = 0;
    double hallucinated = 0;
    int support = 0;
    int lost = 0;
    for (int i = 0; i < truth.length; i++) {
      if (m[i] > 0) {
        support++;
      } else if (truth[i] > 0) {
        lost++;
      }
      if (truth[i] > 0) {
        kl +=
            m[i] > 0
                ? truth[i] * (StrictMath.log(truth[i]) - StrictMath.log(m[i]))
                : Double.POSITIVE_INFINITY;
      } else {
        hallucinated += m[i];
      }
    }
    double entropy = model.entropy();
    TreeMap<String, Double> values = new TreeMap<>();
    values.put(Metrics.POPULATION_RISK, Math.max(0.0, kl));
    values.put(Metrics.RISK_BAND, 0.0);
    values.put(ENTROPY, entropy);
    values.put(SUPPORT_SIZE, (double) support);
    values.put(ZERO_PROBABILITY, (double) lost);
    values.put(Metrics.DIVERSITY_RATIO, entropy / truthEntropy);
    values.put(Metrics.MODES_RECOVERED, orderKept(m) ? 1.0 : 0.0);
    if (tail.length > 0) {
      double mass = 0;
      for (int i : tail) {
        mass += m[i];
      }
      values.put(Metrics.TAIL_MASS_RATIO, mass / tailMass);
    }
    if (anyImpossible) {
      values.put(Metrics.HALLUCINATED_MASS, hallucinated);
    }
    return new Evaluation(values);
  }

  /** Whether the model ranks every untied pair of the truth's top categories as the truth does. */
  private boolean orderKept(double[] m) {
    for (int a = 0; a < top.length; a++) {
      for (int b = a + 1; b < top.length; b++) {
        if (truth[top[a]] > truth[top[b]] && !(m[top[a]] > m[top[b]])) {
          return false;
        }
      }
    }
    return true;
  }
}
