package ouroboros.agents.domain.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import ouroboros.agents.domain.Domain;
import ouroboros.agents.domain.DomainSpec;
import ouroboros.agents.rng.RngStreams;
import ouroboros.agents.spec.Key;
import ouroboros.agents.spec.Keys;
import ouroboros.agents.spec.Problems;
import ouroboros.agents.spec.Spec;

/**
 * An n-gram text truth: a random sparse Markov chain over a Zipfian vocabulary, in one or more
 * dialects, whose documents are sentences of at most L words (see {@link LanguageBuilder} for the
 * exact construction and {@link TextDomain} for the measures). The language is drawn from the
 * stream ("domain", "language") and the held-out reference set from ("domain", "reference").
 *
 * @param vocabulary V, the number of words (default 1000)
 * @param zipfExponent s of the Zipf weights of words and of each row's transitions (default 1.1)
 * @param maxLength L, the most words a sentence has (default 30)
 * @param successors S, the words possible after each word (default 32); the other V - S are
 *     impossible transitions
 * @param endProbability e, the probability that a sentence ends after each word (default 0.1, a
 *     mean length near 1 / e when L is large)
 * @param referenceSize N, the held-out human sentences the risk is measured on (default 1000)
 * @param dialects D, the communities (default 1: the base language itself)
 * @param dialectWeights the share of each dialect in human text (default equal)
 * @param dialectStrength beta, the mass each dialect moves onto its own preferred successor of
 *     every word (default 0.5)
 */
@Spec(
    doc =
        "An n-gram text truth: a random sparse Markov chain over a Zipfian vocabulary of V "
            + "words, in D dialects. A document is one sentence of at most L words, stored as [length, "
            + "word_1, ..., word_L] with unused slots -1. The language is drawn from the scenario "
            + "seed; the risk is measured on a held-out set of human sentences.",
    tag =
        "n-gram text; models are n-gram models (order 1 to 3) with add-k or Kneser-Ney "
            + "smoothing, sampled with temperature, then top-k, then top-p, or decoded by beam "
            + "search with a repetition penalty.")
public record TextSpec(
    @Key(
            doc =
                "The number of words V. Word i has Zipf weight (i+1)^-s, so word 0 is the most "
                    + "frequent. Default 1000.",
            min = 2,
            max = 100000,
            def = "1000",
            expect = "a whole number from 2 to 100000")
        Integer vocabulary,
    @Key(
            doc =
                "The Zipf exponent s of the words' weights and of each word's successor "
                    + "probabilities; 0 is uniform. Default 1.1.",
            min = 0,
            def = "1.1",
            expect = "a finite exponent of at least 0")
        Double zipfExponent,
    @Key(
            doc =
                "The most words a sentence has, L; a sentence that reaches L words ends there. "
                    + "Default 30.",
            min = 1,
            max = 200,
            def = "30",
            expect = "a whole number from 1 to 200")
        Integer maxLength,
    @Key(
            doc =
                "The number of words possible after each word, S, at most V; the other V - S are "
                    + "impossible transitions, where model mass is hallucinated (definition 8). At most "
                    + "5,000,000 transitions in all (V x S). Default 32 (or V when V is smaller).",
            min = 1,
            def = "32")
        Integer successors,
    @Key(
            doc =
                "The probability e that a sentence ends after each word, strictly between 0 and 1; "
                    + "sentences have about 1/e words on average when L is large. Default 0.1.",
            exclusiveMin = 0,
            exclusiveMax = 1,
            def = "0.1",
            expect = "a probability strictly between 0 and 1")
        Double endProbability,
    @Key(
            doc =
                "The number of held-out human sentences the risk, its band and the perplexity are "
                    + "measured on. Default 1000.",
            min = 2,
            max = 1000000,
            def = "1000",
            expect = "a whole number from 2 to 1000000")
        Integer referenceSize,
    @Key(
            doc =
                "The number of dialects D, the human communities (a human source picks one with "
                    + "'community'). Each dialect moves a share 'dialect-strength' of every word's "
                    + "successor mass onto its own preferred successor. Default 1: the base language "
                    + "itself.",
            min = 1,
            max = 100,
            def = "1",
            expect = "a whole number from 1 to 100")
        Integer dialects,
    @Key(
            doc =
                "Each dialect's share of human text, one positive weight per dialect, normalised to "
                    + "sum 1. Default: equal. Example: [0.8, 0.2].",
            minItems = 1,
            maxItems = 100,
            items = "{\"type\": \"number\", \"exclusiveMinimum\": 0}")
        List<Double> dialectWeights,
    @Key(
            doc =
                "The share beta in [0, 1] of each word's successor mass that a dialect moves onto "
                    + "its own preferred successor. Used only when dialects is 2 or more. Default 0.5.",
            min = 0,
            max = 1,
            def = "0.5",
            expect = "a share in [0, 1]")
        Double dialectStrength)
    implements DomainSpec {

  /** Default V. */
  public static final int DEFAULT_VOCABULARY = 1000;

  /** Default s. */
  public static final double DEFAULT_ZIPF_EXPONENT = 1.1;

  /** Default L. */
  public static final int DEFAULT_MAX_LENGTH = 30;

  /** Default S. */
  public static final int DEFAULT_SUCCESSORS = 32;

  /** Default e. */
  public static final double DEFAULT_END_PROBABILITY = 0.1;

  /** Default N. */
  public static final int DEFAULT_REFERENCE_SIZE = 1000;

  /** Default beta. */
  public static final double DEFAULT_DIALECT_STRENGTH = 0.5;

  /** Largest V. */
  public static final int MAX_VOCABULARY = 100_000;

  /** Largest L. */
  public static final int MAX_LENGTH = 200;

  /** Largest number of possible transitions, V S. */
  public static final long MAX_TRANSITIONS = 5_000_000L;

  /** Largest N. */
  public static final int MAX_REFERENCE_SIZE = 1_000_000;

  /** Largest D. */
  public static final int MAX_DIALECTS = 100;

  @Override
  public void validate(Problems p) {
    Keys.checkBounds(p, "/domain", this, "vocabulary");
    int v = vocabulary != null ? vocabulary : DEFAULT_VOCABULARY;
    Keys.checkBounds(p, "/domain", this, "zipf-exponent", "max-length");
    if (successors != null && (successors < 1 || successors > v)) {
      p.add("/domain/successors", successors, "a whole number from 1 to the vocabulary, " + v);
    } else if (successors != null && (long) v * successors > MAX_TRANSITIONS) {
      p.add(
          "/domain/successors",
          successors,
          "at most "
              + MAX_TRANSITIONS
              + " possible transitions in all (vocabulary x successors), so at most "
              + MAX_TRANSITIONS / v
              + " here");
    }
    Keys.checkBounds(p, "/domain", this, "end-probability", "reference-size", "dialects");
    int d = dialects != null ? dialects : 1;
    if (dialectWeights != null) {
      if (dialectWeights.size() != d) {
        int n = dialectWeights.size();
        p.add(
            "/domain/dialect-weights",
            n + (n == 1 ? " weight" : " weights"),
            d + (d == 1 ? " weight" : " weights") + ", one per dialect");
      }
      for (int i = 0; i < dialectWeights.size(); i++) {
        Double w = dialectWeights.get(i);
        if (w == null || !(w > 0) || w.isInfinite()) {
          p.add("/domain/dialect-weights/" + i, w, "a finite weight greater than 0");
        }
      }
    }
    Keys.checkBounds(p, "/domain", this, "dialect-strength");
  }

  @Override
  public TextSpec resolve() {
    int d = dialects != null ? dialects : 1;
    List<Double> w =
        dialectWeights != null ? dialectWeights : new ArrayList<>(Collections.nCopies(d, 1.0 / d));
    return new TextSpec(
        vocabulary != null ? vocabulary : DEFAULT_VOCABULARY,
        zipfExponent != null ? zipfExponent : DEFAULT_ZIPF_EXPONENT,
        maxLength != null ? maxLength : DEFAULT_MAX_LENGTH,
        successors != null
            ? successors
            : Math.min(DEFAULT_SUCCESSORS, vocabulary != null ? vocabulary : DEFAULT_VOCABULARY),
        endProbability != null ? endProbability : DEFAULT_END_PROBABILITY,
        referenceSize != null ? referenceSize : DEFAULT_REFERENCE_SIZE,
        d,
        w,
        dialectStrength != null ? dialectStrength : DEFAULT_DIALECT_STRENGTH);
  }

  @Override
  public Domain build(RngStreams streams) {
    double[] w = dialectWeights.stream().mapToDouble(Double::doubleValue).toArray();
    return new TextDomain(
        LanguageBuilder.random(
            vocabulary,
            zipfExponent,
            maxLength,
            successors,
            endProbability,
            w,
            dialectStrength,
            streams.stream("domain", "language")),
        referenceSize,
        streams.stream("domain", "reference"));
  }

  /** The dialects are the communities. */
  @Override
  public int communityCount() {
    return dialects != null ? dialects : 1;
  }

  @Override
  public List<String> samplingKeys() {
    return List.of(
        "temperature", "top-k", "top-p", "beam-width", "beam-prompt", "repetition-penalty");
  }

  @Override
  public List<String> estimatorKeys() {
    return List.of("order", "smoothing", "alpha");
  }
}
