package io.studybot.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.studybot.core.chat.ChatGateway;
import io.studybot.core.chat.ChatGateways;
import io.studybot.core.chat.ChatKind;
import io.studybot.core.chat.ChatRef;
import io.studybot.core.chat.DeliveryException;
import io.studybot.core.chat.OutgoingMessage;
import io.studybot.core.chat.Platform;
import io.studybot.core.chat.RateLimits;
import io.studybot.core.chat.Reply;
import io.studybot.core.testing.MutableClock;
import io.studybot.core.testing.TestScopes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The sender's interleaving, pacing and failure handling, on an outbox in memory. */
class OutboxSenderTest {
  private static final Instant T0 = Instant.parse("2026-05-04T18:00:00Z");
  private static final RateLimits TELEGRAM =
      new RateLimits(30, Duration.ofSeconds(1), Duration.ofSeconds(3));
  private static final int QUIZ_MESSAGES = 4;

  private final MutableClock clock = new MutableClock(T0);
  private final MemoryOutbox outbox = new MemoryOutbox();
  private final List<String> moves = new ArrayList<>();

  @Test
  void aGroupWaitingForItsGapDoesNotHoldThePrivateChatsQueuedAfterIt() throws Exception {
    ChatRef group = chat("-100", ChatKind.GROUP);
    outbox.add(group, T0);
    List<ChatRef> learners = privateChats(10);
    learners.forEach(learner -> outbox.add(learner, T0));
    RecordingGateway gateway = new RecordingGateway(TELEGRAM, (chat, n) -> null);

    int sent = sender(gateway).drain();

    assertThat(sent).isEqualTo(11);
    for (ChatRef learner : learners) {
      // four messages a second apart: done three seconds in, not after the group's nine
      assertThat(gateway.times(learner)).hasSize(QUIZ_MESSAGES).last().isEqualTo(T0.plusSeconds(3));
    }
    assertThat(gateway.times(group))
        .containsExactly(T0, T0.plusSeconds(3), T0.plusSeconds(6), T0.plusSeconds(9));
    assertThat(gateway.texts(group)).containsExactly("m1", "m2", "m3", "m4");
    assertThat(gateway.mostInOneSecond()).isLessThanOrEqualTo(TELEGRAM.messagesPerSecond());
    assertThat(outbox.rows())
        .allSatisfy(row -> assertThat(row.status).isEqualTo(MemoryOutbox.Status.SENT));
  }

  @Test
  void theOverallRateIsKeptWhileEveryChatGetsItsMessagesInOrder() throws Exception {
    List<ChatRef> learners = privateChats(60);
    learners.forEach(learner -> outbox.add(learner, T0));
    RecordingGateway gateway = new RecordingGateway(TELEGRAM, (chat, n) -> null);

    sender(gateway).drain();

    assertThat(gateway.total()).isEqualTo(60 * QUIZ_MESSAGES);
    assertThat(gateway.mostInOneSecond()).isEqualTo(30);
    for (ChatRef learner : learners) {
      assertThat(gateway.texts(learner)).containsExactly("m1", "m2", "m3", "m4");
    }
    // 240 messages at 30 a second: eight seconds, not the 240 s of one message after another
    assertThat(gateway.last()).isBefore(T0.plusSeconds(8));
  }

  @Test
  void aFloodWaitHoldsOnlyItsChatForTheTimeAskedAndCostsNoAttempt() throws Exception {
    ChatRef flooded = chat("1", ChatKind.PRIVATE);
    ChatRef other = chat("2", ChatKind.PRIVATE);
    outbox.add(flooded, T0);
    outbox.add(other, T0);
    RecordingGateway gateway =
        new RecordingGateway(
            TELEGRAM,
            (chat, n) ->
                chat.equals(flooded) && n == 1
                    ? DeliveryException.floodWait("Too Many Requests", Duration.ofSeconds(20))
                    : null);

    sender(gateway).drain();

    assertThat(gateway.times(other)).first().isEqualTo(T0);
    assertThat(gateway.times(other)).last().isEqualTo(T0.plusSeconds(3));
    assertThat(gateway.times(flooded)).first().isEqualTo(T0.plusSeconds(20));
    assertThat(gateway.texts(flooded)).containsExactly("m1", "m2", "m3", "m4");
    assertThat(outbox.rows()).allSatisfy(row -> assertThat(row.attempts).isZero());
    assertThat(outbox.rows())
        .allSatisfy(row -> assertThat(row.status).isEqualTo(MemoryOutbox.Status.SENT));
  }

  @Test
  void aMovedChatIsMovedAndItsDeliveryQueuedAgainAtOnce() throws Exception {
    ChatRef old = chat("-1", ChatKind.GROUP);
    MemoryOutbox.Row row = outbox.add(old, T0);
    RecordingGateway gateway =
        new RecordingGateway(
            TELEGRAM,
            (chat, n) ->
                chat.equals(old) ? DeliveryException.chatMoved("upgraded", "-1002") : null);

    sender(gateway).drain();

    assertThat(moves).containsExactly("-1->-1002");
    assertThat(row.status).isEqualTo(MemoryOutbox.Status.PENDING);
    assertThat(row.attempts).isZero();
    assertThat(row.notBefore).isBeforeOrEqualTo(clock.instant());
  }

  @Test
  void aTransientFailureRetriesTheDeliveryLaterWithoutHoldingTheOthers() throws Exception {
    ChatRef failing = chat("1", ChatKind.PRIVATE);
    ChatRef other = chat("2", ChatKind.PRIVATE);
    MemoryOutbox.Row failed = outbox.add(failing, T0);
    outbox.add(other, T0);
    RecordingGateway gateway =
        new RecordingGateway(
            TELEGRAM,
            (chat, n) ->
                chat.equals(failing) && n == 2
                    ? new DeliveryException("Bad Gateway", false, null)
                    : null);

    sender(gateway).drain();

    assertThat(gateway.texts(other)).containsExactly("m1", "m2", "m3", "m4");
    assertThat(failed.attempts).isEqualTo(1);
    assertThat(failed.status).isEqualTo(MemoryOutbox.Status.PENDING);
    assertThat(failed.notBefore).isAfter(T0.plusSeconds(9));
  }

  @Test
  void sentFailedAndRetriedDeliveriesAreCountedByPlatformAndKind() throws Exception {
    ChatRef fine = chat("1", ChatKind.PRIVATE);
    ChatRef flaky = chat("2", ChatKind.PRIVATE);
    ChatRef blocked = chat("3", ChatKind.PRIVATE);
    outbox.add(fine, T0);
    outbox.add(flaky, T0);
    outbox.add(blocked, T0);
    RecordingGateway gateway =
        new RecordingGateway(
            TELEGRAM,
            (chat, n) -> {
              if (chat.equals(flaky) && n == 1) {
                return new DeliveryException("Bad Gateway", false, null);
              }
              return chat.equals(blocked) ? new DeliveryException("blocked", true, null) : null;
            });
    SimpleMeterRegistry registry = new SimpleMeterRegistry();

    sender(gateway).withMetrics(new DeliveryMetrics(registry)).drain();

    assertThat(count(registry, DeliveryMetrics.SENT)).isEqualTo(1);
    assertThat(count(registry, DeliveryMetrics.RETRIED)).isEqualTo(1);
    assertThat(count(registry, DeliveryMetrics.FAILED)).isEqualTo(1);
  }

  private static double count(SimpleMeterRegistry registry, String name) {
    return registry.get(name).tag("platform", "telegram").tag("kind", "quiz").counter().count();
  }

  @Test
  void aClaimWaitingLongerThanItsLeaseIsRenewedSoNoOtherSenderTakesIt() throws Exception {
    ChatRef flooded = chat("1", ChatKind.PRIVATE);
    outbox.add(flooded, T0);
    List<Integer> claimableMeanwhile = new ArrayList<>();
    RecordingGateway gateway =
        new RecordingGateway(
            TELEGRAM,
            (chat, n) -> {
              if (n == 1) {
                return DeliveryException.floodWait("Too Many Requests", Duration.ofMinutes(2));
              }
              if (n == 2) { // two minutes on, four leases later: is the entry still ours?
                claimableMeanwhile.add(
                    outbox.claim(clock.instant(), OutboxSender.LEASE, 10, TestScopes.ALL).size());
              }
              return null;
            });

    sender(gateway).drain();

    assertThat(claimableMeanwhile).containsExactly(0);
    assertThat(gateway.texts(flooded)).containsExactly("m1", "m2", "m3", "m4");
  }

  @Test
  void aStopPutsBackWhatWasClaimedButNotSentForTheNextStartToSendAtOnce() throws Exception {
    ChatRef flooded = chat("1", ChatKind.PRIVATE);
    ChatRef other = chat("2", ChatKind.PRIVATE);
    MemoryOutbox.Row waiting = outbox.add(flooded, T0);
    MemoryOutbox.Row done = outbox.add(other, T0);
    RecordingGateway gateway =
        new RecordingGateway(
            TELEGRAM,
            (chat, n) ->
                chat.equals(flooded)
                    ? DeliveryException.floodWait("Too Many Requests", Duration.ofHours(1))
                    : null);
    OutboxSender sender =
        new OutboxSender(
            outbox,
            preparer(),
            ChatGateways.of(gateway),
            clock,
            wait -> {
              if (clock.instant().isAfter(T0.plusSeconds(30))) {
                throw new InterruptedException("stopping"); // the shutdown interrupts the wait
              }
              clock.advance(wait);
            });

    assertThatThrownBy(sender::drain).isInstanceOf(InterruptedException.class);
    sender.release();

    assertThat(done.status).isEqualTo(MemoryOutbox.Status.SENT);
    assertThat(waiting.status).isEqualTo(MemoryOutbox.Status.PENDING);
    assertThat(waiting.notBefore).isEqualTo(clock.instant());
    assertThat(waiting.attempts).isZero();
  }

  @Test
  void concurrentWorkersSendEveryMessageOnceAndInOrderPerChat() throws Exception {
    List<ChatRef> learners = privateChats(300);
    Instant now = Instant.now();
    learners.forEach(learner -> outbox.add(learner, now.minusSeconds(1)));
    RecordingGateway gateway = new RecordingGateway(RateLimits.UNLIMITED, (chat, n) -> null);
    ExecutorService workers = Executors.newFixedThreadPool(10);
    try {
      OutboxSender sender =
          OutboxSender.concurrent(
              outbox,
              preparer(),
              ChatGateways.of(gateway),
              java.time.Clock.systemUTC(),
              SendScope.of(EnumSet.of(Platform.TELEGRAM)),
              workers,
              8);
      assertThat(sender.drain()).isEqualTo(300);
    } finally {
      workers.shutdown();
    }
    assertThat(gateway.total()).isEqualTo(300 * QUIZ_MESSAGES);
    for (ChatRef learner : learners) {
      assertThat(gateway.texts(learner)).containsExactly("m1", "m2", "m3", "m4");
    }
  }

  private OutboxSender sender(ChatGateway gateway) {
    return new OutboxSender(outbox, preparer(), ChatGateways.of(gateway), clock, clock::advance);
  }

  /** Four messages per delivery, like an evening quiz: an intro and three questions. */
  private DeliveryPreparer preparer() {
    return new DeliveryPreparer() {
      @Override
      public List<Reply> prepare(OutboxEntry entry) {
        return IntStream.rangeClosed(1, QUIZ_MESSAGES)
            .mapToObj(i -> new Reply(entry.chat(), OutgoingMessage.text("m" + i)))
            .toList();
      }

      @Override
      public void stopDeliveries(OutboxEntry entry) {}

      @Override
      public void chatMoved(OutboxEntry entry, String newChatId) {
        moves.add(entry.chat().id() + "->" + newChatId);
      }
    };
  }

  private static List<ChatRef> privateChats(int count) {
    return IntStream.rangeClosed(1, count).mapToObj(i -> chat("u" + i, ChatKind.PRIVATE)).toList();
  }

  private static ChatRef chat(String id, ChatKind kind) {
    return new ChatRef(Platform.TELEGRAM, id, kind);
  }

  /** Records what each chat got and when; {@code failure} may refuse the n-th send to a chat. */
  private final class RecordingGateway implements ChatGateway {
    private final RateLimits limits;
    private final BiFunction<ChatRef, Integer, DeliveryException> failure;
    private final Map<ChatRef, List<Instant>> times = new HashMap<>();
    private final Map<ChatRef, List<String>> texts = new HashMap<>();
    private final Map<ChatRef, Integer> attempts = new HashMap<>();
    private final List<Instant> all = new ArrayList<>();

    RecordingGateway(RateLimits limits, BiFunction<ChatRef, Integer, DeliveryException> failure) {
      this.limits = limits;
      this.failure = failure;
    }

    @Override
    public Platform platform() {
      return Platform.TELEGRAM;
    }

    @Override
    public RateLimits rateLimits() {
      return limits;
    }

    @Override
    public synchronized String send(ChatRef chat, OutgoingMessage message) {
      int n = attempts.merge(chat, 1, Integer::sum);
      DeliveryException refusal = failure.apply(chat, n);
      if (refusal != null) {
        throw refusal;
      }
      Instant at = limits == RateLimits.UNLIMITED ? Instant.EPOCH : clock.instant();
      times.computeIfAbsent(chat, c -> new ArrayList<>()).add(at);
      texts.computeIfAbsent(chat, c -> new ArrayList<>()).add(message.plainText());
      all.add(at);
      return String.valueOf(all.size());
    }

    synchronized List<Instant> times(ChatRef chat) {
      return times.getOrDefault(chat, List.of());
    }

    synchronized List<String> texts(ChatRef chat) {
      return texts.getOrDefault(chat, List.of());
    }

    synchronized Instant last() {
      return Collections.max(all);
    }

    synchronized int total() {
      return all.size();
    }

    /** The most messages sent within any one second. */
    synchronized int mostInOneSecond() {
      List<Instant> sorted = new ArrayList<>(all);
      Collections.sort(sorted);
      int most = 0;
      int start = 0;
      for (int end = 0; end < sorted.size(); end++) {
        while (!sorted.get(start).plusSeconds(1).isAfter(sorted.get(end))) {
          start++;
        }
        most = Math.max(most, end - start + 1);
      }
      return most;
    }
  }
}
