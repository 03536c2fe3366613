package ouroboros.sim.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.registry.PrometheusScrapeRequest;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * A Prometheus registry whose scrapes see one tick: collecting its meters takes the same lock as
 * the observe phase's update of them ({@link #updating}), so a scrape that falls while the clock
 * updates the meters waits for the update to end, and the update waits for a collection under way
 * ({@link MetricsListener#onTick} holds {@link #lockOf} the registry while it updates). Only the
 * collection holds the lock: writing the response to a slow client does not block a tick.
 */
final class TickConsistentRegistry extends PrometheusRegistry {
  private final ReentrantLock lock = new ReentrantLock();

  /**
   * The lock of {@code registry}'s scrapes when it is a {@link PrometheusMeterRegistry} over one of
   * these; else a new lock (no scrape to agree with).
   */
  static ReentrantLock lockOf(MeterRegistry registry) {
    if (registry instanceof PrometheusMeterRegistry p
        && p.getPrometheusRegistry() instanceof TickConsistentRegistry r) {
      return r.lock;
    }
    return new ReentrantLock();
  }

  @Override
  public MetricSnapshots scrape() {
    lock.lock();
    try {
      return super.scrape();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public MetricSnapshots scrape(PrometheusScrapeRequest request) {
    lock.lock();
    try {
      return super.scrape(request);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public MetricSnapshots scrape(Predicate<String> includedNames) {
    lock.lock();
    try {
      return super.scrape(includedNames);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public MetricSnapshots scrape(Predicate<String> includedNames, PrometheusScrapeRequest request) {
    lock.lock();
    try {
      return super.scrape(includedNames, request);
    } finally {
      lock.unlock();
    }
  }
}
