package io.studybot.core.study;

import io.studybot.core.chat.ChatKind;
import io.studybot.core.chat.ChatRef;
import io.studybot.core.chat.Platform;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** A chat as stored: its platform and the platform's id for it. */
@Embeddable
public class ChatAddress {
  @Enumerated(EnumType.STRING)
  @Column(name = "chat_platform")
  private Platform platform;

  @Column(name = "chat_id")
  private String chatId;

  protected ChatAddress() {}

  public ChatAddress(ChatRef chat) {
    this.platform = chat.platform();
    this.chatId = chat.id();
  }

  public boolean is(ChatRef chat) {
    return platform == chat.platform() && chatId.equals(chat.id());
  }

  public ChatRef as(ChatKind kind) {
    return new ChatRef(platform, chatId, kind);
  }
}
