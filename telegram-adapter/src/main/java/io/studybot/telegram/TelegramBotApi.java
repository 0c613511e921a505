package io.studybot.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.botapimethods.PartialBotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;

/**
 * Calls one Bot API method with telegrambots' method objects and reads the outcome from the HTTP
 * answer. telegrambots' own client reports a message as failed when only its result fails to parse
 * (an emulator's millisecond dates, a field newer than the library), and a send that Telegram
 * accepted must never be retried as if it had failed.
 */
final class TelegramBotApi {
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final MediaType PNG = MediaType.get("image/png");

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
    RequestBody payload =
        method instanceof SendPhoto photo
            ? upload(photo)
            : RequestBody.create(json.writeValueAsString(method), JSON);
    Request request =
        new Request.Builder().url(methodUrl(method.getMethod())).post(payload).build();
    try (Response response = http.newCall(request).execute()) {
      ResponseBody body = response.body();
      return BotApiAnswer.parse(response.code(), body == null ? "" : body.string(), json);
    }
  }

  /**
   * A photo goes up as a multipart form. Its bytes come from a stream the gateway made over an
   * array; the stream is reset after reading so a retry sends the same picture again.
   */
  private static RequestBody upload(SendPhoto photo) throws IOException {
    InputStream stream = photo.getPhoto().getNewMediaStream();
    byte[] png = stream.readAllBytes();
    stream.reset();
    MultipartBody.Builder form =
        new MultipartBody.Builder()
            .setType(MultipartBody.FORM)
            .addFormDataPart("chat_id", photo.getChatId())
            .addFormDataPart(
                "photo", photo.getPhoto().getMediaName(), RequestBody.create(png, PNG));
    if (photo.getMessageThreadId() != null) {
      form.addFormDataPart("message_thread_id", String.valueOf(photo.getMessageThreadId()));
    }
    if (photo.getCaption() != null) {
      form.addFormDataPart("caption", photo.getCaption());
    }
    return form.build();
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
