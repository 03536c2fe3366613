package ouroboros.sim.live;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ouroboros.sim.cli.Main;

/**
 * A run started in-process through the command line on its own thread, for the live page's tests;
 * close it to interrupt a held run and wait for it to end.
 */
final class LiveRun implements AutoCloseable {
  /** Three models, one with a pipeline stage, in two populations. */
  static String scenario(int ticks) {
    return """
        name: live-test
        seed: 11
        ticks: %d
        domain: {type: gaussian, dimensions: 1, mean: [0.0], variance: [1.0]}
        web: {retention: 1}
        sites: [{id: forum}, {id: blog-a}, {id: blog-b}]
        humans:
          - {id: people, publish-rate: 20, site: forum}
        models:
          - {id: lab-a, regime: replace, initial: truth, scrape: 20, publish-rate: 40,
             site: blog-a, crawl: {sites: [blog-b]}}
          - {id: lab-b, regime: replace, initial: truth, scrape: 20, publish-rate: 40,
             site: blog-b, crawl: {sites: [blog-a]}}
          - {id: lab-careful, regime: accumulate, initial: truth, scrape: 30, publish-rate: 20,
             site: blog-b, crawl: {sites: [forum, blog-a]},
             pipeline: [{stage: ai-detector, tpr: 0.6, fpr: 0.1}]}
        """
        .formatted(ticks);
  }

  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();
  final AtomicInteger code = new AtomicInteger(-1);
  private final Thread thread;

  /** Starts {@code ouroboros run FILE --quiet --no-report --out DIR ARGS...}. */
  LiveRun(Path file, Path dir, String... args) {
    List<String> all =
        new ArrayList<>(
            List.of("run", file.toString(), "--quiet", "--no-report", "--out", dir.toString()));
    all.addAll(List.of(args));
    thread =
        new Thread(
            () ->
                code.set(
                    Main.run(
                        all.toArray(new String[0]),
                        new PrintWriter(out, true),
                        new PrintWriter(err, true))),
            "live-run");
    thread.start();
  }

  /** Writes the scenario of {@link #scenario} into {@code dir}. */
  static Path write(Path dir, int ticks) throws Exception {
    Path file = dir.resolve("live-test.yaml");
    Files.writeString(file, scenario(ticks));
    return file;
  }

  /** Waits until standard output holds {@code text}, failing if the run ends first. */
  void waitFor(String text) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (!out.toString().contains(text)) {
      if (!thread.isAlive()) {
        throw new AssertionError("the run ended without printing '" + text + "': " + out + err);
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no '" + text + "' after 120 s: " + out);
      }
      Thread.sleep(20);
    }
  }

  /** The live page's URL, once printed. */
  String liveUrl() throws InterruptedException {
    waitFor("live: ");
    Matcher m =
        Pattern.compile("live: (http://127\\.0\\.0\\.1:\\d+/live/)").matcher(out.toString());
    if (!m.find()) {
      throw new AssertionError("no live URL in: " + out);
    }
    return m.group(1);
  }

  /** Waits for the run to end by itself; its exit code. */
  int join() throws InterruptedException {
    thread.join(120_000);
    return code.get();
  }

  @Override
  public void close() throws InterruptedException {
    thread.interrupt();
    thread.join(30_000);
    if (thread.isAlive()) {
      throw new AssertionError("the run did not end");
    }
  }
}
