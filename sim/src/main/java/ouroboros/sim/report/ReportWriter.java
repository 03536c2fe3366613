package ouroboros.sim.report;

import java.awt.AWTError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import ouroboros.sim.output.AtomicFiles;
import ouroboros.sim.output.RunLayout;

/**
 * Writes {@code report.html}: one self-contained HTML file (inline CSS, charts embedded as PNG
 * {@code data:} URIs, no script, nothing fetched from any host) about a run directory or a sweep
 * directory. A directory with {@code sweep.csv} is a sweep; one with {@code summary.json} and
 * {@code metrics.csv} is a run. Charts are drawn by JFreeChart in headless mode.
 */
public final class ReportWriter {
  /** The report's file name. */
  public static final String FILE = RunLayout.REPORT;

  private static final AtomicBoolean WARMING = new AtomicBoolean();

  private ReportWriter() {}

  /**
   * Starts loading what charts need (JFreeChart's classes, Java2D and its fonts, the PNG encoder)
   * on a low-priority daemon thread, so that a report written at the end of a run does not pay for
   * it then: about 0.3 s of CPU, spent while the run goes on. Only the first call does anything; a
   * failure here is ignored, and {@link #write} meets it again and reports it.
   */
  public static void warmUp() {
    if (!WARMING.compareAndSet(false, true)) {
      return;
    }
    headless();
    Thread t =
        new Thread(
            () -> {
              try {
                ChartImage.render(
                    "warm-up",
                    "",
                    Charts.lines(
                        "warm-up",
                        "",
                        "x",
                        "y",
                        List.of(
                            new Charts.Line(
                                "a", new double[] {0, 1}, new double[] {1, 100}, null, null))),
                    200,
                    100);
              } catch (RuntimeException | LinkageError | AWTError e) {
                // write() will meet the same problem and report it.
              }
            },
            "report-warm-up");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
  }

  /** Charts are drawn off screen: headless, unless the caller chose otherwise. */
  private static void headless() {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  /**
   * Writes the report of {@code dir} and returns its path.
   *
   * @throws IllegalArgumentException when {@code dir} is neither a run nor a sweep directory, or an
   *     option names a model or a metric the sweep does not have
   * @throws IOException when a file cannot be read or the report cannot be written
   */
  public static Path write(Path dir, ReportOptions opts) throws IOException {
    return write(dir, opts, null);
  }

  /**
   * Refuses the choices that only a sweep's collapse map takes, for a run directory, rather than
   * ignoring them.
   */
  private static void sweepOnly(Path dir, ReportOptions opts) {
    String given =
        opts.metric() != null
            ? "--metric"
            : opts.model() != null
                ? "--model"
                : opts.definition() != null
                    ? "--definition"
                    : opts.facet() != null ? "--facet" : null;
    if (given != null) {
      throw new IllegalArgumentException(
          given
              + ": found the run directory "
              + dir
              + ", expected a sweep directory (--metric, --model, --definition and --facet choose"
              + " what a sweep's collapse map shows; a run's report shows every model and"
              + " definition)");
    }
  }

  /**
   * The same, for a run directory whose metrics.csv rows {@code rows} gathered as the run wrote
   * them (null: read metrics.csv), so that the file is not read back; the report is the same.
   */
  public static Path write(Path dir, ReportOptions opts, RunRows rows) throws IOException {
    headless();
    String html;
    if (SweepDir.isSweep(dir)) {
      html = SweepReport.render(SweepDir.load(dir, SweepReport.METRICS), opts);
    } else if (RunDir.isRun(dir)) {
      sweepOnly(dir, opts);
      html =
          RunReport.render(
              rows != null
                  ? RunDir.load(dir, rows.metrics())
                  : RunDir.load(dir, RunReport.METRICS));
    } else if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException(
          dir + ": found no directory, expected a run or a sweep" + " directory");
    } else {
      throw new IllegalArgumentException(
          dir
              + ": found neither summary.json and metrics.csv (a"
              + " run) nor sweep.csv (a sweep), expected a run or a sweep directory");
    }
    Path out = opts.out() != null ? opts.out() : dir.resolve(FILE);
    AtomicFiles.write(out, html.getBytes(StandardCharsets.UTF_8));
    return out;
  }
}
