import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import ouroboros.sim.scenario.spec.Scenario;
import ouroboros.sim.scenario.load.ScenarioLoader;

/**
 * Load + validate time and retained heap of a population scenario at 1k, 10k, 30k and 100k
 * models (1% as many human sources; one blog per model for the first 30,000 models, the web's
 * limit being 32,767 sites, and the rest publish to the forum). Not a test: run with
 * {@code java -Xmx8g -cp sim/target/ouroboros-sim.jar bench/PopulationLoad.java}.
 */
public class PopulationLoad {
  public static void main(String[] args) throws Exception {
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    int[] sizes = args.length > 0 ? java.util.Arrays.stream(args).mapToInt(Integer::parseInt)
        .toArray() : new int[] {1000, 10000, 30000, 100000};
    for (int round = 0; round < 2; round++) {
      for (int n : sizes) {
        Path file = Files.createTempFile("pop", ".yaml");
        Files.writeString(file, scenario(n));
        System.gc();
        long before = used();
        long t0 = System.nanoTime();
        long c0 = cpu.getCurrentThreadCpuTime();
        Scenario s = new ScenarioLoader().load(file);
        long c1 = cpu.getCurrentThreadCpuTime();
        long t1 = System.nanoTime();
        String written = new ScenarioLoader().write(s);
        System.gc();
        long after = used();
        System.out.printf("%s models %7d: load+validate wall %6.2f s, cpu %6.2f s, retained heap"
            + " %5.0f MB, scenario.yaml %d bytes%n", round == 0 ? "warm-up" : "measure",
            s.models().size(), (t1 - t0) / 1e9, (c1 - c0) / 1e9, (after - before) / 1e6,
            written.length());
        Files.delete(file);
        s = null;
      }
    }
  }

  private static long used() {
    Runtime r = Runtime.getRuntime();
    return r.totalMemory() - r.freeMemory();
  }

  private static String scenario(int n) {
    return """
        name: p4
        seed: 1
        ticks: 100
        domain: {type: gaussian, dimensions: 1, mean: [0.0], variance: [1.0]}
        web: {retention: 10}
        sites:
          - id: forum
        populations:
          - id: blogs
            kind: site
            count: N
            id-pattern: "blog-{i}"
          - id: people
            kind: human
            count: H
            id-pattern: "people-{i}"
            template: {publish-rate: 100, site: forum}
          - id: labs
            kind: model
            count: N
            id-pattern: "lab-{i}"
            template:
              regime: {cycle: [replace, accumulate]}
              fresh-human-fraction: {draw: {uniform: [0, 0.2]}}
              retrain-every: 10
              scrape: 100
              publish-rate: 100
              site: "blog-{i}"
              crawl: {sites: [forum, "blog-{i}"]}
        """.replace("N", Integer.toString(Math.min(n, BLOGS)))
        .replace("H", Integer.toString(Math.max(1, n / 100)))
        + (n <= BLOGS ? "" : CROWD.replace("C", Integer.toString(n - BLOGS)));
  }

  /** Models with a blog of their own; the web holds at most 32,767 sites. */
  private static final int BLOGS = 30000;

  /** The models beyond BLOGS: they publish to the forum and crawl it. */
  private static final String CROWD = """
        - id: crowd
          kind: model
          count: C
          id-pattern: "crowd-{i}"
          template:
            regime: {cycle: [replace, accumulate]}
            fresh-human-fraction: {draw: {uniform: [0, 0.2]}}
            retrain-every: 10
            scrape: 100
            publish-rate: 100
            site: forum
            crawl: {sites: [forum]}
      """;
}
