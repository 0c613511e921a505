package io.studybot.app;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives back to the system the heap that start-up grew (reading the course, booting Hibernate) and
 * no longer uses. The collector keeps a heap it grew, however empty, until a full collection finds
 * more of it free than {@code MaxHeapFreeRatio} allows; so once, after start-up, both free-ratio
 * bounds are tightened for one full collection and then put back, and the heap grows again as the
 * bot needs it. An operator's {@code -Xms} or {@code -XX:+DisableExplicitGC} still wins.
 */
final class HeapTrim {
  private static final Logger log = LoggerFactory.getLogger(HeapTrim.class);

  private HeapTrim() {}

  static void afterStartUp() {
    HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
    String min = vm.getVMOption("MinHeapFreeRatio").getValue();
    String max = vm.getVMOption("MaxHeapFreeRatio").getValue();
    long before = committed();
    try {
      // In this order the minimum never exceeds the maximum, which the JVM refuses.
      vm.setVMOption("MinHeapFreeRatio", "5");
      vm.setVMOption("MaxHeapFreeRatio", "10");
      System.gc();
    } catch (IllegalArgumentException e) {
      log.debug("The heap's free ratios cannot be changed here; the heap stays as it is", e);
    } finally {
      vm.setVMOption("MaxHeapFreeRatio", max);
      vm.setVMOption("MinHeapFreeRatio", min);
    }
    log.info("Heap after start-up: {} MiB committed, was {} MiB", committed() >> 20, before >> 20);
  }

  private static long committed() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();
  }
}
