package ouroboros.agents.crawl;

import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import ouroboros.agents.data.Items;
import ouroboros.agents.web.Ranges;
import ouroboros.agents.web.WebView;

/**
 * Static-graph mode's crawl (a scenario model's {@code trains-on}): source j, an agent, gets the
 * share w_j/Σw of the n items, rounded by the largest remainder ({@link Shares}), drawn uniformly
 * without replacement from the items it wrote that are visible on any site. A source with fewer
 * visible items than its share (none, before it first publishes or once retention dropped them)
 * gives what it has and the crawl returns fewer than n: the weights are the experiment's edges, so
 * nothing is moved to another source. What it models: the controlled interaction graphs of Wu, Zhou
 * and Su 2026, run through the same web as every other crawl.
 */
public final class SourcesCrawl implements CrawlPolicy {
  /** The registered name. */
  public static final String NAME = "sources";

  private final int[] sources;
  private final double[] weights;

  /** Reads {@code settings.sources()} in proportion to {@code settings.weights()}. */
  public SourcesCrawl(CrawlSettings settings) {
    Objects.requireNonNull(settings, "settings");
    this.sources = settings.sources();
    this.weights = settings.weights();
    if (sources.length == 0 || weights.length != sources.length) {
      throw new IllegalArgumentException(
          "sources and weights must be non-empty and of the same "
              + "length: "
              + sources.length
              + " sources, "
              + weights.length
              + " weights");
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Items crawl(WebView web, int n, UniformRandomProvider rng) {
    Ranges[] sets = new Ranges[sources.length];
    long[] capacity = new long[sources.length];
    for (int j = 0; j < sources.length; j++) {
      sets[j] = web.authorRanges(sources[j]);
      capacity[j] = sets[j].size();
    }
    return Draw.shares(web, sets, Shares.split(n, weights, capacity, false), rng);
  }
}
