package ouroboros.sim.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import ouroboros.sim.output.RunLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ouroboros graph RUN_DIR [--tick T]}: prints the interaction graph of the window that holds
 * tick T (default: the last window) from {@code RUN_DIR/graph/}, as a table of nodes, the closed
 * classes with no human data (a "collapses" that the regimes contradict is marked, see {@link
 * GraphCaveats}), and the edges; then renders its DOT file ({@code graph/final.dot} for the last
 * window) to SVG beside it when Graphviz's {@code dot} is on the PATH, or says that it is not.
 */
@Command(
    name = "graph",
    description = "Print a run's interaction graph and render it to SVG with Graphviz.")
final class GraphCommand implements Callable<Integer> {
  private static final Pattern WINDOW = RunLayout.WINDOW_JSON;

  @Spec private CommandSpec spec;

  @Parameters(paramLabel = "RUN_DIR", description = "A run directory.")
  private Path runDir;

  @Option(
      names = "--tick",
      paramLabel = "T",
      description = "Show the window that holds tick T (default: the last window).")
  private Integer tick;

  /** One window file. */
  private record Window(int start, int end, Path json) {}

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isDirectory(runDir)) {
      err.println(
          "error: RUN_DIR: found '"
              + runDir
              + "', expected a run directory"
              + (Files.exists(runDir) ? " (it is a file)" : " (it does not exist)"));
      return Main.BAD_INPUT;
    }
    Path dir = RunLayout.of(runDir).graphDir();
    List<Window> windows = windows(dir);
    Path finalDot = dir.resolve(RunLayout.FINAL_DOT);
    if (windows.isEmpty() && Files.exists(finalDot)) {
      return finalOnly(finalDot, out, err);
    }
    if (windows.isEmpty()) {
      err.println(
          "error: RUN_DIR: found no "
              + dir.resolve("w<start>-<end>.json")
              + ", expected a run directory written by 'ouroboros run' with at least one tick");
      return Main.BAD_INPUT;
    }
    Window w = windows.get(windows.size() - 1);
    if (tick != null) {
      w =
          windows.stream()
              .filter(x -> x.start() <= tick && tick <= x.end())
              .findFirst()
              .orElse(null);
      if (w == null) {
        err.println(
            "error: --tick: found "
                + tick
                + ", expected a tick from "
                + windows.get(0).start()
                + " to "
                + windows.get(windows.size() - 1).end());
        return Main.BAD_INPUT;
      }
    }
    JsonNode doc;
    try {
      doc = new ObjectMapper().readTree(w.json().toFile());
    } catch (JsonProcessingException e) {
      err.println(
          "error: "
              + w.json()
              + ": found malformed JSON ("
              + e.getOriginalMessage()
              + "), expected a graph written by 'ouroboros run'");
      return Main.BAD_INPUT;
    }
    print(out, w, doc, finals(RunLayout.of(runDir).summary()));
    boolean last = w == windows.get(windows.size() - 1);
    Path dot =
        last && Files.exists(dir.resolve(RunLayout.FINAL_DOT))
            ? dir.resolve(RunLayout.FINAL_DOT)
            : dir.resolve(RunLayout.windowName(w.start(), w.end()) + RunLayout.DOT_EXT);
    return render(dot, System.getenv("PATH"), out, err);
  }

  /**
   * A run that keeps only {@code graph/final.dot} (more than 1,000 models, or some left out of
   * metrics.csv): says so, and renders that file; a {@code --tick} has no window to pick.
   */
  private Integer finalOnly(Path finalDot, PrintWriter out, PrintWriter err) {
    String why =
        "this run keeps no window files, only "
            + finalDot
            + " (a run of more than 1,000 models, or one that leaves models out of metrics.csv:"
            + " see docs/outputs.md, Outputs at scale)";
    if (tick != null) {
      err.println("error: --tick: found " + tick + ", expected no --tick: " + why);
      return Main.BAD_INPUT;
    }
    out.println(
        "The last window's graph of the models whose rows the run keeps, with the edges among them"
            + " and from human sources; "
            + why
            + ".");
    return render(finalDot, System.getenv("PATH"), out, err);
  }

  /** The window files of a graph directory, by first tick. */
  private static List<Window> windows(Path dir) throws IOException {
    List<Window> windows = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return windows;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Matcher m = WINDOW.matcher(f.getFileName().toString());
        if (m.matches()) {
          windows.add(new Window(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), f));
        }
      }
    }
    windows.sort(Comparator.comparingInt(Window::start));
    return windows;
  }

  /**
   * Each model's regime and measured definition-3 verdict ({@code "yes"}, {@code "no"}), by id,
   * from the run's summary.json; empty when it cannot be read or leaves models out.
   */
  static Map<String, String[]> finals(Path summary) {
    Map<String, String[]> out = new HashMap<>();
    try {
      for (JsonNode m : new ObjectMapper().readTree(summary.toFile()).path("models")) {
        out.put(
            m.path("id").asText(),
            new String[] {m.path("regime").asText(), m.at("/verdicts/d3/verdict").asText("n/a")});
      }
    } catch (IOException e) {
      // No summary: no caveats.
    }
    return out;
  }

  /**
   * The table of nodes, the closed classes and the edges. A "collapses" that the models' regimes
   * contradict ({@link GraphCaveats}) is marked with an asterisk and explained below the table.
   */
  private static void print(PrintWriter out, Window w, JsonNode doc, Map<String, String[]> finals) {
    Map<String, String> regimes = new HashMap<>();
    finals.forEach((id, f) -> regimes.put(id, f[0]));
    Map<String, List<String>> contradicted = GraphCaveats.contradicted(doc, regimes);
    out.printf("graph of ticks %d to %d (%s)%n", w.start(), w.end(), w.json());
    int width = "node".length();
    for (JsonNode n : doc.path("nodes")) {
      width = Math.max(width, n.path("id").asText().length());
    }
    String fmt = "%-" + width + "s  %-7s  %8s  %8s  %s%n";
    out.printf(Locale.ROOT, fmt, "node", "kind", "ancestry", "depth", "predicted");
    for (JsonNode n : doc.path("nodes")) {
      out.printf(
          Locale.ROOT,
          fmt,
          n.path("id").asText(),
          n.path("detail__kind").asText(),
          num(n.path("detail__ancestry")),
          num(n.path("detail__depth")),
          n.path("detail__predicted").isNull()
              ? ""
              : n.path("detail__predicted").asText()
                  + (contradicted.containsKey(n.path("id").asText()) ? "*" : ""));
    }
    List<String> closed = new ArrayList<>();
    for (JsonNode c : doc.path("classes")) {
      if (c.path("closed-without-human").asBoolean()) {
        List<String> members = new ArrayList<>();
        c.path("members").forEach(m -> members.add(m.asText()));
        closed.add("{" + String.join(", ", members) + "}");
      }
    }
    out.println(
        "closed classes with no human data: "
            + (closed.isEmpty() ? "none" : String.join(" ", closed)));
    if (!contradicted.isEmpty()) {
      java.util.Set<String> classes = new java.util.LinkedHashSet<>();
      List<String> measured = new ArrayList<>();
      contradicted.forEach(
          (id, c) -> {
            classes.addAll(c);
            String[] f = finals.get(id);
            measured.add(id + " " + (f == null ? "n/a" : f[1]));
          });
      out.println(
          "* collapses for replace-like training, but every closed class these models depend on ("
              + String.join(" ", classes)
              + ") accumulates its data, which keeps the error bounded (Gerstgrasser et al. 2024):"
              + " not expected to diverge. Measured d3 (diverging risk): "
              + String.join(", ", measured));
    }
    out.println("edges (source -> target: share of the target's training data):");
    for (JsonNode e : doc.path("edges")) {
      out.printf(
          Locale.ROOT,
          "  %s -> %s  %s%n",
          e.path("source").asText(),
          e.path("target").asText(),
          num(e.path("mainstat")));
    }
    out.flush();
  }

  /** Four decimals, or "-" for null. */
  private static String num(JsonNode v) {
    return v.isNumber() ? String.format(Locale.ROOT, "%.4f", v.asDouble()) : "-";
  }

  /**
   * Renders a DOT file to SVG beside it with the {@code dot} found on {@code searchPath} (a
   * PATH-style list), or says that Graphviz is not installed; the exit code.
   */
  static int render(Path dot, String searchPath, PrintWriter out, PrintWriter err) {
    Path exe = find("dot", searchPath);
    if (exe == null) {
      out.println("Graphviz (dot) is not installed; DOT file: " + dot);
      out.flush();
      return 0;
    }
    String name = dot.getFileName().toString();
    Path svg =
        dot.resolveSibling(name.substring(0, name.length() - RunLayout.DOT_EXT.length()) + ".svg");
    try {
      Process p =
          new ProcessBuilder(exe.toString(), "-Tsvg", "-o", svg.toString(), dot.toString())
              .redirectErrorStream(true)
              .start();
      String output = new String(p.getInputStream().readAllBytes());
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        err.println("error: " + exe + " took more than 60 s on " + dot);
        return Main.RUN_FAILED;
      }
      if (p.exitValue() != 0) {
        err.println("error: " + exe + " failed on " + dot + ": " + output.strip());
        return Main.RUN_FAILED;
      }
    } catch (IOException e) {
      err.println("error: cannot run " + exe + ": " + e.getMessage());
      return Main.RUN_FAILED;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Main.RUN_FAILED;
    }
    out.println("svg: " + svg);
    out.flush();
    return 0;
  }

  /** An executable called {@code name} in one of the directories of {@code searchPath}. */
  static Path find(String name, String searchPath) {
    if (searchPath == null) {
      return null;
    }
    for (String d : searchPath.split(Pattern.quote(File.pathSeparator))) {
      if (d.isEmpty()) {
        continue;
      }
      Path p = Path.of(d, name);
      if (Files.isRegularFile(p) && Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }
}
