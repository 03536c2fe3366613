package ouroboros.agents.domain.text;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import ouroboros.agents.data.Batch;
import ouroboros.agents.domain.Domain;
import ouroboros.agents.domain.EstimatorSettings;
import ouroboros.agents.domain.Evaluation;
import ouroboros.agents.domain.FitException;
import ouroboros.agents.domain.Model;
import ouroboros.agents.domain.SamplingSettings;

/**
 * The n-gram text domain. The truth is a random {@link Language} (a sparse Markov chain over a
 * Zipfian vocabulary of V words, in D dialects; {@link LanguageBuilder}); a document is one
 * sentence of at most L words ({@link Sentences}); the model family is the n-gram model, n = 1 to
 * 3, with add-k or interpolated Kneser-Ney smoothing ({@link NgramEstimator}, {@link NgramModel};
 * Chen and Goodman, "An empirical study of smoothing techniques for language modeling", 1999);
 * models sample with temperature, then top-k, then top-p at every step ({@link Step}; Holtzman et
 * al., "The curious case of neural text degeneration", ICLR 2020), or, with a beam width or a
 * repetition penalty, decode as {@link Decoding} says. Recursive training of language models on
 * their own text is the setting of Shumailov et al., Nature 2024.
 *
 * <p>Measures. A sentence's scored events are its words and, when it has fewer than L words, its
 * end token. On the held-out reference set of N human sentences drawn when the domain is built: the
 * model's loss on a sentence is -sum log q'(event | context) with q' = (1 - 1e-6) q + 1e-6 / (V +
 * 1) (an evaluation floor, so that a transition the model cannot emit costs about ln(1e6 (V + 1))
 * nats instead of infinity); the truth's is -log of its mixture probability.
 *
 * <ul>
 *   <li>{@code population-risk}: (sum of model losses - sum of truth losses) / sum of events, the
 *       model's cross-entropy per token minus the truth's, in nats. The truth has risk 0 exactly;
 *       the expectation is the KL divergence rate of the model from the truth (plus the floor's
 *       negligible cost), and a model can fall slightly below 0 by chance;
 *   <li>{@code risk-band}: the standard error of that ratio estimator over sentences (delta
 *       method): sqrt(sum_s (d_s - R n_s)^2 / (N (N - 1))) / mean n_s, with d_s the sentence's loss
 *       difference and n_s its events;
 *   <li>{@code perplexity}: exp(model cross-entropy per token on the reference set);
 *   <li>{@code diversity-ratio}: the model's entropy rate over the truth's, each estimated on its
 *       own fixed evaluation sample ({@link OwnSample}; plain sampling, fixed seed);
 *   <li>{@code distinct-1}, {@code distinct-2}: distinct-n of that sample (Li et al. 2016);
 *   <li>{@code output-tail-ratio}: the share of that sample's transitions that are tail transitions
 *       of the truth (below), over the same share in the truth's own sample: the tails as they
 *       appear in what the model writes, next to definition 7's per-context view;
 *   <li>{@code vocabulary-used}: words with positive probability under the fitted model, before any
 *       sampling settings (V under any smoothing; the words seen in training with k = 0); for the
 *       truth, the words reachable from the start token;
 *   <li>{@code tail-mass-ratio}: sum_c pi(c) q(T(c) | c) / sum_c pi(c) p(T(c) | c), where c runs
 *       over the truth's contexts (the start token and each word for n &le; 2, pairs of tokens for
 *       n = 3) with the truth's exact context frequencies pi ({@link ContextWeights}), p is the
 *       truth's bigram marginal and T(c) its tail after c's last token: the transitions with 0 &lt;
 *       p &lt; 0.01. Left out when the truth has no such transition;
 *   <li>{@code hallucinated-mass}: sum_c pi(c) q(I(c) | c), I(c) being the outcomes impossible
 *       after c's last token. A model of order n &ge; 2 with plain counts (add-k, k = 0) can only
 *       emit transitions it was trained on, so unless it was trained on impossible ones its
 *       hallucinated mass is exactly 0; add-k with k &gt; 0 gives every transition positive
 *       probability, and Kneser-Ney backs off to the uniform, so theirs is positive; a unigram
 *       model ignores context and puts mass on impossible transitions whatever its smoothing.
 * </ul>
 *
 * The masses are of the fitted model, at temperature 1 and without truncation. Modes do not apply
 * to this domain, so {@code modes-recovered} is left out.
 *
 * <p>Communities are the dialects: {@link #sampleCommunity} draws from one dialect and {@link
 * #communityOf} gives the dialect under which a sentence is most likely.
 */
public final class TextDomain implements Domain {
  /** The registered family name. */
  public static final String FAMILY = "ngram-text";

  private final Language truth;
  private final TextMeasures measures;

  /**
   * A text domain.
   *
   * @param truth the language
   * @param referenceSize N, the held-out reference sentences
   * @param referenceRng draws the reference set
   */
  public TextDomain(Language truth, int referenceSize, UniformRandomProvider referenceRng) {
    this.truth = Objects.requireNonNull(truth, "truth");
    if (referenceSize < 2) {
      throw new IllegalArgumentException("referenceSize is below 2: " + referenceSize);
    }
    this.measures = new TextMeasures(truth, sampleTruth(referenceSize, referenceRng));
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
    return Sentences.width(truth.maxLength());
  }

  /** The language. */
  public Language language() {
    return truth;
  }

  @Override
  public Batch sampleTruth(int n, UniformRandomProvider rng) {
    return draw(n, -1, SamplingSettings.DEFAULTS, rng);
  }

  @Override
  public Model truthModel() {
    return truth;
  }

  @Override
  public Model fit(Batch data, double[] weights, EstimatorSettings settings) throws FitException {
    if (data.width() != width()) {
      throw new FitException("data has width " + data.width() + ", expected " + width());
    }
    return NgramEstimator.fit(data, weights, settings, truth.vocabulary());
  }

  @Override
  public Batch sample(Model model, int n, SamplingSettings settings, UniformRandomProvider rng) {
    if (settings.decodes()) {
      return decode(model, n, settings, rng);
    }
    if (model instanceof Language) {
      return draw(n, -1, settings, rng);
    }
    NgramModel m = (NgramModel) model;
    int len = truth.maxLength();
    double[] out = new double[n * width()];
    int[] words = new int[len];
    Map<Long, Step> memo = new HashMap<>();
    for (int i = 0; i < n; i++) {
      Sentences.write(
          words, NgramSampler.generate(m, words, len, settings, memo, rng), out, i, len);
    }
    return new Batch(n, width(), out);
  }

  /**
   * n sentences under beam search or a repetition penalty ({@link Decoding}); the truth as a model
   * speaks one dialect per sentence, drawn by weight.
   */
  private Batch decode(Model model, int n, SamplingSettings settings, UniformRandomProvider rng) {
    int len = truth.maxLength();
    double[] out = new double[n * width()];
    int[] words = new int[len];
    int v = truth.vocabulary();
    for (int i = 0; i < n; i++) {
      Decoding.Source src;
      if (model instanceof Language l) {
        int d = l.pickDialect(rng);
        src = (prev2, prev1) -> l.distribution(d, prev1);
      } else {
        NgramModel m = (NgramModel) model;
        src = m::distribution;
      }
      Sentences.write(words, Decoding.generate(src, v, words, len, settings, rng), out, i, len);
    }
    return new Batch(n, width(), out);
  }

  @Override
  public Evaluation evaluate(Model model) {
    return measures.evaluate(model);
  }

  @Override
  public int communities() {
    return truth.dialects();
  }

  @Override
  public Batch sampleCommunity(int community, int n, UniformRandomProvider rng) {
    if (community < 0 || community >= truth.dialects()) {
      throw new IllegalArgumentException("community is out of range: " + community);
    }
    return draw(n, community, SamplingSettings.DEFAULTS, rng);
  }

  @Override
  public int communityOf(Batch batch, int i) {
    int[] words = new int[truth.maxLength()];
    try {
      return truth.dialectOf(words, Sentences.read(batch, i, words, truth.vocabulary()));
    } catch (FitException e) {
      return 0;
    }
  }

  /** n truth sentences, each from a dialect drawn by weight (or from {@code dialect} if &ge; 0). */
  private Batch draw(int n, int dialect, SamplingSettings settings, UniformRandomProvider rng) {
    int len = truth.maxLength();
    double[] out = new double[n * width()];
    int[] words = new int[len];
    Map<Long, Step> memo = new HashMap<>();
    for (int i = 0; i < n; i++) {
      int d = dialect >= 0 ? dialect : truth.pickDialect(rng);
      Sentences.write(words, truth.generate(d, words, settings, memo, rng), out, i, len);
    }
    return new Batch(n, width(), out);
  }

  /**
   * The truth's log-probability of the sentence per scored event (its words, and the end token when
   * it is shorter than L); negative infinity for an unreadable item.
   */
  @Override
  public double truthScore(Batch batch, int i) {
    int[] words = new int[truth.maxLength()];
    try {
      int n = Sentences.read(batch, i, words, truth.vocabulary());
      int events = n < truth.maxLength() ? n + 1 : n;
      return truth.logProbability(words, n) / Math.max(1, events);
    } catch (FitException e) {
      return Double.NEGATIVE_INFINITY;
    }
  }

  /** The sentence's length in words. */
  @Override
  public int tokens(Batch batch, int i) {
    return Sentences.length(batch, i);
  }

  @Override
  public void writeModel(Model model, java.io.DataOutput out) throws java.io.IOException {
    ((NgramModel) model).write(out);
  }

  @Override
  public Model readModel(java.io.DataInput in) throws java.io.IOException {
    return NgramModel.read(in);
  }
}
