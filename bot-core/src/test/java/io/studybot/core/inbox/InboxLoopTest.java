package io.studybot.core.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.studybot.core.chat.Platform;
import io.studybot.core.testing.MemoryInboxStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The inbox on its own threads: one chat's backlog never holds up another chat. */
class InboxLoopTest {

  private static InboxUpdate update(int id, String chat) {
    return new InboxUpdate(Platform.TELEGRAM, String.valueOf(id), chat, "u" + id);
  }

  @Test
  void aChatWithABacklogStuckInItsFirstUpdateDoesNotDelayAnotherChat() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch otherChatAnswered = new CountDownLatch(1);
    List<String> handled = new CopyOnWriteArrayList<>();
    MemoryInboxStore store = new MemoryInboxStore();
    InboxLoop loop = InboxLoop.start(store, Clock.systemUTC(), 4);
    try {
      loop.serve(
          Platform.TELEGRAM,
          update -> {
            if (update.lane().equals("flood")) {
              await(release);
            }
            handled.add(update.payload());
            if (!update.lane().equals("flood")) {
              otherChatAnswered.countDown();
            }
          });
      List<InboxUpdate> flood = new ArrayList<>();
      for (int i = 1; i <= 300; i++) {
        flood.add(update(i, "flood"));
      }
      loop.accept(flood);
      loop.accept(List.of(update(1000, "calm")));

      assertThat(otherChatAnswered.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(handled).containsExactly("u1000");

      release.countDown();
      for (int i = 0; i < 200 && store.depth() > 0; i++) {
        Thread.sleep(50);
      }
      assertThat(handled).hasSize(301);
      // The flooding chat's updates were handled in the order they came.
      assertThat(handled.subList(1, 4)).containsExactly("u1", "u2", "u3");
    } finally {
      release.countDown();
      loop.close();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
