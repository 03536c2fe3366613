package ouroboros.sim.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import ouroboros.sim.engine.RunOutcome;
import ouroboros.sim.sweep.SweepRunner;

/**
 * One progress bar on standard error for a whole sweep, one step per tick of any run, with the runs
 * done and an ETA from the ticks per second so far; without a terminal, a plain line at each tenth
 * ({@link PlainProgress}) instead. Runs skipped by {@code --resume} count as done before the bar
 * starts, so they do not inflate the speed.
 */
final class SweepProgress implements SweepRunner.Progress, AutoCloseable {
  private final ProgressBar bar;
  private final PlainProgress plain;
  private final int runs;
  private final AtomicInteger done;
  private final AtomicLong ticks;

  /**
   * Progress over {@code totalTicks}, of which {@code doneTicks} (of {@code doneRuns}) are done: a
   * bar when {@code terminal}, else lines on {@code err}.
   */
  SweepProgress(
      String task,
      long totalTicks,
      long doneTicks,
      int runs,
      int doneRuns,
      boolean terminal,
      PrintWriter err) {
    this.runs = runs;
    this.done = new AtomicInteger(doneRuns);
    this.ticks = new AtomicLong(doneTicks);
    this.plain = terminal ? null : new PlainProgress(task, totalTicks, doneTicks, err);
    if (!terminal) {
      this.bar = null;
      return;
    }
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
    if (bar != null) {
      bar.step();
    } else {
      plain.at(ticks.incrementAndGet(), "");
    }
  }

  @Override
  public void finished(SweepRunner.Job job, RunOutcome outcome) {
    // A failed run's remaining ticks will not come: count them, so the bar still ends.
    long left = job.ticks() - (long) outcome.ticksCompleted();
    String message = message(done.incrementAndGet());
    if (bar != null) {
      bar.stepBy(left);
      bar.setExtraMessage(message);
    } else {
      plain.at(ticks.addAndGet(left), message);
    }
  }

  /** " runs 3/18". */
  private String message(int n) {
    return " runs " + n + "/" + runs;
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
