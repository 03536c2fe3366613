package ouroboros.sim.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import ouroboros.sim.scenario.check.Suggest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ouroboros list KIND}: what is registered of a kind ({@link Registry#KINDS}), each with its
 * meaning and the scenario keys it reads, each key with its type, default and meaning.
 */
@Command(
    name = "list",
    description =
        "List what is registered: domains, stages, crawl-policies, metrics or regimes, with each"
            + " one's keys, defaults and meanings.")
final class ListCommand implements Callable<Integer> {
  /** The kinds, for the help and shell completion. */
  static final class Kinds implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Registry.KINDS.iterator();
    }
  }

  /** Width that text is wrapped to. */
  static final int WIDTH = 100;

  @Spec private CommandSpec spec;

  @Parameters(
      paramLabel = "KIND",
      completionCandidates = Kinds.class,
      description = "One of: ${COMPLETION-CANDIDATES}.")
  private String kind;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (!Registry.KINDS.contains(kind)) {
      spec.commandLine()
          .getErr()
          .println(
              "error: KIND: found '"
                  + kind
                  + "', expected one of "
                  + Registry.KINDS
                  + Suggest.didYouMean(kind, Registry.KINDS));
      return Main.BAD_INPUT;
    }
    List<Registry.Entry> entries = Registry.entries(kind);
    if (kind.equals("metrics")) {
      int w = entries.stream().mapToInt(e -> e.name().length()).max().orElse(0);
      for (Registry.Entry e : entries) {
        print(out, String.format("%-" + w + "s  ", e.name()), e.meaning());
      }
    } else {
      for (Registry.Entry e : entries) {
        describe(out, e);
        out.println();
      }
    }
    out.flush();
    return 0;
  }

  /** An entry: its name and meaning, then each key with its type and default, and its meaning. */
  static void describe(PrintWriter out, Registry.Entry e) {
    out.println(e.name() + " (" + singular(e.kind()) + ")");
    print(out, "    ", e.meaning());
    if (!e.keys().isEmpty()) {
      out.println("  keys:");
    }
    for (Registry.KeyDoc k : e.keys()) {
      String indent = "    ".repeat(k.depth() + 1);
      out.println(
          indent
              + k.name()
              + " ("
              + k.type()
              + (k.required() ? ", required" : "")
              + (k.def().isEmpty() ? "" : ", default " + k.def())
              + ")");
      print(out, indent + "    ", k.meaning());
    }
  }

  /** "domain", "crawl policy". */
  static String singular(String kind) {
    String s =
        kind.endsWith("ies")
            ? kind.substring(0, kind.length() - 3) + "y"
            : kind.endsWith("s") ? kind.substring(0, kind.length() - 1) : kind;
    return s.replace('-', ' ');
  }

  /** {@code head} then {@code text}, wrapped at {@link #WIDTH}, continued under the text. */
  static void print(PrintWriter out, String head, String text) {
    String indent = head.isBlank() ? head : " ".repeat(Math.min(head.length(), 40));
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder(head);
    boolean first = true;
    for (String word : text.split("\\s+")) {
      if (word.isEmpty()) {
        continue;
      }
      if (!first && line.length() + 1 + word.length() > WIDTH) {
        lines.add(line.toString());
        line = new StringBuilder(indent);
        first = true;
      }
      line.append(first ? "" : " ").append(word);
      first = false;
    }
    lines.add(line.toString().stripTrailing());
    lines.forEach(out::println);
  }
}
