package ouroboros.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import ouroboros.agents.crawl.UniformCrawl;
import ouroboros.agents.data.AuthorKind;
import ouroboros.agents.data.Batch;
import ouroboros.agents.data.Items;
import ouroboros.sim.web.Snapshot;
import ouroboros.sim.web.WebStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * P1's scrape and seal without actors: {@code --agents} agents each publish {@code --items} items a
 * tick to a site of their own; the calling thread seals each tick ({@link WebStore#appendAndSeal},
 * as the clock does) and then every agent crawls its own site uniformly for {@code --scrape} items
 * ({@link UniformCrawl#crawl}: draw, map to the web, gather), as a model's retrain does. With the
 * defaults (P1's Gaussian chains: 1,000 agents, 100 items, scrape 100, retention 1) each crawl
 * takes every item of its site; {@code --scrape 50} or {@code --retention 0} (all) exercise the
 * drawn path. {@code --sites N} puts agent a on site a mod N instead, and {@code --crawl-every K}
 * crawls only on every K-th tick from the last: {@code --agents 100000 --sites 1 --retention 10
 * --ticks 20 --crawl-every 10} is P4's forum, each crawl drawing 100 items from ten ticks of a
 * hundred thousand agents' items, nearly every read a cache miss.
 *
 * <p>One line per pass: the calling thread's CPU nanoseconds ({@link ThreadMXBean}) per item sealed
 * and per item scraped. The first pass includes the JIT warm-up; the last line is the fastest pass.
 * Payloads are made once, outside the timed part.
 */
@Command(
    name = "scrape-benchmark",
    mixinStandardHelpOptions = true,
    description = "Times sealing a tick and every agent's crawl of it, without actors.")
public final class ScrapeBenchmark implements Callable<Integer> {
  @Option(names = "--agents", description = "agents, one site each (default 1000)")
  int agents = 1000;

  @Option(names = "--items", description = "items per agent per tick (default 100)")
  int items = 100;

  @Option(names = "--scrape", description = "items each agent crawls per tick (default 100)")
  int scrape = 100;

  @Option(names = "--retention", description = "web retention in ticks, 0 all (default 1)")
  int retention = 1;

  @Option(names = "--ticks", description = "ticks per pass (default 50)")
  int ticks = 50;

  @Option(names = "--passes", description = "repetitions of the whole run (default 5)")
  int passes = 5;

  @Option(
      names = "--sites",
      description =
          "sites, agent a publishing to and crawling site a mod sites (default 0: one site per"
              + " agent); --sites 1 is P4's forum, each crawl drawing from the whole web")
  int sites = 0;

  @Option(
      names = "--crawl-every",
      description =
          "agents crawl every this many ticks, from the last (default 1), as P4's retrain")
  int crawlEvery = 1;

  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  /** Entry point. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new ScrapeBenchmark()).execute(args));
  }

  @Override
  public Integer call() {
    if (agents < 1
        || items < 1
        || scrape < 1
        || ticks < 1
        || passes < 1
        || crawlEvery < 1
        || retention < 0
        || sites < 0) {
      throw new CommandLine.ParameterException(
          new CommandLine(this),
          "every option must be at least 1 (retention and sites at least 0)");
    }
    int siteCount = sites == 0 ? agents : sites;
    Batch[] payloads = new Batch[agents];
    UniformRandomProvider values = RandomSource.L64_X128_MIX.create(1L);
    for (int a = 0; a < agents; a++) {
      double[] v = new double[items];
      for (int i = 0; i < v.length; i++) {
        v[i] = values.nextDouble();
      }
      payloads[a] = new Batch(items, 1, v);
    }
    UniformCrawl[] crawls = new UniformCrawl[agents];
    for (int a = 0; a < agents; a++) {
      crawls[a] = new UniformCrawl(new int[] {a % siteCount});
    }
    double bestSeal = Double.MAX_VALUE;
    double bestScrape = Double.MAX_VALUE;
    long sink = 0;
    for (int pass = 0; pass < passes; pass++) {
      WebStore web = new WebStore(1, siteCount, retention);
      UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(2L + pass);
      long seal = 0;
      long crawl = 0;
      long scraped = 0;
      for (int t = 0; t < ticks; t++) {
        Items[] contributions = new Items[agents];
        for (int a = 0; a < agents; a++) {
          contributions[a] =
              Items.uniform(payloads[a], a, AuthorKind.MODEL, t, t, 1f, (short) (a % siteCount));
        }
        long c0 = CPU.getCurrentThreadCpuTime();
        Snapshot s = web.appendAndSeal(t, contributions);
        long c1 = CPU.getCurrentThreadCpuTime();
        for (int a = 0; (ticks - 1 - t) % crawlEvery == 0 && a < agents; a++) {
          Items got = crawls[a].crawl(s, scrape, rng);
          scraped += got.size();
          sink += got.author()[0];
        }
        long c2 = CPU.getCurrentThreadCpuTime();
        seal += c1 - c0;
        crawl += c2 - c1;
      }
      double perSeal = (double) seal / ((double) agents * items * ticks);
      double perScrape = (double) crawl / scraped;
      bestSeal = Math.min(bestSeal, perSeal);
      bestScrape = Math.min(bestScrape, perScrape);
      System.out.printf(
          Locale.ROOT,
          "pass %d: seal %.2f CPU ns/item, scrape %.2f CPU ns/item (%d items scraped)%n",
          pass + 1,
          perSeal,
          perScrape,
          scraped);
    }
    System.out.printf(
        Locale.ROOT,
        "fastest: seal %.2f CPU ns/item, scrape %.2f CPU ns/item (check %d)%n",
        bestSeal,
        bestScrape,
        sink);
    return 0;
  }
}
