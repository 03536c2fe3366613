package ouroboros.sim.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import ouroboros.agents.crawl.SourcesCrawl;
import ouroboros.sim.scenario.check.Suggest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ouroboros describe NAME}: one registered domain, stage, crawl policy, metric or regime
 * ({@link Registry}), or a scenario block such as {@code watermark} ({@link Registry#BLOCKS}), with
 * its keys, defaults and meanings. An unknown name is bad input (exit 2), with the closest name.
 */
@Command(
    name = "describe",
    description =
        "Describe a registered domain, stage, crawl policy, metric or regime by name, with its"
            + " keys, defaults and meanings.")
final class DescribeCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Parameters(
      paramLabel = "NAME",
      description = "A name that 'ouroboros list KIND' prints, such as gaussian or dedup.")
  private String name;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<Registry.Entry> found = Registry.find(name);
    if (found.isEmpty()) {
      List<String> known = new ArrayList<>();
      Registry.all().forEach(e -> known.add(e.name()));
      known.addAll(Registry.BLOCKS.keySet());
      spec.commandLine()
          .getErr()
          .println(
              "error: NAME: found '"
                  + name
                  + "', expected a registered domain, stage, crawl policy, metric or regime"
                  + " (see 'ouroboros list KIND'), or a scenario block ("
                  + String.join(", ", new java.util.TreeSet<>(Registry.BLOCKS.keySet()))
                  + ")"
                  + (name.equals(SourcesCrawl.NAME)
                      ? ": 'sources' is static-graph mode's crawl policy, which no scenario names;"
                          + " a model's 'trains-on' list sets it (see 'ouroboros describe"
                          + " trains-on')"
                      : Suggest.didYouMean(name, known)));
      return Main.BAD_INPUT;
    }
    for (int i = 0; i < found.size(); i++) {
      if (i > 0) {
        out.println();
      }
      ListCommand.describe(out, found.get(i));
    }
    out.flush();
    return 0;
  }
}
