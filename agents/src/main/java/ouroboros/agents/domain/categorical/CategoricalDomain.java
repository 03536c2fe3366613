package ouroboros.agents.domain.categorical;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.GuideTableDiscreteSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;
import ouroboros.agents.data.Batch;
import ouroboros.agents.domain.Domain;
import ouroboros.agents.domain.EstimatorSettings;
import ouroboros.agents.domain.Evaluation;
import ouroboros.agents.domain.FitException;
import ouroboros.agents.domain.Model;
import ouroboros.agents.domain.SamplingSettings;

/**
 * The categorical domain over V categories: a truth that is Zipf(s) or given probabilities (some
 * categories may be impossible), empirical frequencies with add-alpha smoothing, and a sampler with
 * temperature, top-k and top-p ({@link Truncation}). An item is one double, the category index 0 to
 * V-1. This is the "90% yellow, 10% blue" setting in which Shumailov et al. ("AI models collapse
 * when trained on recursively generated data", Nature 2024) show that recursive training loses the
 * tails first; nucleus sampling is that of Holtzman et al. ("The curious case of neural text
 * degeneration", ICLR 2020).
 *
 * <p>Estimator: p_i = (c_i + alpha) / (sum_j c_j + V alpha), where c_i is the (weighted) count of
 * category i and alpha is {@link EstimatorSettings#alpha()} (0: plain frequencies). The {@code
 * smoothing} setting is not read: Kneser-Ney is an n-gram method.
 *
 * <p>Communities: contiguous slices of the categories that partition 0..V-1 in order; a community's
 * sub-distribution is the truth restricted to its slice and renormalised. Without slices the whole
 * truth is one community.
 *
 * <p>Measures ({@link CategoricalMeasures}): every one is a closed form in the probabilities, so
 * evaluation is exact and deterministic.
 */
public final class CategoricalDomain implements Domain {
  /** The registered family name. */
  public static final String FAMILY = "categorical";

  private final CategoricalModel truth;
  private final List<String> names;
  private final int[] starts;
  private final int[] communityOf;
  private final CategoricalMeasures measures;

  /**
   * A categorical domain.
   *
   * @param truth the human distribution; at least 2 of its categories must be possible
   * @param names one distinct, non-blank name per category, or null for none
   * @param communities inclusive ranges {first, last} that cover 0..V-1 in order without gaps or
   *     overlaps, each holding some of the truth's mass; null or empty for one community
   */
  public CategoricalDomain(CategoricalModel truth, List<String> names, List<int[]> communities) {
    this.truth = Objects.requireNonNull(truth, "truth");
    int v = truth.categories();
    this.names = names == null ? null : List.copyOf(names);
    if (names != null) {
      Set<String> seen = new HashSet<>();
      if (names.size() != v) {
        throw new IllegalArgumentException("names has " + names.size() + " entries, expected " + v);
      }
      for (String n : names) {
        if (n.isBlank() || !seen.add(n)) {
          throw new IllegalArgumentException("name is blank or repeated: '" + n + "'");
        }
      }
    }
    List<int[]> slices =
        communities == null || communities.isEmpty() ? List.of(new int[] {0, v - 1}) : communities;
    this.starts = new int[slices.size() + 1];
    this.communityOf = new int[v];
    for (int c = 0; c < slices.size(); c++) {
      int[] r = slices.get(c);
      if (r.length != 2 || r[0] != starts[c] || r[1] < r[0] || r[1] >= v) {
        throw new IllegalArgumentException(
            "community "
                + c
                + " is not a range starting at "
                + starts[c]
                + " and ending below "
                + v
                + ": "
                + Arrays.toString(r));
      }
      starts[c + 1] = r[1] + 1;
      double mass = 0;
      for (int i = r[0]; i <= r[1]; i++) {
        communityOf[i] = c;
        mass += truth.probability(i);
      }
      if (!(mass > 0)) {
        throw new IllegalArgumentException("community " + c + " has no mass under the truth");
      }
    }
    if (starts[slices.size()] != v) {
      throw new IllegalArgumentException(
          "communities end at category " + (starts[slices.size()] - 1) + ", expected " + (v - 1));
    }
    this.measures = new CategoricalMeasures(truth);
  }

  /** A domain with no category names and one community. */
  public CategoricalDomain(CategoricalModel truth) {
    this(truth, null, null);
  }

  /** The model's entropy over the truth's. */
  @Override
  public String diversityRatioName() {
    return "entropy ratio";
  }

  @Override
  public String family() {
    return FAMILY;
  }

  @Override
  public int width() {
    return 1;
  }

  /** V, the number of categories. */
  public int categories() {
    return truth.categories();
  }

  /** The name of a category, or its index as text when the domain has no names. */
  public String name(int category) {
    return names != null ? names.get(category) : Integer.toString(category);
  }

  @Override
  public Batch sampleTruth(int n, UniformRandomProvider rng) {
    return draw(truth.view(), 0, truth.categories(), n, rng);
  }

  @Override
  public Model truthModel() {
    return truth;
  }

  @Override
  public Model fit(Batch data, double[] weights, EstimatorSettings settings) throws FitException {
    int v = truth.categories();
    int n = data.size();
    if (data.width() != 1) {
      throw new FitException("data has width " + data.width() + ", expected 1");
    }
    if (n < 1) {
      throw new FitException("too few items to fit: " + n);
    }
    if (weights != null && weights.length != n) {
      throw new FitException("weights has " + weights.length + " entries, expected " + n);
    }
    double[] counts = new double[v];
    double[] x = data.values();
    for (int i = 0; i < n; i++) {
      int c = category(x[i]);
      if (c < 0) {
        throw new FitException("item " + i + " is not a category in [0, " + v + "): " + x[i]);
      }
      double w = weights == null ? 1.0 : weights[i];
      if (!(w >= 0) || Double.isInfinite(w)) {
        throw new FitException("weight " + i + " is not a finite non-negative number: " + w);
      }
      counts[c] += w;
    }
    double total = 0;
    for (int c = 0; c < v; c++) {
      counts[c] += settings.alpha();
      total += counts[c];
    }
    if (!(total > 0) || Double.isInfinite(total)) {
      throw new FitException("weights do not sum to a finite positive number: " + total);
    }
    return CategoricalModel.fromChecked(counts, total);
  }

  @Override
  public Batch sample(Model model, int n, SamplingSettings settings, UniformRandomProvider rng) {
    CategoricalModel m = (CategoricalModel) model;
    double[] q = settings.isPlain() ? m.view() : Truncation.apply(m.view(), settings);
    return draw(q, 0, q.length, n, rng);
  }

  /** See {@link CategoricalMeasures} for the definitions. */
  @Override
  public Evaluation evaluate(Model model) {
    return measures.evaluate((CategoricalModel) model);
  }

  @Override
  public int communities() {
    return starts.length - 1;
  }

  @Override
  public Batch sampleCommunity(int community, int n, UniformRandomProvider rng) {
    if (community < 0 || community >= communities()) {
      throw new IllegalArgumentException("community is out of range: " + community);
    }
    return draw(truth.view(), starts[community], starts[community + 1], n, rng);
  }

  @Override
  public int communityOf(Batch batch, int i) {
    int c = category(batch.get(i, 0));
    if (c < 0) {
      throw new IllegalArgumentException("item is not a category: " + batch.get(i, 0));
    }
    return communityOf[c];
  }

  /** The category an item encodes, or -1 when it is not a whole number in [0, V). */
  private int category(double x) {
    return x >= 0 && x < truth.categories() && x == Math.rint(x) ? (int) x : -1;
  }

  /**
   * n draws from p restricted to categories [from, to) and renormalised, by Commons RNG's guide
   * table sampler over the categories with mass (so an impossible category is never drawn).
   */
  static Batch draw(double[] p, int from, int to, int n, UniformRandomProvider rng) {
    int[] support = new int[to - from];
    int k = 0;
    for (int i = from; i < to; i++) {
      if (p[i] > 0) {
        support[k++] = i;
      }
    }
    double[] out = new double[n];
    if (k == 1) {
      Arrays.fill(out, support[0]);
      return new Batch(n, 1, out);
    }
    double[] w = new double[k];
    for (int j = 0; j < k; j++) {
      w[j] = p[support[j]];
    }
    SharedStateDiscreteSampler sampler = GuideTableDiscreteSampler.of(rng, w);
    for (int i = 0; i < n; i++) {
      out[i] = support[sampler.sample()];
    }
    return new Batch(n, 1, out);
  }

  /** The log of the truth's probability of the item's category. */
  @Override
  public double truthScore(Batch batch, int i) {
    return Math.log(truth.probability((int) batch.values()[i]));
  }

  @Override
  public void writeModel(Model model, java.io.DataOutput out) throws java.io.IOException {
    ((CategoricalModel) model).write(out);
  }

  @Override
  public Model readModel(java.io.DataInput in) throws java.io.IOException {
    return CategoricalModel.read(in);
  }
}
