package io.studybot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeapTrimTest {
  private static final HotSpotDiagnosticMXBean VM =
      ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);

  /**
   * With 64 MiB still in use, a full collection under the default ratios (at most 70 % free) would
   * keep about 210 MiB; the trim keeps at most twice what is in use.
   */
  @Test
  void aHeapGrownForStartUpIsGivenBackAndTheFreeRatiosArePutBack() {
    String min = VM.getVMOption("MinHeapFreeRatio").getValue();
    String max = VM.getVMOption("MaxHeapFreeRatio").getValue();
    List<byte[]> inUse = allocate(64L << 20);
    List<byte[]> startUp = allocate(256L << 20);
    long grown = committed();
    startUp.clear();
    assertThat(grown).isGreaterThan(320L << 20);

    HeapTrim.afterStartUp();

    assertThat(committed()).isLessThan(128L << 20);
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

  private static long committed() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();
  }
}
