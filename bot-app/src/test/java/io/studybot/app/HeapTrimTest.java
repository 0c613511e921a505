package io.studybot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeapTrimTest {
  private static final HotSpotDiagnosticMXBean VM =
      ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);

  /**
   * A full collection under the default ratios (at most 70 % free) keeps up to 3.3 times the heap
   * in use; the trim keeps about 1.1 times. The garbage is sized so that the two cannot be mistaken
   * whatever earlier tests in this JVM left in use.
   */
  @Test
  void aHeapGrownForStartUpIsGivenBackAndTheFreeRatiosArePutBack() {
    String min = VM.getVMOption("MinHeapFreeRatio").getValue();
    String max = VM.getVMOption("MaxHeapFreeRatio").getValue();
    List<byte[]> inUse = allocate(64L << 20);
    List<byte[]> startUp = allocate(Math.max(256L << 20, 4 * heap().getUsed()));
    long grown = heap().getCommitted();
    startUp.clear();

    HeapTrim.afterStartUp();

    long used = heap().getUsed();
    assertThat(grown).isGreaterThan(3 * used);
    assertThat(heap().getCommitted()).isLessThan(used * 3 / 2 + (16L << 20));
    assertThat(inUse).hasSize(64);
    assertThat(VM.getVMOption("MinHeapFreeRatio").getValue()).isEqualTo(min);
    assertThat(VM.getVMOption("MaxHeapFreeRatio").getValue()).isEqualTo(max);
  }

  private static List<byte[]> allocate(long bytes) {
    List<byte[]> held = new ArrayList<>();
    for (long total = 0; total < bytes; total += 1 << 20) {
      held.add(new byte[1 << 20]);
    }
    return held;
  }

  private static MemoryUsage heap() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
  }
}
