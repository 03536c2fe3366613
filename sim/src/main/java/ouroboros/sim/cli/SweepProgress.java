package ouroboros.sim.cli;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import ouroboros.sim.engine.RunOutcome;
import ouroboros.sim.sweep.SweepRunner;

/**
 * One progress bar on standard error for a whole sweep, one step per tick of any run, with the runs
 * done and an ETA from the ticks per second so far. Runs skipped by {@code --resume} count as done
 * before the bar starts, so they do not inflate the speed.
 */
final class SweepProgress implements SweepRunner.Progress, AutoCloseable {
  private final ProgressBar bar;
  private final int runs;
  private final AtomicInteger done;

  /** A bar over {@code totalTicks}, of which {@code doneTicks} (of {@code doneRuns}) are done. */
  SweepProgress(String task, long totalTicks, long doneTicks, int runs, int doneRuns) {
    this.runs = runs;
    this.done = new AtomicInteger(doneRuns);
    this.bar =
        new ProgressBarBuilder()
            .setTaskName(task)
            .setInitialMax(totalTicks)
            .startsFrom(doneTicks, Duration.ZERO)
            .setUnit(" ticks", 1)
            .setStyle(ProgressBarStyle.ASCII)
            .setUpdateIntervalMillis(200)
            .setConsumer(new ConsoleProgressBarConsumer(System.err))
            .build();
    bar.setExtraMessage(message(doneRuns));
  }

  @Override
  public void tick() {
    bar.step();
  }

  @Override
  public void finished(SweepRunner.Job job, RunOutcome outcome) {
    // A failed run's remaining ticks will not come: count them, so the bar still ends.
    bar.stepBy(job.ticks() - (long) outcome.ticksCompleted());
    bar.setExtraMessage(message(done.incrementAndGet()));
  }

  /** " runs 3/18". */
  private String message(int n) {
    return " runs " + n + "/" + runs;
  }

  @Override
  public void close() {
    bar.close();
  }
}
