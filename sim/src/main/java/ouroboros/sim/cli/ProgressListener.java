package ouroboros.sim.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import ouroboros.sim.engine.RunOutcome;
import ouroboros.sim.engine.TickListener;
import ouroboros.sim.engine.TickResult;

/** A live progress bar on standard error, one step per tick, with the synthetic share. */
final class ProgressListener implements TickListener {
  private final ProgressBar bar;

  ProgressListener(String task, int ticks) {
    this.bar =
        new ProgressBarBuilder()
            .setTaskName(task)
            .setInitialMax(ticks)
            .setUnit(" ticks", 1)
            .setStyle(ProgressBarStyle.ASCII)
            .setUpdateIntervalMillis(100)
            .setConsumer(new ConsoleProgressBarConsumer(System.err))
            .build();
  }

  @Override
  public void onTick(TickResult result) {
    bar.stepTo(result.tick() + 1L);
    bar.setExtraMessage(String.format(" synthetic %.0f%%", 100 * result.web().syntheticShare()));
  }

  @Override
  public void onFinish(RunOutcome outcome) {
    bar.close();
  }
}
