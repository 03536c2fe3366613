package ouroboros.agents.collapse;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.apache.commons.math3.util.FastMath;
import ouroboros.agents.domain.Evaluation;
import ouroboros.agents.domain.Metrics;

/**
 * Follows one model across generations and gives each of the eight definitions of collapse its
 * number and verdict (Schaeffer et al. 2025; SCIENCE.md). Plain Java, fed once per successful fit;
 * the model core owns it.
 *
 * <ol>
 *   <li>risk_g / risk_1, where risk_1 is the risk of generation 1 (the first fit);
 *   <li>risk_g - risk_1, firing beyond z combined standard errors of the two estimates, taken from
 *       the domain's {@link Metrics#RISK_BAND} (the standard error of a Monte Carlo risk over the
 *       held-out reference set; 0 for closed forms, where any increase fires);
 *   <li>the OLS slope of risk against generation over the last W generations, firing when it is
 *       positive with a one-sided p-value below alpha (Commons Math {@link SimpleRegression}) and
 *       the fitted rise over the window is material (see {@link Thresholds#trendMinRise()});
 *   <li>the exponent of risk against the cumulative data gathered (OLS of log risk on log items
 *       over every generation so far) minus the same exponent for a human-only baseline of the same
 *       family fitted on as many fresh human items; firing when it is worse by the tolerance, which
 *       also catches a plateau (exponent near 0 where the human one is negative);
 *   <li>the domain's diversity ratio (variance or entropy), firing below a threshold;
 *   <li>the share of the truth's modes recovered, firing below a threshold;
 *   <li>the tail mass ratio, firing below a threshold;
 *   <li>the hallucinated mass, firing above a threshold.
 * </ol>
 *
 * <p>Definitions 1 to 5 apply in every domain once there is enough history; 6 to 8 apply where the
 * domain reports the measure. Definitions 1 and 2 do not apply when risk_1 is not finite (a
 * categorical first fit that missed a category has infinite KL). A definition that does not apply
 * is reported as such, never as 0.
 */
public final class CollapseTracker {
  private final Thresholds thresholds;
  private double firstRisk = Double.NaN;
  private double firstBand = Double.NaN;

  /**
   * The trend window's history, oldest first from {@link #head}: {@link #size} entries of {@link
   * #ENTRY} values each (generation, risk, cumulative items, baseline risk) in one primitive ring,
   * which a tracker's update reads in one stretch of memory instead of W arrays of their own.
   */
  private final double[] history;

  /** The slot of the oldest entry in {@link #history}. */
  private int head;

  /** Entries in {@link #history}, at most the trend window. */
  private int size;

  /** Values per history entry. */
  private static final int ENTRY = 4;

  private final SimpleRegression modelScaling = new SimpleRegression();
  private final SimpleRegression humanScaling = new SimpleRegression();
  private List<Verdict> latest = List.of();

  /**
   * Every point added to the two scaling regressions, (log items, log model risk, log baseline
   * risk) after each other: what a checkpoint saves, so that a resumed run adds them again in the
   * same order and gets the same sums bit for bit (Commons Math's regression keeps them private).
   */
  private double[] scalingPoints = new double[0];

  private int scalingCount;

  /** Definition 3's t distribution, kept while its degrees of freedom stay the same. */
  private TDistribution student;

  /**
   * {@link #criticalT} of this tracker's alpha and its window's degrees of freedom: definition 3
   * regresses over a full window only (at least 3 points, {@link Thresholds}), so they are fixed.
   */
  private final double[] critical;

  /** Definition 3's regression over the window, cleared and refilled at each update. */
  private final SimpleRegression window = new SimpleRegression();

  /** A tracker with the given thresholds. */
  public CollapseTracker(Thresholds thresholds) {
    this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
    this.critical = criticalT(thresholds.trendWindow() - 2, thresholds.trendAlpha());
    this.history = new double[ENTRY * thresholds.trendWindow()];
  }

  /** The verdicts after the latest update; empty before the first. */
  public List<Verdict> latest() {
    return latest;
  }

  /**
   * Takes generation {@code g}'s evaluation and returns the eight verdicts.
   *
   * @param generation the generation just fitted (1 for the first fit)
   * @param evaluation its measures against the truth
   * @param cumulativeItems training items used by all fits so far, this one included
   * @param baselineRisk risk of the same family fitted on {@code cumulativeItems} human items, or
   *     NaN when there is no baseline
   */
  public List<Verdict> update(
      int generation, Evaluation evaluation, double cumulativeItems, double baselineRisk) {
    double risk = evaluation.get(Metrics.POPULATION_RISK);
    double band = orZero(evaluation.get(Metrics.RISK_BAND));
    if (Double.isNaN(firstRisk)) {
      firstRisk = risk;
      firstBand = band;
    }
    push(generation, risk, cumulativeItems, baselineRisk);
    // Only finite, positive risks have a logarithm to fit: an infinite one (a categorical fit that
    // missed a category, the model's or the baseline's) is left out rather than poisoning the
    // regression's sums for the rest of the run.
    if (risk > 0
        && Double.isFinite(risk)
        && baselineRisk > 0
        && Double.isFinite(baselineRisk)
        && cumulativeItems > 0) {
      addScaling(
          StrictMath.log(cumulativeItems), StrictMath.log(risk), StrictMath.log(baselineRisk));
    }
    Verdict[] v = new Verdict[8];
    // A finite first risk followed by an infinite one (a categorical model that lost a
    // category) is the most catastrophic increase there is: the ratio is +Infinity and it fires.
    v[0] =
        firstRisk > 0 && Double.isFinite(firstRisk) && !Double.isNaN(risk)
            ? Verdict.of(
                Definition.CATASTROPHIC_RISK,
                risk / firstRisk,
                risk / firstRisk > thresholds.catastrophicRatio())
            : Verdict.notApplicable(Definition.CATASTROPHIC_RISK);
    double increase = risk - firstRisk;
    double allowed = thresholds.increaseZ() * Math.sqrt(band * band + firstBand * firstBand);
    v[1] =
        Double.isNaN(increase) || !Double.isFinite(firstRisk)
            ? Verdict.notApplicable(Definition.ANY_RISK_INCREASE)
            : Verdict.of(Definition.ANY_RISK_INCREASE, increase, increase > allowed);
    v[2] = trend();
    // Without this generation's baseline (beyond baseline-cap, or its fit failed) definition 4
    // does not apply: the regressions stop at the last baseline, and their gap would repeat.
    v[3] = Double.isNaN(baselineRisk) ? Verdict.notApplicable(Definition.SCALING_LAW) : scaling();
    v[4] =
        below(
            Definition.COLLAPSING_VARIANCE,
            evaluation.get(Metrics.DIVERSITY_RATIO),
            thresholds.diversityMin());
    v[5] =
        below(
            Definition.MODE_ENTANGLEMENT,
            evaluation.get(Metrics.MODES_RECOVERED),
            thresholds.modesMin());
    v[6] =
        below(Definition.TAIL_LOSS, evaluation.get(Metrics.TAIL_MASS_RATIO), thresholds.tailMin());
    double hallucinated = evaluation.get(Metrics.HALLUCINATED_MASS);
    v[7] =
        Double.isNaN(hallucinated)
            ? Verdict.notApplicable(Definition.HALLUCINATION)
            : Verdict.of(
                Definition.HALLUCINATION,
                hallucinated,
                hallucinated > thresholds.hallucinationMax());
    latest = List.of(v);
    return latest;
  }

  /**
   * Definition 3 over the window; not applicable until the window is full. A window whose risk
   * turns infinite and stays so to its end (a categorical model that lost a category, which it
   * cannot win back) has diverged: it fires, with slope +Infinity. A window in which a finite risk
   * follows an infinite one has no slope and no divergence (a model fed fresh human data misses a
   * rare category now and then): not applicable, where it used to fire with slope +Infinity.
   */
  private Verdict trend() {
    int w = thresholds.trendWindow();
    if (size < w) {
      return Verdict.notApplicable(Definition.DIVERGING_RISK);
    }
    SimpleRegression r = window;
    r.clear();
    boolean infinite = false;
    for (int k = 0; k < size; k++) {
      int at = slot(k);
      double risk = history[at + 1];
      if (risk == Double.POSITIVE_INFINITY) {
        infinite = true;
      } else if (Double.isNaN(risk) || infinite) {
        return Verdict.notApplicable(Definition.DIVERGING_RISK);
      } else {
        r.addData(history[at], risk);
      }
    }
    if (infinite) {
      return Verdict.of(Definition.DIVERGING_RISK, Double.POSITIVE_INFINITY, true);
    }
    double slope = r.getSlope();
    boolean material = slope * (size - 1) >= thresholds.trendMinRise() * firstRisk;
    if (!(slope > 0) || !material) {
      // The verdict is "no" whatever the p-value: skip the t distribution function.
      return Verdict.of(Definition.DIVERGING_RISK, slope, false);
    }
    return Verdict.of(Definition.DIVERGING_RISK, slope, fires(r));
  }

  /**
   * Whether the one-sided p-value of a positive slope, half of {@link #significance}, is below
   * alpha. Only that verdict is reported, never the p-value, so a t statistic clearly beyond the
   * critical values (p at most 0.99 alpha, or at least 1.01 alpha; found once per tracker) decides
   * it without the distribution function; near them, and for an alpha below 1e-4 (where the
   * p-value's rounding could reach a hundredth of alpha), the exact test decides.
   */
  private boolean fires(SimpleRegression r) {
    double stat = FastMath.abs(r.getSlope()) / r.getSlopeStdErr();
    if (stat >= critical[0]) {
      return true;
    }
    if (stat <= critical[1]) {
      return false;
    }
    double twoSided = significance(r);
    return !Double.isNaN(twoSided) && twoSided / 2 < thresholds.trendAlpha();
  }

  /** Degrees of freedom and alpha, the key of {@link #CRITICAL}. */
  private record Critical(double df, double alpha) {}

  /** {@link #criticalT}'s values, shared by every tracker: pure functions of their key. */
  private static final Map<Critical, double[]> CRITICAL = new ConcurrentHashMap<>();

  /**
   * The t statistics at or above which definition 3 fires and at or below which it does not, for
   * {@code df} degrees of freedom and one-sided level alpha: the quantiles of p = 0.99 alpha and
   * 1.01 alpha; NaN (no shortcut) when alpha is below 1e-4 or above 0.5 or a quantile is not
   * finite.
   */
  private static double[] criticalT(double df, double alpha) {
    return CRITICAL.computeIfAbsent(
        new Critical(df, alpha),
        k -> {
          double[] none = {Double.NaN, Double.NaN};
          if (!(alpha >= 1e-4 && alpha <= 0.5)) {
            return none;
          }
          TDistribution t = new TDistribution(null, df);
          double above = t.inverseCumulativeProbability(1 - 0.99 * alpha);
          double below = t.inverseCumulativeProbability(1 - 1.01 * alpha);
          return Double.isFinite(above) && Double.isFinite(below) && below < above
              ? new double[] {above, below}
              : none;
        });
  }

  /**
   * {@link SimpleRegression#getSignificance()}, the same arithmetic, with this tracker's t
   * distribution instead of a new one per call: Commons Math builds that one with a fresh
   * Well19937c generator, which the distribution function never uses.
   */
  private double significance(SimpleRegression r) {
    if (r.getN() < 3) {
      return Double.NaN;
    }
    double df = r.getN() - 2;
    if (student == null || student.getDegreesOfFreedom() != df) {
      student = new TDistribution(null, df);
    }
    return 2d
        * (1.0 - student.cumulativeProbability(FastMath.abs(r.getSlope()) / r.getSlopeStdErr()));
  }

  /**
   * Definition 4: exponent gap over every generation so far where both risks are positive and
   * finite, n/a until there are three of them. The whole history, not the trend window: late in a
   * run the window spans too little of the log data axis to estimate an exponent.
   */
  private Verdict scaling() {
    if (modelScaling.getN() < 3
        || Double.isNaN(modelScaling.getSlope())
        || Double.isNaN(humanScaling.getSlope())) {
      return Verdict.notApplicable(Definition.SCALING_LAW);
    }
    double gap = modelScaling.getSlope() - humanScaling.getSlope();
    return Verdict.of(Definition.SCALING_LAW, gap, gap > thresholds.scalingTolerance());
  }

  /** A verdict that fires when a measure is below a threshold; n/a when it is absent. */
  private static Verdict below(Definition d, double value, double min) {
    return Double.isNaN(value) ? Verdict.notApplicable(d) : Verdict.of(d, value, value < min);
  }

  /** NaN as 0. */
  private static double orZero(double x) {
    return Double.isNaN(x) ? 0 : x;
  }

  /** Appends an entry to the trend window's history, dropping the oldest when it is full. */
  private void push(double generation, double risk, double items, double baselineRisk) {
    int at;
    if (size < thresholds.trendWindow()) {
      at = slot(size);
      size++;
    } else {
      at = ENTRY * head;
      head = head + 1 == thresholds.trendWindow() ? 0 : head + 1;
    }
    history[at] = generation;
    history[at + 1] = risk;
    history[at + 2] = items;
    history[at + 3] = baselineRisk;
  }

  /** The index in {@link #history} of the k-th oldest entry. */
  private int slot(int k) {
    int i = head + k;
    int w = thresholds.trendWindow();
    return ENTRY * (i < w ? i : i - w);
  }

  /** Adds one generation to both scaling regressions, and to the log of them. */
  private void addScaling(double logItems, double logRisk, double logBaseline) {
    modelScaling.addData(logItems, logRisk);
    humanScaling.addData(logItems, logBaseline);
    if (3 * scalingCount + 3 > scalingPoints.length) {
      scalingPoints =
          java.util.Arrays.copyOf(scalingPoints, Math.max(24, 2 * scalingPoints.length));
    }
    scalingPoints[3 * scalingCount] = logItems;
    scalingPoints[3 * scalingCount + 1] = logRisk;
    scalingPoints[3 * scalingCount + 2] = logBaseline;
    scalingCount++;
  }

  /**
   * Writes the tracker's state for a checkpoint: the first risk and band, the trend window's
   * history, the scaling points and the latest verdicts.
   */
  public void save(java.io.DataOutput out) throws java.io.IOException {
    out.writeDouble(firstRisk);
    out.writeDouble(firstBand);
    out.writeInt(size);
    for (int k = 0; k < size; k++) {
      int at = slot(k);
      ouroboros.agents.state.StateIo.doubles(
          out, java.util.Arrays.copyOfRange(history, at, at + ENTRY));
    }
    ouroboros.agents.state.StateIo.doubles(
        out, java.util.Arrays.copyOf(scalingPoints, 3 * scalingCount));
    VerdictCodec.write(out, latest);
  }

  /** Replaces the tracker's state with what {@link #save} wrote. */
  public void restore(java.io.DataInput in) throws java.io.IOException {
    head = 0;
    size = 0;
    modelScaling.clear();
    humanScaling.clear();
    scalingCount = 0;
    firstRisk = in.readDouble();
    firstBand = in.readDouble();
    int n = ouroboros.agents.state.StateIo.length(in);
    if (n > thresholds.trendWindow()) {
      throw new java.io.IOException("corrupt checkpoint: more collapse history than the window");
    }
    for (int k = 0; k < n; k++) {
      double[] h = ouroboros.agents.state.StateIo.doubles(in);
      if (h == null || h.length != ENTRY) {
        throw new java.io.IOException("corrupt checkpoint: a collapse history entry");
      }
      push(h[0], h[1], h[2], h[3]);
    }
    double[] points = ouroboros.agents.state.StateIo.doubles(in);
    if (points == null || points.length % 3 != 0) {
      throw new java.io.IOException("corrupt checkpoint: the collapse tracker's scaling points");
    }
    for (int k = 0; k < points.length; k += 3) {
      addScaling(points[k], points[k + 1], points[k + 2]);
    }
    latest = VerdictCodec.read(in);
  }
}
