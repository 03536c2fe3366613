package ouroboros.sim.sweep;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import ouroboros.sim.cli.Main;

/** A small base scenario and the command line, for the sweep tests. */
final class Sweeps {
  /**
   * A small copy of {@code scenarios/quickstart.yaml}: one human source and three labs, each on its
   * own blog, 40 ticks of a 1-dimensional Gaussian.
   */
  static final String BASE =
      """
      name: small
      seed: 7
      ticks: 40
      domain: {type: gaussian, dimensions: 1}
      web: {retention: 1}
      sites:
        - id: forum
        - id: replace-blog
        - id: accumulate-blog
        - id: fresh-blog
      humans:
        - {id: people, publish-rate: 2, site: forum}
      models:
        - id: lab-replace
          regime: replace
          initial: truth
          scrape: 20
          publish-rate: 40
          site: replace-blog
          crawl: {sites: [replace-blog]}
        - id: lab-accumulate
          regime: accumulate
          initial: truth
          scrape: 20
          publish-rate: 40
          site: accumulate-blog
          crawl: {sites: [accumulate-blog]}
        - id: lab-fresh
          regime: replace
          fresh-human-fraction: 0.2
          initial: truth
          scrape: 20
          publish-rate: 40
          site: fresh-blog
          crawl: {sites: [fresh-blog]}
      """;

  private Sweeps() {}

  /** What a command printed and returned. */
  record Result(int code, String stdout, String stderr) {}

  /** Writes {@code text} to {@code dir/name} and returns the path. */
  static Path write(Path dir, String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  /** Runs {@code ouroboros ARGS} in-process. */
  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Result(code, out.toString(), err.toString());
  }
}
