package io.studybot.discord;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;
import net.dv8tion.jda.api.utils.data.DataObject;

/**
 * Finds the gateway the way Discord documents it, by asking the REST base ({@code GET
 * /gateway/bot}). A single JDA session otherwise connects to Discord's fixed gateway address, which
 * is right only for Discord itself; behind another REST base (a local fake Discord) the gateway is
 * the one that base names. A {@code ShardManager} asks {@code /gateway/bot} on its own.
 */
final class RestGatewayController extends SessionControllerAdapter {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final URI apiUrl;
  private final String token;

  RestGatewayController(URI apiUrl, String token) {
    this.apiUrl = apiUrl;
    this.token = token;
  }

  /**
   * @throws InvalidTokenException when the REST base refuses the token
   * @throws IllegalStateException when it cannot be reached or names no gateway
   */
  @Override
  public String getGateway() {
    HttpRequest request =
        HttpRequest.newBuilder(apiUrl.resolve("gateway/bot"))
            .timeout(TIMEOUT)
            .header("Authorization", "Bot " + token)
            .GET()
            .build();
    HttpResponse<String> response;
    try {
      response =
          HttpClient.newBuilder()
              .connectTimeout(TIMEOUT)
              .build()
              .send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("GET /gateway/bot failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while asking for the gateway", e);
    }
    if (response.statusCode() == 401) {
      throw new InvalidTokenException();
    }
    if (response.statusCode() != 200) {
      throw new IllegalStateException("GET /gateway/bot answered HTTP " + response.statusCode());
    }
    return DataObject.fromJson(response.body()).getString("url");
  }
}
