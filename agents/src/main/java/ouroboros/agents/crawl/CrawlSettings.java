package ouroboros.agents.crawl;

import java.util.Arrays;
import java.util.Objects;

/**
 * What a crawl policy is built from, already validated by the scenario loader. Each policy reads
 * the fields it needs and ignores the rest.
 *
 * @param self the crawling model's own agent index ({@code exclude-own})
 * @param sites the site indices it visits; empty means every site ({@code uniform}, {@code
 *     site-mix}, {@code recent}, {@code popular}, {@code exclude-own})
 * @param weights one weight per site of {@code sites} ({@code site-mix}), or per author of {@code
 *     sources} ({@code sources}); each at least 0, with a positive sum
 * @param window the last W ticks ({@code recent}), at least 1
 * @param exponent a site's share is proportional to its visible items to this power ({@code
 *     popular}), at least 0
 * @param sources the agent indices it reads from ({@code sources}, static-graph mode)
 */
public record CrawlSettings(
    int self, int[] sites, double[] weights, int window, double exponent, int[] sources) {

  /** Checks the settings; messages name the parameter and its value. */
  public CrawlSettings {
    sites = Objects.requireNonNull(sites, "sites").clone();
    weights = Objects.requireNonNull(weights, "weights").clone();
    sources = Objects.requireNonNull(sources, "sources").clone();
    if (window < 1) {
      throw new IllegalArgumentException("window is not strictly positive: " + window);
    }
    if (!(exponent >= 0) || Double.isInfinite(exponent)) {
      throw new IllegalArgumentException("exponent is not a finite number >= 0: " + exponent);
    }
    for (double w : weights) {
      if (!(w >= 0) || Double.isInfinite(w)) {
        throw new IllegalArgumentException(
            "weights has an entry that is not a finite number "
                + ">= 0: "
                + Arrays.toString(weights));
      }
    }
  }

  /** Settings that visit the given sites (empty: every site), the rest at their defaults. */
  public static CrawlSettings ofSites(int... sites) {
    return new CrawlSettings(-1, sites, new double[0], 1, 1.0, new int[0]);
  }

  /** The visited sites: those listed, or every site of the web when none are. */
  static int[] visited(int[] sites, int siteCount) {
    if (sites.length > 0) {
      return sites;
    }
    int[] all = new int[siteCount];
    for (int i = 0; i < siteCount; i++) {
      all[i] = i;
    }
    return all;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CrawlSettings c
        && self == c.self
        && Arrays.equals(sites, c.sites)
        && Arrays.equals(weights, c.weights)
        && window == c.window
        && Double.compare(exponent, c.exponent) == 0
        && Arrays.equals(sources, c.sources);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        self,
        Arrays.hashCode(sites),
        Arrays.hashCode(weights),
        window,
        exponent,
        Arrays.hashCode(sources));
  }

  @Override
  public String toString() {
    return "CrawlSettings[self="
        + self
        + ", sites="
        + Arrays.toString(sites)
        + ", weights="
        + Arrays.toString(weights)
        + ", window="
        + window
        + ", exponent="
        + exponent
        + ", sources="
        + Arrays.toString(sources)
        + "]";
  }
}
