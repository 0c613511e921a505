package io.studybot.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.botapimethods.PartialBotApiMethod;

/**
 * Calls one Bot API method with telegrambots' method objects and reads the outcome from the HTTP
 * answer. telegrambots' own client reports a message as failed when only its result fails to parse
 * (an emulator's millisecond dates, a field newer than the library), and a send that Telegram
 * accepted must never be retried as if it had failed.
 */
final class TelegramBotApi {
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private final OkHttpClient http;
  private final ObjectMapper json;
  private final String token;
  private final TelegramUrl url;

  TelegramBotApi(OkHttpClient http, ObjectMapper json, String token, TelegramUrl url) {
    this.http = http;
    this.json = json;
    this.token = token;
    this.url = url;
  }

  /** The Bot API address in telegrambots' terms; the URL's path, if any, is not supported. */
  static TelegramUrl telegramUrl(URI apiUrl) {
    String scheme = apiUrl.getScheme();
    int port = apiUrl.getPort() >= 0 ? apiUrl.getPort() : "https".equals(scheme) ? 443 : 80;
    return TelegramUrl.builder()
        .schema(scheme)
        .host(apiUrl.getHost())
        .port(port)
        .testServer(false)
        .build();
  }

  ObjectMapper json() {
    return json;
  }

  BotApiAnswer call(PartialBotApiMethod<?> method) throws IOException {
    Request request =
        new Request.Builder()
            .url(methodUrl(method.getMethod()))
            .post(RequestBody.create(json.writeValueAsString(method), JSON))
            .build();
    try (Response response = http.newCall(request).execute()) {
      ResponseBody body = response.body();
      return BotApiAnswer.parse(response.code(), body == null ? "" : body.string(), json);
    }
  }

  private HttpUrl methodUrl(String method) {
    // The token is part of the path; OkHttp's own logging is off, and we never log URLs.
    return new HttpUrl.Builder()
        .scheme(url.getSchema())
        .host(url.getHost())
        .port(url.getPort())
        .addPathSegment("bot" + token)
        .addPathSegment(method)
        .build();
  }
}
