package ouroboros.agents.domain.text;

/**
 * How often the truth is in each context, exactly (no Monte Carlo), and its bigram marginal.
 *
 * <p>Let x_t^d(u) be the probability that word u is at position t of a dialect-d sentence (x_1^d =
 * row start, x_{t+1}^d(w) = sum_u x_t^d(u) p_d(w | u)). A context is what precedes a scored event;
 * the weight of context token u is pi(u) = sum_d weight_d sum_{t=1}^{L-1} x_t^d(u), plus 1 for the
 * start token, divided by the expected number of scored events per sentence, so the weights sum to
 * 1. A two-token context (a, b) has weight pi(a, b) = sum_d weight_d [y^d(a) p_d(b | a)] with
 * y^d(a) = sum_{t=1}^{L-2} x_t^d(a), (start, b) has sum_d weight_d p_d(b | start) when L &gt; 1 and
 * (start, start) has 1, normalised the same way; summed over a, pi(a, b) = pi(b).
 *
 * <p>The truth's bigram marginal, p(w | u) = sum_d weight_d pi_d(u) p_d(w | u) / sum_d weight_d
 * pi_d(u) (the plain mixture where no dialect reaches u), is what it does after u on average over
 * dialects; with one dialect it is the chain itself. Its tail after u is the set of outcomes with 0
 * &lt; p(w | u) &lt; {@value #TAIL}; the outcomes it cannot emit after u are impossible, the same
 * in every dialect.
 */
final class ContextWeights {
  /** Transitions below this truth probability are the tail. */
  static final double TAIL = 0.01;

  final double[] single;
  final double[] pair;
  final double startStart;
  final double[] marginal;
  final double[] visits;

  /** Computes the weights of a language. */
  ContextWeights(Language truth) {
    int v = truth.vocabulary();
    int len = truth.maxLength();
    int start = Sentences.start(v);
    int entries = truth.end(start);
    single = new double[v + 2];
    pair = new double[entries];
    visits = new double[v];
    marginal = new double[entries];
    double[][] perDialect = new double[truth.dialects()][];
    for (int d = 0; d < truth.dialects(); d++) {
      double wd = truth.weight(d);
      double[] ctx = new double[v + 2];
      double[] y = new double[v];
      double[] x = new double[v];
      ctx[start] = 1;
      for (int e = truth.begin(start); e < truth.end(start); e++) {
        if (truth.successor(e) < v) {
          x[truth.successor(e)] += truth.probability(d, e);
          if (len > 1) {
            pair[e] += wd * truth.probability(d, e);
          }
        }
      }
      for (int t = 1; t <= len; t++) {
        double[] next = new double[v];
        for (int u = 0; u < v; u++) {
          if (x[u] == 0) {
            continue;
          }
          visits[u] += wd * x[u];
          ctx[u] += t < len ? x[u] : 0;
          y[u] += t <= len - 2 ? x[u] : 0;
          for (int e = truth.begin(u); e < truth.end(u); e++) {
            if (truth.successor(e) < v) {
              next[truth.successor(e)] += x[u] * truth.probability(d, e);
            }
          }
        }
        x = next;
      }
      for (int u = 0; u < v; u++) {
        for (int e = truth.begin(u); e < truth.end(u); e++) {
          if (truth.successor(e) < v) {
            pair[e] += wd * y[u] * truth.probability(d, e);
          }
        }
      }
      for (int u = 0; u < v + 2; u++) {
        single[u] += wd * ctx[u];
      }
      perDialect[d] = ctx;
    }
    double events = 0;
    for (double s : single) {
      events += s;
    }
    for (int u = 0; u < v + 2; u++) {
      single[u] /= events;
      double norm = 0;
      for (int d = 0; d < truth.dialects(); d++) {
        norm += truth.weight(d) * perDialect[d][u];
      }
      for (int e = truth.begin(u); e < truth.end(u); e++) {
        double m = 0;
        for (int d = 0; d < truth.dialects(); d++) {
          double by = norm > 0 ? perDialect[d][u] / norm : 1;
          m += truth.weight(d) * by * truth.probability(d, e);
        }
        marginal[e] = m;
      }
    }
    for (int e = 0; e < entries; e++) {
      pair[e] /= events;
    }
    startStart = 1 / events;
  }

  /** Whether entry e of the truth is a tail transition. */
  boolean tail(int e) {
    return marginal[e] > 0 && marginal[e] < TAIL;
  }
}
