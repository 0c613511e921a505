package io.studybot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LateStartTest {
  private final List<String> closed = new CopyOnWriteArrayList<>();
  private final CompletableFuture<StartupFailure> failure = new CompletableFuture<>();

  @Test
  void closingDuringTheStartWaitsForItAndClosesWhatItStartedNewestFirst() throws Exception {
    CountDownLatch proceed = new CountDownLatch(1);
    LateStart late =
        LateStart.begin(
            "test-start",
            started -> {
              started.push(() -> closed.add("jobs"));
              await(proceed);
              started.push(() -> closed.add("sender"));
            },
            failure::complete);
    CompletableFuture<Void> closing = CompletableFuture.runAsync(late::close);
    proceed.countDown();
    closing.get(10, TimeUnit.SECONDS);
    // Had closing not waited, "sender" (started after the close began) would still be open.
    assertThat(closed).containsExactly("sender", "jobs");
    assertThat(failure).isNotDone();
  }

  @Test
  void aFailedStartIsHandedOnAndClosingThenDoesNotWait() throws Exception {
    LateStart late =
        LateStart.begin(
            "test-start",
            started -> {
              started.push(() -> closed.add("jobs"));
              throw new IllegalStateException("scheduler broke");
            },
            failure::complete);
    StartupFailure failed = failure.get(10, TimeUnit.SECONDS);
    assertThat(failed.getMessage()).isEqualTo("scheduler broke");
    assertThat(failed.exitCode()).isEqualTo(StartupFailure.FAILED);
    late.close();
    assertThat(closed).containsExactly("jobs");
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
