package ouroboros.sim.cli;

import java.io.PrintWriter;
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
    String extra = String.format(" synthetic %.0f%%", 100 * result.web().syntheticShare());
    if (bar != null) {
      bar.stepTo(result.tick() + 1L);
      bar.setExtraMessage(extra);
    } else {
      plain.at(result.tick() + 1L, extra);
    }
  }

  @Override
  public void onFinish(RunOutcome outcome) {
    if (bar != null) {
      bar.close();
    }
  }
}
