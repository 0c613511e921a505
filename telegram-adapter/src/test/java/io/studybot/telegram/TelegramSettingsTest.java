package io.studybot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.TelegramUrl;

class TelegramSettingsTest {

  @Test
  void theTokenAndTheSecretNeverShowInToString() {
    TelegramSettings settings =
        new TelegramSettings(
            "123:very-secret-token",
            TelegramSettings.DEFAULT_API_URL,
            Optional.of(URI.create("https://bot.example.org/hook")),
            Optional.of("hook-secret"),
            8443,
            TelegramSettings.DEFAULT_RATE_LIMITS);

    assertThat(settings.toString()).doesNotContain("very-secret-token", "hook-secret");
  }

  @Test
  void withoutAConfiguredSecretEveryInstanceDerivesTheSameOneFromTheToken() {
    TelegramSettings one =
        TelegramSettings.longPolling("123:abc", TelegramSettings.DEFAULT_API_URL);
    TelegramSettings two =
        TelegramSettings.longPolling("123:abc", URI.create("http://127.0.0.1:9000"));
    TelegramSettings other =
        TelegramSettings.longPolling("123:abd", TelegramSettings.DEFAULT_API_URL);

    assertThat(one.effectiveWebhookSecret())
        .isEqualTo(two.effectiveWebhookSecret())
        .isNotEqualTo(other.effectiveWebhookSecret())
        .matches("[0-9a-f]{64}")
        .doesNotContain("123:abc");
  }

  @Test
  void aBlankTokenIsRefused() {
    assertThatThrownBy(() -> TelegramSettings.longPolling(" ", TelegramSettings.DEFAULT_API_URL))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theApiUrlBecomesTelegrambotsUrlWithDefaultPorts() {
    TelegramUrl telegram = TelegramBotApi.telegramUrl(TelegramSettings.DEFAULT_API_URL);
    TelegramUrl emulator = TelegramBotApi.telegramUrl(URI.create("http://127.0.0.1:9001"));

    assertThat(telegram.getSchema()).isEqualTo("https");
    assertThat(telegram.getHost()).isEqualTo("api.telegram.org");
    assertThat(telegram.getPort()).isEqualTo(443);
    assertThat(emulator.getSchema()).isEqualTo("http");
    assertThat(emulator.getPort()).isEqualTo(9001);
    assertThat(TelegramBotApi.telegramUrl(URI.create("http://localhost")).getPort()).isEqualTo(80);
  }
}
