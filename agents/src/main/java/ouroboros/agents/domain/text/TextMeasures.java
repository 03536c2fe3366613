package ouroboros.agents.domain.text;

import java.util.SortedMap;
import java.util.TreeMap;
import ouroboros.agents.data.Batch;
import ouroboros.agents.domain.Evaluation;
import ouroboros.agents.domain.Metrics;
import ouroboros.agents.domain.Model;

/**
 * The text domain's measures of a model against the truth; see {@link TextDomain} for their
 * definitions. Everything the truth contributes is computed once, here; {@link #evaluate} is
 * deterministic and thread-safe.
 */
final class TextMeasures {
  /** The weight of the uniform distribution mixed into n-gram models to score them. */
  static final double FLOOR = 1e-6;

  /** Perplexity: exp of the model's cross-entropy per token on the reference set. */
  static final String PERPLEXITY = "perplexity";

  /** Share of distinct words in the model's own fixed sample. */
  static final String DISTINCT_1 = "distinct-1";

  /** Share of distinct bigrams in the model's own fixed sample. */
  static final String DISTINCT_2 = "distinct-2";

  /** Words the model can emit. */
  static final String VOCABULARY_USED = "vocabulary-used";

  /** Share of the truth's tail transitions in the model's own sample over that in the truth's. */
  static final String OUTPUT_TAIL_RATIO = "output-tail-ratio";

  private final Language truth;
  private final int[][] reference;
  private final double[] truthLoss;
  private final int[] events;
  private final double truthCrossEntropy;
  private final ContextWeights weights;
  private final double truthTail;
  private final OwnSample truthSample;
  private final int truthVocabulary;
  private final int[] pairStart;
  private final int[] pairPrev;
  private final double[] pairWeight;

  /** The measures against a truth, on a held-out reference set of its sentences. */
  TextMeasures(Language truth, Batch referenceSet) {
    this.truth = truth;
    int v = truth.vocabulary();
    int len = truth.maxLength();
    reference = new int[referenceSet.size()][];
    truthLoss = new double[reference.length];
    events = new int[reference.length];
    double loss = 0;
    long total = 0;
    for (int i = 0; i < reference.length; i++) {
      int n = Sentences.length(referenceSet, i);
      reference[i] = new int[n];
      for (int t = 0; t < n; t++) {
        reference[i][t] = Sentences.word(referenceSet, i, t);
      }
      truthLoss[i] = -truth.logProbability(reference[i], n);
      events[i] = n + (n < len ? 1 : 0);
      loss += truthLoss[i];
      total += events[i];
    }
    truthCrossEntropy = loss / total;
    weights = new ContextWeights(truth);
    double tail = 0;
    for (int u = 0; u < v + 2; u++) {
      for (int e = truth.begin(u); e < truth.end(u); e++) {
        tail += weights.tail(e) ? weights.single[u] * weights.marginal[e] : 0;
      }
    }
    truthTail = tail;
    truthSample = OwnSample.of(OwnSample.of(truth), len, v, this::tail);
    int used = 0;
    for (double x : weights.visits) {
      used += x > 0 ? 1 : 0;
    }
    truthVocabulary = used;
    // Two-token contexts (a, b) grouped by b: pairPrev lists each a, pairWeight its pi(a, b).
    pairStart = new int[v + 3];
    for (int a = 0; a < v + 2; a++) {
      for (int e = truth.begin(a); e < truth.end(a); e++) {
        pairStart[truth.successor(e) + 1] += truth.successor(e) < v ? 1 : 0;
      }
    }
    for (int b = 0; b < v + 2; b++) {
      pairStart[b + 1] += pairStart[b];
    }
    pairPrev = new int[pairStart[v + 2]];
    pairWeight = new double[pairPrev.length];
    int[] fill = pairStart.clone();
    for (int a = 0; a < v + 2; a++) {
      for (int e = truth.begin(a); e < truth.end(a); e++) {
        int b = truth.successor(e);
        if (b < v) {
          pairPrev[fill[b]] = a;
          pairWeight[fill[b]++] = weights.pair[e];
        }
      }
    }
  }

  /** The truth's cross-entropy per token on the reference set, in nats. */
  double truthCrossEntropy() {
    return truthCrossEntropy;
  }

  /** The measures of a model: the truth itself, or a fitted n-gram model. */
  Evaluation evaluate(Model model) {
    SortedMap<String, Double> out = new TreeMap<>();
    int v = truth.vocabulary();
    if (model instanceof Language) {
      out.put(Metrics.POPULATION_RISK, 0.0);
      out.put(Metrics.RISK_BAND, 0.0);
      out.put(PERPLEXITY, Math.exp(truthCrossEntropy));
      sample(truthSample, out);
      out.put(VOCABULARY_USED, (double) truthVocabulary);
      out.put(Metrics.HALLUCINATED_MASS, 0.0);
      if (truthTail > 0) {
        out.put(Metrics.TAIL_MASS_RATIO, 1.0);
      }
      return new Evaluation(out);
    }
    NgramModel m = (NgramModel) model;
    risk(m, out);
    sample(OwnSample.of(OwnSample.of(m, truth.maxLength()), truth.maxLength(), v, this::tail), out);
    out.put(VOCABULARY_USED, (double) m.vocabularyUsed());
    masses(m, out);
    return new Evaluation(out);
  }

  /** Risk, its band and perplexity: cross-entropy on the reference set, minus the truth's. */
  private void risk(NgramModel m, SortedMap<String, Double> out) {
    int v = truth.vocabulary();
    int len = truth.maxLength();
    double uniform = FLOOR / (v + 1);
    int n = reference.length;
    double[] diff = new double[n];
    double sumDiff = 0;
    double sumLoss = 0;
    long sumEvents = 0;
    for (int i = 0; i < n; i++) {
      int[] s = reference[i];
      int prev2 = Sentences.start(v);
      int prev1 = prev2;
      double loss = 0;
      for (int t = 0; t < s.length || (t == s.length && s.length < len); t++) {
        int w = t < s.length ? s[t] : v;
        loss -= Math.log((1 - FLOOR) * m.probability(prev2, prev1, w) + uniform);
        prev2 = prev1;
        prev1 = w;
      }
      diff[i] = loss - truthLoss[i];
      sumDiff += diff[i];
      sumLoss += loss;
      sumEvents += events[i];
    }
    double r = sumDiff / sumEvents;
    double meanEvents = (double) sumEvents / n;
    double ss = 0;
    for (int i = 0; i < n; i++) {
      double dev = diff[i] - r * events[i];
      ss += dev * dev;
    }
    out.put(Metrics.POPULATION_RISK, r);
    out.put(Metrics.RISK_BAND, n > 1 ? Math.sqrt(ss / ((double) n * (n - 1))) / meanEvents : 0);
    out.put(PERPLEXITY, Math.exp(sumLoss / sumEvents));
  }

  /** Diversity ratio and distinct-n from a model's own sample. */
  private void sample(OwnSample own, SortedMap<String, Double> out) {
    out.put(Metrics.DIVERSITY_RATIO, own.entropy() / truthSample.entropy());
    out.put(DISTINCT_1, own.distinct1());
    if (!Double.isNaN(own.distinct2())) {
      out.put(DISTINCT_2, own.distinct2());
    }
    if (truthSample.tailShare() > 0) {
      out.put(OUTPUT_TAIL_RATIO, own.tailShare() / truthSample.tailShare());
    }
  }

  /** Whether outcome w after token u is a tail transition of the truth. */
  private boolean tail(int u, int w) {
    int e = truth.entry(u, w);
    return e >= 0 && weights.tail(e);
  }

  /** Tail mass ratio and hallucinated mass over the truth's contexts, by their weights. */
  private void masses(NgramModel m, SortedMap<String, Double> out) {
    int v = truth.vocabulary();
    int start = Sentences.start(v);
    OutcomeSet possible = new OutcomeSet(v + 1);
    OutcomeSet impossible = new OutcomeSet(v + 1);
    OutcomeSet rare = new OutcomeSet(v + 1);
    int top = m.order() - 1;
    double hallucinated = 0;
    double tail = 0;
    for (int b = 0; b < v + 2; b++) {
      if (b == v || weights.single[b] == 0) {
        continue;
      }
      possible.clear();
      rare.clear();
      for (int e = truth.begin(b); e < truth.end(b); e++) {
        possible.add(truth.successor(e));
        if (weights.tail(e)) {
          rare.add(truth.successor(e));
        }
      }
      impossible.complementOf(possible);
      if (top < 2) {
        hallucinated += weights.single[b] * m.chainMass(start, b, impossible, top);
        tail += weights.single[b] * m.chainMass(start, b, rare, top);
        continue;
      }
      double lowerImpossible = m.chainMass(start, b, impossible, 1);
      double lowerRare = m.chainMass(start, b, rare, 1);
      if (b == start) {
        hallucinated += weights.startStart * m.levelMass(2, start, b, impossible, lowerImpossible);
        tail += weights.startStart * m.levelMass(2, start, b, rare, lowerRare);
      }
      for (int i = pairStart[b]; i < pairStart[b + 1]; i++) {
        hallucinated += pairWeight[i] * m.levelMass(2, pairPrev[i], b, impossible, lowerImpossible);
        tail += pairWeight[i] * m.levelMass(2, pairPrev[i], b, rare, lowerRare);
      }
    }
    out.put(Metrics.HALLUCINATED_MASS, hallucinated);
    if (truthTail > 0) {
      out.put(Metrics.TAIL_MASS_RATIO, tail / truthTail);
    }
  }
}
