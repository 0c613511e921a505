package io.studybot.core.persistence;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiPredicate;
import java.util.function.Consumer;

/**
 * Work that arrives while the database is busy waits and then goes in together, as one batch: a
 * transaction's fixed cost (the round trips, the commit's flush) is then paid once for the batch.
 * There is no thread of its own: a caller that finds fewer than {@code parallel} batches running
 * runs the next batch itself, the oldest waiting work first, and waits otherwise. Alone, work runs
 * at once, in a batch of one.
 *
 * @param <T> the work; the runner records each one's outcome in it
 */
final class GroupCommit<T> {
  private final int parallel;
  private final int largest;
  private final BiPredicate<T, T> apart;
  private final Consumer<List<T>> runner;
  private final ReentrantLock lock = new ReentrantLock();
  private final ArrayDeque<Entry<T>> waiting = new ArrayDeque<>();
  private int running;

  /**
   * @param parallel batches running at most at once
   * @param largest work in one batch at most
   * @param apart work that must not share a batch (it reads what the other writes)
   * @param runner runs a batch; it must not throw
   */
  GroupCommit(int parallel, int largest, BiPredicate<T, T> apart, Consumer<List<T>> runner) {
    if (parallel < 1 || largest < 1) {
      throw new IllegalArgumentException("parallel and largest must be positive");
    }
    this.parallel = parallel;
    this.largest = largest;
    this.apart = apart;
    this.runner = runner;
  }

  /** Returns once a batch holding the work has run. */
  void submit(T work) {
    Entry<T> mine = new Entry<>(work, lock.newCondition());
    lock.lock();
    try {
      waiting.add(mine);
      while (!mine.ran) {
        if (running < parallel && !waiting.isEmpty()) {
          runNextBatch();
        } else {
          mine.woken.awaitUninterruptibly();
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /** Work waiting for a batch; for tests, which wait for work to queue up. */
  int waiting() {
    lock.lock();
    try {
      return waiting.size();
    } finally {
      lock.unlock();
    }
  }

  /** Called holding the lock; runs the batch without it. */
  private void runNextBatch() {
    List<Entry<T>> batch = take();
    running++;
    wakeNextCaller();
    lock.unlock();
    try {
      runner.accept(batch.stream().map(entry -> entry.work).toList());
    } finally {
      lock.lock();
      running--;
      batch.forEach(Entry::ran);
      wakeNextCaller();
    }
  }

  /** While another batch may run, the oldest waiting work's caller is woken to run it. */
  private void wakeNextCaller() {
    Entry<T> next = waiting.peek();
    if (next != null && running < parallel) {
      next.woken.signal();
    }
  }

  /** The oldest waiting work, up to {@code largest}, leaving for later what must stay apart. */
  private List<Entry<T>> take() {
    List<Entry<T>> batch = new ArrayList<>();
    Iterator<Entry<T>> oldestFirst = waiting.iterator();
    while (oldestFirst.hasNext() && batch.size() < largest) {
      Entry<T> next = oldestFirst.next();
      if (batch.stream().noneMatch(taken -> apart.test(taken.work, next.work))) {
        batch.add(next);
        oldestFirst.remove();
      }
    }
    return batch;
  }

  private static final class Entry<T> {
    final T work;
    final Condition woken;
    boolean ran;

    Entry(T work, Condition woken) {
      this.work = work;
      this.woken = woken;
    }

    void ran() {
      ran = true;
      woken.signal();
    }
  }
}
