package io.studybot.core.chat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The outbound gateways of the platforms this instance serves, one per platform. */
public final class ChatGateways {
  private final Map<Platform, ChatGateway> byPlatform = new EnumMap<>(Platform.class);

  private ChatGateways(List<ChatGateway> gateways) {
    for (ChatGateway gateway : gateways) {
      if (byPlatform.put(gateway.platform(), gateway) != null) {
        throw new IllegalArgumentException("two gateways for " + gateway.platform());
      }
    }
  }

  public static ChatGateways of(List<ChatGateway> gateways) {
    return new ChatGateways(gateways);
  }

  public static ChatGateways of(ChatGateway... gateways) {
    return new ChatGateways(List.of(gateways));
  }

  /** The platforms served here. */
  public Set<Platform> platforms() {
    return byPlatform.keySet();
  }

  public Optional<ChatGateway> find(Platform platform) {
    return Optional.ofNullable(byPlatform.get(platform));
  }
}
