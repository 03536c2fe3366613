package ouroboros.sim.cli;

import java.io.PrintWriter;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import ouroboros.sim.engine.RunOutcome;
import ouroboros.sim.engine.TickListener;
import ouroboros.sim.engine.TickResult;

/**
 * A run's progress, one step per tick, with the synthetic share: a live bar on standard error when
 * a terminal is attached, else a plain line at each tenth ({@link PlainProgress}).
 */
final class ProgressListener implements TickListener {
  private final ProgressBar bar;
  private final PlainProgress plain;

  /** Progress of {@code ticks} ticks: a bar when {@code terminal}, else lines on {@code err}. */
  ProgressListener(String task, int ticks, boolean terminal, PrintWriter err) {
    this.bar =
        terminal
            ? new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(ticks)
                .setUnit(" ticks", 1)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(100)
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .build()
            : null;
    this.plain = terminal ? null : new PlainProgress(task, ticks, 0, err);
  }

  @Override
  public void onTick(TickResult result) {
    String extra = syntheticShare(result.web().syntheticShare());
    if (bar != null) {
      bar.stepTo(result.tick() + 1L);
      bar.setExtraMessage(extra);
    } else {
      plain.at(result.tick() + 1L, extra);
    }
  }

  /**
   * The progress line's synthetic share of the web, such as {@code " synthetic 99%"}; {@code "
   * synthetic n/a (web empty)"} when nothing is visible on the web (the share is NaN), as when
   * every fit failed and no model published.
   */
  static String syntheticShare(double share) {
    return Double.isNaN(share)
        ? " synthetic n/a (web empty)"
        : String.format(Locale.ROOT, " synthetic %.0f%%", 100 * share);
  }

  @Override
  public void onFinish(RunOutcome outcome) {
    if (bar != null) {
      bar.close();
    }
  }
}
