package io.studybot.app;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/** Work started on a thread of its own, to run beside the start-up's main thread. */
final class Beside<T> {
  private final CompletableFuture<T> result = new CompletableFuture<>();

  private Beside() {}

  static <T> Beside<T> start(String name, Supplier<T> work) {
    Beside<T> beside = new Beside<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                beside.result.complete(work.get());
              } catch (RuntimeException | Error e) {
                beside.result.completeExceptionally(e);
              }
            },
            name);
    thread.setDaemon(true);
    thread.start();
    return beside;
  }

  /** Waits for the result; a failure is thrown here as the work threw it. */
  T join() {
    try {
      return result.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }
}
