package io.studybot.discord;

import static io.studybot.discord.FakeDiscord.Place.dm;
import static io.studybot.discord.FakeDiscord.Place.serverChannel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.studybot.core.chat.ChatHandler;
import io.studybot.core.chat.ChatKind;
import io.studybot.core.chat.ChatRef;
import io.studybot.core.chat.OutgoingMessage;
import io.studybot.core.chat.Platform;
import io.studybot.core.chat.Reply;
import io.studybot.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.restaction.interactions.ReplyCallbackAction;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.Test;

/** Discord's three seconds to acknowledge an interaction, kept under load and slow answers. */
class InteractionDeadlineTest {
  private static final Duration DISCORD_LIMIT = Duration.ofSeconds(3);

  private final FakeDiscord discord = new FakeDiscord();
  private final VirtualTimer timer = new VirtualTimer(discord.clock);
  private final List<Runnable> queuedWork = new ArrayList<>();
  private final JdaChatGateway gateway = new JdaChatGateway(discord.connection, ShardRange.WHOLE);

  @Test
  void aBurstOfFiftySlowInteractionsIsEachAcknowledgedWithinThreeSeconds() {
    discord.roundTrip = Duration.ofMillis(150); // what a blocking call to Discord waits
    ChatHandler slowCore =
        event -> {
          discord.clock.advance(Duration.ofSeconds(4));
          return List.of(new Reply(event.chat(), OutgoingMessage.text("Done")));
        };
    // The workers are all busy: nothing queued runs until the test says so.
    DiscordInteractionListener listener =
        new DiscordInteractionListener(
            slowCore, gateway, queuedWork::add, Watchdog.after(DiscordAdapter.DEFER_AFTER, timer));
    Instant start = discord.clock.instant();
    Map<Integer, Instant> arrivals = new LinkedHashMap<>();

    for (int i = 1; i <= 50; i++) {
      Instant arrival = start.plusMillis(20L * (i - 1)); // 50 within one second
      timer.runUntil(arrival);
      arrivals.put(i, arrival);
      if (i % 2 == 0) {
        listener.onButtonInteraction(discord.press("cmd:quiz", "9001", dm()));
      } else {
        listener.onSlashCommandInteraction(
            discord.slash("progress", Map.of(), serverChannel("700")));
      }
    }
    timer.runUntil(start.plus(Duration.ofSeconds(10)));
    runQueuedWork();

    arrivals.forEach(
        (interaction, arrival) -> {
          List<FakeDiscord.Shown> answers = shownFor(interaction);
          assertThat(answers).as("interaction %d", interaction).isNotEmpty();
          assertThat(answers.get(0).how).isIn("defer", "deferEdit");
          assertThat(answers.get(0).at)
              .as("interaction %d, arrived at %s", interaction, arrival)
              .isBefore(arrival.plus(DISCORD_LIMIT));
          assertThat(answers).anySatisfy(shown -> assertThat(shown.text()).contains("Done"));
        });
  }

  @Test
  void theDeadlineNeverWaitsForAnAnswerStillOnItsWayToDiscord() throws InterruptedException {
    SlashCommandInteractionEvent event = discord.slash("today", Map.of(), serverChannel("700"));
    CountDownLatch inFlight = new CountDownLatch(1);
    CountDownLatch discordAnswers = new CountDownLatch(1);
    ReplyCallbackAction slowReply = mock(ReplyCallbackAction.class);
    when(slowReply.setEphemeral(anyBoolean())).thenReturn(slowReply);
    when(slowReply.complete())
        .thenAnswer(
            call -> {
              inFlight.countDown();
              discordAnswers.await();
              return event.getHook();
            });
    when(event.reply(any(MessageCreateData.class))).thenReturn(slowReply);
    InteractionReply reply = new InteractionReply(event, channel(), Optional.empty(), false);
    Thread worker =
        new Thread(
            () ->
                reply.send(
                    List.of(MessageCreateData.fromContent("Day 1")), Optional.empty(), false));
    worker.start();
    try {
      assertThat(inFlight.await(10, TimeUnit.SECONDS)).isTrue();

      // The one deadline thread defers every slow interaction: it must not wait here.
      assertTimeoutPreemptively(Duration.ofSeconds(5), reply::deferIfUnanswered);
    } finally {
      discordAnswers.countDown();
      worker.join();
    }
    assertThat(discord.hows()).doesNotContain("defer"); // the answer in flight acknowledges it
  }

  @Test
  void theDeadlineSendsTheDeferralWithoutWaitingForDiscordsAnswer() {
    SlashCommandInteractionEvent event = discord.slash("today", Map.of(), serverChannel("700"));
    ReplyCallbackAction deferral = mock(ReplyCallbackAction.class);
    when(deferral.submit()).thenReturn(new CompletableFuture<>()); // Discord has not answered
    when(event.deferReply(anyBoolean())).thenReturn(deferral);
    InteractionReply reply = new InteractionReply(event, channel(), Optional.empty(), false);

    reply.deferIfUnanswered();

    verify(deferral).submit();
    verify(deferral, never()).complete();
  }

  @Test
  void aDeferralDiscordRefusedFailsTheAnswerWithDiscordsOwnError() {
    SlashCommandInteractionEvent event = discord.slash("today", Map.of(), serverChannel("700"));
    ErrorResponseException expired = mock(ErrorResponseException.class);
    when(expired.getErrorResponse()).thenReturn(ErrorResponse.UNKNOWN_INTERACTION);
    ReplyCallbackAction deferral = mock(ReplyCallbackAction.class);
    when(deferral.submit()).thenReturn(CompletableFuture.<InteractionHook>failedFuture(expired));
    when(event.deferReply(anyBoolean())).thenReturn(deferral);
    InteractionReply reply = new InteractionReply(event, channel(), Optional.empty(), false);
    reply.deferIfUnanswered();

    assertThatThrownBy(
            () ->
                reply.send(
                    List.of(MessageCreateData.fromContent("Day 1")), Optional.empty(), false))
        .isSameAs(expired);
  }

  private static ChatRef channel() {
    return new ChatRef(Platform.DISCORD, "700", ChatKind.GROUP);
  }

  private List<FakeDiscord.Shown> shownFor(int interaction) {
    synchronized (discord.shown) {
      return discord.shown.stream().filter(shown -> shown.interaction == interaction).toList();
    }
  }

  /** The workers get to the queued work, one after another. */
  private void runQueuedWork() {
    List<Runnable> work = List.copyOf(queuedWork);
    queuedWork.clear();
    work.forEach(Runnable::run);
  }

  /**
   * One scheduler thread on a virtual clock: each task runs at its time, or once the one before it
   * returned if that took longer (a task that blocks moves the clock on).
   */
  static final class VirtualTimer implements Watchdog.Timer {
    private record Task(Instant due, long order, Runnable work, AtomicBoolean cancelled) {}

    private final MutableClock clock;
    private final PriorityQueue<Task> tasks =
        new PriorityQueue<>(Comparator.comparing(Task::due).thenComparingLong(Task::order));
    private long scheduled;

    VirtualTimer(MutableClock clock) {
      this.clock = clock;
    }

    @Override
    public Runnable schedule(Runnable work, Duration delay) {
      Task task = new Task(clock.instant().plus(delay), scheduled++, work, new AtomicBoolean());
      tasks.add(task);
      return () -> task.cancelled().set(true);
    }

    void runUntil(Instant end) {
      while (!tasks.isEmpty() && !tasks.peek().due().isAfter(end)) {
        Task next = tasks.poll();
        if (clock.instant().isBefore(next.due())) {
          clock.set(next.due());
        }
        if (!next.cancelled().get()) {
          next.work().run();
        }
      }
      if (clock.instant().isBefore(end)) {
        clock.set(end);
      }
    }
  }
}
