package io.studybot.telegram;

import static java.util.Objects.requireNonNull;

import io.studybot.core.chat.RateLimits;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * How the adapter reaches Telegram: the bot token, the Bot API base URL (Telegram's own, or an
 * emulator's), and, for webhook mode, the public webhook URL, its secret token and the local port
 * to listen on. With no webhook URL the adapter polls. Secrets are kept out of {@link #toString()}.
 */
public record TelegramSettings(
    String token,
    URI apiUrl,
    Optional<URI> webhookUrl,
    Optional<String> webhookSecret,
    int webhookPort,
    RateLimits rateLimits) {

  /** Telegram's own Bot API. */
  public static final URI DEFAULT_API_URL = URI.create("https://api.telegram.org");

  /** The local port the webhook server listens on unless told otherwise. */
  public static final int DEFAULT_WEBHOOK_PORT = 8443;

  /**
   * Telegram's published limits: 30 messages a second overall, one a second in a private chat, 20 a
   * minute in a group.
   */
  public static final RateLimits DEFAULT_RATE_LIMITS =
      new RateLimits(30, Duration.ofSeconds(1), Duration.ofSeconds(3));

  public TelegramSettings {
    requireNonNull(token, "token");
    requireNonNull(apiUrl, "apiUrl");
    requireNonNull(webhookUrl, "webhookUrl");
    requireNonNull(webhookSecret, "webhookSecret");
    requireNonNull(rateLimits, "rateLimits");
    if (token.isBlank()) {
      throw new IllegalArgumentException("token is blank");
    }
    if (webhookPort < 0 || webhookPort > 65535) {
      throw new IllegalArgumentException("webhookPort out of range");
    }
  }

  /** Long polling against the given Bot API, with Telegram's default limits. */
  public static TelegramSettings longPolling(String token, URI apiUrl) {
    return new TelegramSettings(
        token,
        apiUrl,
        Optional.empty(),
        Optional.empty(),
        DEFAULT_WEBHOOK_PORT,
        DEFAULT_RATE_LIMITS);
  }

  /**
   * The secret Telegram sends back with every webhook request. Without a configured one it is
   * derived from the token, so every instance behind a load balancer agrees on it.
   */
  public String effectiveWebhookSecret() {
    return webhookSecret.orElseGet(
        () -> {
          try {
            byte[] digest =
                MessageDigest.getInstance("SHA-256")
                    .digest(("studybot-webhook:" + token).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
          } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
          }
        });
  }

  @Override
  public String toString() {
    return "TelegramSettings[apiUrl="
        + apiUrl
        + ", webhookUrl="
        + webhookUrl
        + ", webhookSecret="
        + (webhookSecret.isPresent() ? "set" : "derived")
        + ", webhookPort="
        + webhookPort
        + ", rateLimits="
        + rateLimits
        + "]";
  }
}
