package ouroboros.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * Heap readings for benchmarks: the peak of the heap memory pools, and the used heap after a forced
 * collection. Plain {@code java.lang.management}; no agent, no sampling thread.
 */
final class HeapProbe {
  private static final int GC_ROUNDS = 4;

  private HeapProbe() {}

  /** The JVM's heap pools (eden, survivor, old generation, or their equivalents). */
  static List<MemoryPoolMXBean> heapPools() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP && p.isValid())
        .toList();
  }

  /** Resets the peak of every heap pool to its current usage. */
  static void resetPeaks() {
    heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  /**
   * The sum over heap pools of each pool's peak usage since the last reset. The pools may peak at
   * different moments, so this is an upper bound on the peak of the whole heap.
   */
  static long peakSum() {
    long sum = 0;
    for (MemoryPoolMXBean p : heapPools()) {
      sum += p.getPeakUsage().getUsed();
    }
    return sum;
  }

  /** Used heap after several forced full collections, with short pauses between them. */
  static long usedAfterGc() throws InterruptedException {
    for (int i = 0; i < GC_ROUNDS; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** The names of the garbage collectors in use, for the report header. */
  static String collectors() {
    return String.join(
        ", ",
        ManagementFactory.getGarbageCollectorMXBeans().stream()
            .map(java.lang.management.GarbageCollectorMXBean::getName)
            .toList());
  }
}
