package io.studybot.telegram;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Runs updates on a few worker threads, each chat always on the same one: a chat's updates are
 * handled in order (an answer never overtakes the quiz it answers), different chats in parallel,
 * and a slow send to one chat does not hold up the poller.
 */
final class UpdateLanes implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(UpdateLanes.class);

  private final List<ExecutorService> lanes = new ArrayList<>();
  private final Consumer<Update> handler;

  UpdateLanes(int count, Consumer<Update> handler) {
    this.handler = handler;
    for (int i = 0; i < count; i++) {
      String name = "telegram-updates-" + i;
      lanes.add(
          Executors.newSingleThreadExecutor(
              runnable -> {
                Thread thread = new Thread(runnable, name);
                thread.setDaemon(true);
                return thread;
              }));
    }
  }

  void submit(Update update) {
    int lane = Math.floorMod(Long.hashCode(chatKey(update)), lanes.size());
    try {
      lanes.get(lane).execute(() -> handler.accept(update));
    } catch (RejectedExecutionException e) {
      log.info("Update {} arrived while shutting down and was not handled", update.getUpdateId());
    }
  }

  private static long chatKey(Update update) {
    if (update.hasMessage() && update.getMessage().getChatId() != null) {
      return update.getMessage().getChatId();
    }
    if (update.getMyChatMember() != null && update.getMyChatMember().getChat() != null) {
      return update.getMyChatMember().getChat().getId();
    }
    if (update.hasCallbackQuery()) {
      var query = update.getCallbackQuery();
      if (query.getMessage() != null && query.getMessage().getChatId() != null) {
        return query.getMessage().getChatId();
      }
      if (query.getFrom() != null) {
        return query.getFrom().getId();
      }
    }
    return update.getUpdateId() == null ? 0 : update.getUpdateId();
  }

  /** Lets the updates already taken finish, for a while. */
  @Override
  public void close() {
    lanes.forEach(ExecutorService::shutdown);
    for (ExecutorService lane : lanes) {
      try {
        if (!lane.awaitTermination(10, TimeUnit.SECONDS)) {
          lane.shutdownNow();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        lane.shutdownNow();
      }
    }
  }
}
