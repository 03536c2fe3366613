package ouroboros.sim.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import ouroboros.agents.web.SiteMix;
import ouroboros.agents.web.SiteSplitter;

/**
 * A world's timeline, compiled: when each agent is in the web, the publish rates and settings that
 * change at given ticks, and the AI-share curves. Immutable; {@link #start()} gives the {@link
 * Schedule} of one run.
 *
 * <p>An AI-share curve makes the synthetic share of a site's new items follow s(t), a
 * piecewise-linear curve held flat outside its points. At tick t, with H the items the human
 * sources publish there (their rates at t, split among their sites exactly as they split them), the
 * models that publish on the site are asked for M = s H / (1 − s) items there in all, shared in
 * proportion to their own rates b_j: model j publishes M b_j / Σ_k b_k σ_k items in all, σ_j being
 * its share of that site. Each model's count is rounded with its carry, so that its total stays
 * within half an item of the real-valued sum. Reposts by laundering human sources count as
 * synthetic too and are not corrected for.
 */
public final class Timeline {
  /** No timeline: every agent in from tick 0 to the end, at its own rate. */
  public static final Timeline NONE =
      new Timeline(
          new int[0], new int[0], new int[0], new SiteMix[0], 0, Map.of(), Map.of(), List.of());

  /**
   * A rate that changes at a tick.
   *
   * @param agent the agent index
   * @param rate its publish rate from that tick on
   */
  public record RateChange(int agent, int rate) {}

  /**
   * An AI-share curve on a site.
   *
   * @param site the site index
   * @param ticks the points' ticks, ascending
   * @param shares the points' shares, each in [0, 1)
   */
  public record Curve(short site, int[] ticks, double[] shares) {
    /** Copies the arrays. */
    public Curve {
      ticks = ticks.clone();
      shares = shares.clone();
    }

    /** s(t), linear between points and flat beyond them. */
    public double at(int tick) {
      if (tick <= ticks[0]) {
        return shares[0];
      }
      for (int k = 1; k < ticks.length; k++) {
        if (tick <= ticks[k]) {
          double f = (double) (tick - ticks[k - 1]) / (ticks[k] - ticks[k - 1]);
          return shares[k - 1] + f * (shares[k] - shares[k - 1]);
        }
      }
      return shares[shares.length - 1];
    }
  }

  private final int[] start;
  private final int[] end;
  private final int[] rates;
  private final SiteMix[] mixes;
  private final int humans;
  private final Map<Integer, List<RateChange>> rateChanges;
  private final Map<Integer, List<Schedule.Change>> changes;
  private final List<Curve> curves;

  /**
   * A compiled timeline.
   *
   * @param start each agent's first tick in the web (its release tick; 0 for the others)
   * @param end each agent's retirement tick, the first tick it is out, or the run's length
   * @param rates each agent's publish rate at tick 0
   * @param mixes each agent's sites
   * @param humans the number of human sources (agents 0..H-1)
   * @param rateChanges publish rates that change, by tick
   * @param changes models' new settings, by tick
   * @param curves the AI-share curves
   */
  public Timeline(
      int[] start,
      int[] end,
      int[] rates,
      SiteMix[] mixes,
      int humans,
      Map<Integer, List<RateChange>> rateChanges,
      Map<Integer, List<Schedule.Change>> changes,
      List<Curve> curves) {
    this.start = start.clone();
    this.end = end.clone();
    this.rates = rates.clone();
    this.mixes = mixes.clone();
    this.humans = humans;
    this.rateChanges = new TreeMap<>(rateChanges);
    this.changes = new TreeMap<>(changes);
    this.curves = List.copyOf(curves);
  }

  /** Whether nothing ever changes: the clock then runs as if there were no timeline. */
  public boolean isEmpty() {
    return rateChanges.isEmpty()
        && changes.isEmpty()
        && curves.isEmpty()
        && Arrays.stream(start).allMatch(t -> t == 0)
        && Arrays.stream(end).allMatch(t -> t == Integer.MAX_VALUE);
  }

  /** Whether agent {@code i} is in the web at {@code tick}. */
  public boolean active(int i, int tick) {
    return i >= start.length || tick >= start[i] && tick < end[i];
  }

  /** Agent {@code i}'s release tick (0 for an agent there from the start). */
  public int releaseTick(int i) {
    return i >= start.length ? 0 : start[i];
  }

  /** Agent {@code i}'s retirement tick, or {@link Integer#MAX_VALUE} when it never retires. */
  public int retireTick(int i) {
    return i >= end.length ? Integer.MAX_VALUE : end[i];
  }

  /** The AI-share curves. */
  public List<Curve> curves() {
    return curves;
  }

  /** A fresh schedule for one run. */
  public Schedule start() {
    return isEmpty() ? Schedule.NONE : new Run();
  }

  /** One run's schedule: the rates so far, the curves' carries and the sources' splits. */
  private final class Run implements Schedule {
    private final int[] base = rates.clone();
    private final SiteSplitter[] splitters = new SiteSplitter[mixes.length];
    private final double[] wanted = new double[mixes.length];
    private final long[] given = new long[mixes.length];
    private int next;

    Run() {
      for (int h = 0; h < humans; h++) {
        splitters[h] = new SiteSplitter(mixes[h]);
      }
    }

    @Override
    public Plan plan(int tick) {
      if (tick != next) {
        throw new IllegalStateException("tick " + tick + " asked for, expected " + next);
      }
      next++;
      for (RateChange c : rateChanges.getOrDefault(tick, List.of())) {
        base[c.agent()] = c.rate();
      }
      int n = base.length;
      BitSet active = new BitSet(n);
      int[] out = new int[n];
      for (int i = 0; i < n; i++) {
        if (active(i, tick)) {
          active.set(i);
          out[i] = base[i];
        }
      }
      long[][] humanSplit = new long[humans][];
      for (int h = 0; h < humans; h++) {
        humanSplit[h] = splitters[h].split(out[h]);
      }
      for (Curve c : curves) {
        scale(c, tick, active, out, humanSplit);
      }
      return new Plan(active, out, changes.getOrDefault(tick, List.of()));
    }

    /** Sets the rates of the models on a curve's site so that its new items follow the curve. */
    private void scale(Curve c, int tick, BitSet active, int[] out, long[][] humanSplit) {
      long human = 0;
      for (int h = 0; h < humans; h++) {
        short[] sites = mixes[h].sites();
        for (int k = 0; k < sites.length; k++) {
          if (sites[k] == c.site()) {
            human += humanSplit[h][k];
          }
        }
      }
      double s = c.at(tick);
      double target = s * human / (1 - s);
      double denominator = 0;
      List<Integer> scaled = new ArrayList<>();
      for (int j = humans; j < mixes.length; j++) {
        double sigma = mixes[j].shareOf(c.site());
        if (sigma > 0 && active.get(j)) {
          scaled.add(j);
          denominator += base[j] * sigma;
        }
      }
      for (int j : scaled) {
        wanted[j] += denominator > 0 ? target * base[j] / denominator : 0;
        long total = Math.round(wanted[j]);
        out[j] = (int) Math.max(0, total - given[j]);
        given[j] += out[j];
      }
    }
  }
}
