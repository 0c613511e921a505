package io.studybot.telegram;

import io.studybot.core.chat.ChatLifecycle;
import io.studybot.core.chat.ChatRef;
import io.studybot.core.chat.Platform;
import java.util.ArrayList;
import java.util.List;

/** A chat lifecycle that writes down what it was told, one line per signal. */
final class RecordingLifecycle implements ChatLifecycle {
  private final List<String> signals = new ArrayList<>();

  @Override
  public synchronized void chatGone(ChatRef chat) {
    signals.add("gone " + chat.id() + " " + chat.kind());
  }

  @Override
  public synchronized void chatMoved(ChatRef from, String newChatId) {
    signals.add("moved " + from.id() + " to " + newChatId);
  }

  @Override
  public synchronized void serverGone(Platform platform, String server) {
    signals.add("server gone " + server);
  }

  synchronized List<String> signals() {
    return List.copyOf(signals);
  }
}
