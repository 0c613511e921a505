package io.studybot.core.testing;

import io.studybot.core.chat.Button;
import io.studybot.core.chat.ChatGateway;
import io.studybot.core.chat.ChatRef;
import io.studybot.core.chat.OutgoingMessage;
import io.studybot.core.chat.Platform;
import java.util.ArrayList;
import java.util.List;

/** A gateway that remembers what it was asked to send, for conversation tests. */
public final class FakeChatGateway implements ChatGateway {
  /** One message as the fake received it. */
  public record Sent(ChatRef chat, OutgoingMessage message, String id, java.time.Instant at) {
    public String text() {
      return message.plainText();
    }

    public List<Button> buttons() {
      return message.buttons().stream().flatMap(List::stream).toList();
    }
  }

  private final Platform platform;
  private final java.time.Clock clock;
  private final List<Sent> sent = new ArrayList<>();
  private final java.util.Set<ChatRef> blocked = new java.util.HashSet<>();
  private int transientFailuresLeft;

  public FakeChatGateway(Platform platform) {
    this(platform, java.time.Clock.systemUTC());
  }

  public FakeChatGateway(Platform platform, java.time.Clock clock) {
    this.platform = platform;
    this.clock = clock;
  }

  /** From now on sending to the chat fails for good, as if the user blocked the bot. */
  public synchronized void block(ChatRef chat) {
    blocked.add(chat);
  }

  /** The next {@code count} sends fail as if the network dropped. */
  public synchronized void failNext(int count) {
    transientFailuresLeft = count;
  }

  @Override
  public Platform platform() {
    return platform;
  }

  @Override
  public synchronized String send(ChatRef chat, OutgoingMessage message) {
    if (blocked.contains(chat)) {
      throw new io.studybot.core.chat.DeliveryException("blocked by the user", true, null);
    }
    if (transientFailuresLeft > 0) {
      transientFailuresLeft--;
      throw new io.studybot.core.chat.DeliveryException("network down", false, null);
    }
    String id = String.valueOf(sent.size() + 1);
    sent.add(new Sent(chat, message, id, clock.instant()));
    return id;
  }

  public synchronized List<Sent> sentTo(ChatRef chat) {
    return sent.stream().filter(message -> message.chat().equals(chat)).toList();
  }

  public synchronized Sent lastTo(ChatRef chat) {
    List<Sent> messages = sentTo(chat);
    if (messages.isEmpty()) {
      throw new AssertionError("nothing was sent to " + chat);
    }
    return messages.get(messages.size() - 1);
  }

  public synchronized List<Sent> all() {
    return List.copyOf(sent);
  }

  public synchronized void clear() {
    sent.clear();
  }
}
