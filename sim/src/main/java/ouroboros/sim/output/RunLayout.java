package ouroboros.sim.output;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Every file name of a run directory, for the writers (run writer, graph writer, report writer) and
 * the readers (report, sweep tables, {@code ouroboros graph}) alike:
 *
 * <pre>
 * scenario.yaml   the resolved scenario, seed included
 * metrics.csv     one row per tick, agent and metric
 * summary.json    the latest state of every model ("complete": true once the run ended well)
 * copies.csv      with copies: per-tick mean, sd and 95% interval across the copies
 * timing.json     wall time and throughput
 * report.html     the report
 * graph/          w&lt;start&gt;-&lt;end&gt;.json and .dot per block of ticks, final.dot
 * </pre>
 *
 * @param dir the run directory
 */
public record RunLayout(Path dir) {
  /** The resolved scenario. */
  public static final String SCENARIO = "scenario.yaml";

  /** The metric rows. */
  public static final String METRICS = "metrics.csv";

  /** The latest state of every model. */
  public static final String SUMMARY = "summary.json";

  /** Wall time and throughput. */
  public static final String TIMING = "timing.json";

  /** Per-tick statistics across the copies of a run with {@code copies:}. */
  public static final String COPIES = "copies.csv";

  /** The HTML report. */
  public static final String REPORT = "report.html";

  /** The interaction graph's directory. */
  public static final String GRAPH_DIR = "graph";

  /** The DOT file of the graph's last window, in {@link #GRAPH_DIR}. */
  public static final String FINAL_DOT = "final.dot";

  /** Extension of a graph window's Node Graph JSON. */
  public static final String JSON_EXT = ".json";

  /** Extension of a graph window's DOT file. */
  public static final String DOT_EXT = ".dot";

  /** A graph window's JSON file name ({@link #windowName} + {@link #JSON_EXT}): start, end. */
  public static final Pattern WINDOW_JSON = Pattern.compile("w(\\d+)-(\\d+)\\.json");

  /** Checks the directory. */
  public RunLayout {
    Objects.requireNonNull(dir, "dir");
  }

  /** The layout of {@code dir}. */
  public static RunLayout of(Path dir) {
    return new RunLayout(dir);
  }

  /** {@code scenario.yaml}. */
  public Path scenario() {
    return dir.resolve(SCENARIO);
  }

  /** {@code metrics.csv}. */
  public Path metrics() {
    return dir.resolve(METRICS);
  }

  /** {@code summary.json}. */
  public Path summary() {
    return dir.resolve(SUMMARY);
  }

  /** {@code copies.csv}. */
  public Path copies() {
    return dir.resolve(COPIES);
  }

  /** {@code timing.json}. */
  public Path timing() {
    return dir.resolve(TIMING);
  }

  /** {@code report.html}. */
  public Path report() {
    return dir.resolve(REPORT);
  }

  /** {@code graph/}. */
  public Path graphDir() {
    return dir.resolve(GRAPH_DIR);
  }

  /** {@code graph/final.dot}. */
  public Path finalDot() {
    return graphDir().resolve(FINAL_DOT);
  }

  /** File name stem of the graph block start..end: {@code w<start>-<end>}. */
  public static String windowName(int start, int end) {
    return "w" + start + "-" + end;
  }

  /** {@code graph/w<start>-<end>} with extension {@code ext} ({@code .json} or {@code .dot}). */
  public Path graphWindow(int start, int end, String ext) {
    return graphDir().resolve(windowName(start, end) + ext);
  }

  /** Whether the directory holds the files a report reads: summary.json and metrics.csv. */
  public boolean hasResults() {
    return Files.isRegularFile(summary()) && Files.isRegularFile(metrics());
  }
}
