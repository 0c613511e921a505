package io.studybot.core.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which work shares a batch: what waited, oldest first, as much as fits, never what must not. */
class GroupCommitTest {
  private final ExecutorService callers = Executors.newCachedThreadPool();
  private final List<List<String>> batches = new CopyOnWriteArrayList<>();
  private final List<String> runOn = new CopyOnWriteArrayList<>();
  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void stop() throws InterruptedException {
    callers.shutdownNow();
    callers.awaitTermination(10, TimeUnit.SECONDS);
  }

  @Test
  void workAloneRunsAtOnceOnItsCallersThread() {
    GroupCommit<String> commits = new GroupCommit<>(1, 8, (one, other) -> false, this::record);

    commits.submit("only");

    assertThat(batches).containsExactly(List.of("only"));
    assertThat(runOn).containsExactly(Thread.currentThread().getName());
  }

  @Test
  void workThatWaitedGoesInTogetherUpToTheLargestBatch() throws Exception {
    GroupCommit<String> commits = heldBy("first", 2, (one, other) -> false);
    for (String work : List.of("w1", "w2", "w3", "w4", "w5")) {
      queue(commits, work);
    }

    release.countDown();
    awaitBatches(4);

    assertThat(batches)
        .containsExactly(List.of("first"), List.of("w1", "w2"), List.of("w3", "w4"), List.of("w5"));
  }

  @Test
  void workThatMustStayApartWaitsForTheNextBatch() throws Exception {
    GroupCommit<String> commits = heldBy("a1", 8, (one, other) -> one.charAt(0) == other.charAt(0));
    for (String work : List.of("a2", "a3", "b1", "c1", "b2")) {
      queue(commits, work);
    }

    release.countDown();
    awaitBatches(3);

    assertThat(batches)
        .containsExactly(List.of("a1"), List.of("a2", "b1", "c1"), List.of("a3", "b2"));
  }

  @Test
  void waitingWorkRunsBesideABatchWhileAnotherMay() throws Exception {
    CountDownLatch dRan = new CountDownLatch(1);
    List<String> cSawD = new CopyOnWriteArrayList<>();
    GroupCommit<String> commits =
        new GroupCommit<>(
            2,
            1,
            (one, other) -> false,
            batch -> {
              record(batch);
              String work = batch.get(0);
              if (work.equals("a") || work.equals("b")) {
                awaitQuietly(release);
              } else if (work.equals("c") && awaitQuietly(dRan)) {
                cSawD.add("d ran while c was running");
              } else if (work.equals("d")) {
                dRan.countDown();
              }
            });
    callers.submit(() -> commits.submit("a"));
    callers.submit(() -> commits.submit("b"));
    awaitBatches(2);
    queue(commits, "c");
    queue(commits, "d");

    release.countDown();
    awaitBatches(4);

    assertThat(cSawD).hasSize(1);
  }

  private static boolean awaitQuietly(CountDownLatch latch) {
    try {
      return latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** One batch at a time, and the first one, of {@code first} alone, running until released. */
  private GroupCommit<String> heldBy(String first, int largest, BiPredicate<String, String> apart)
      throws InterruptedException {
    GroupCommit<String> commits = new GroupCommit<>(1, largest, apart, this::holdFirst);
    callers.submit(() -> commits.submit(first));
    awaitBatches(1);
    return commits;
  }

  private void queue(GroupCommit<String> commits, String work) throws InterruptedException {
    int before = commits.waiting();
    callers.submit(() -> commits.submit(work));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (commits.waiting() == before && System.nanoTime() < deadline) {
      Thread.sleep(2);
    }
    assertThat(commits.waiting()).isEqualTo(before + 1);
  }

  private void record(List<String> batch) {
    batches.add(batch);
    runOn.add(Thread.currentThread().getName());
  }

  /** Records the batch; the first one holds its slot until released. */
  private void holdFirst(List<String> batch) {
    boolean first = batches.isEmpty();
    record(batch);
    if (first) {
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void awaitBatches(int expected) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (batches.size() < expected && System.nanoTime() < deadline) {
      Thread.sleep(2);
    }
    assertThat(batches).hasSize(expected);
  }
}
