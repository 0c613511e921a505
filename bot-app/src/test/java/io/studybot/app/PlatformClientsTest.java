package io.studybot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.requests.RestConfig;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.objects.User;

/** telegrambots and JDA share one OkHttp in one JVM: the clash is settled in the build. */
class PlatformClientsTest {

  @Test
  void exactlyOneOkHttpIsOnTheClassPath() throws IOException {
    List<URL> copies =
        Collections.list(getClass().getClassLoader().getResources("okhttp3/OkHttpClient.class"));
    assertThat(copies).hasSize(1);
  }

  @Test
  void bothClientsWorkOnTheSharedOkHttp() throws Exception {
    List<String> requests = new CopyOnWriteArrayList<>();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          requests.add(path + " " + exchange.getRequestHeaders().getFirst("Authorization"));
          boolean discord = path.startsWith("/discord/");
          byte[] body =
              (discord
                      ? "{\"message\":\"401: Unauthorized\",\"code\":0}"
                      : "{\"ok\":true,\"result\":{\"id\":7,\"is_bot\":true,\"first_name\":\"StudyBot\",\"username\":\"study_bot\"}}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(discord ? 401 : 200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    try {
      OkHttpClient http = new OkHttpClient();
      TelegramUrl url =
          TelegramUrl.builder()
              .schema("http")
              .host("127.0.0.1")
              .port(server.getAddress().getPort())
              .build();
      User me = new OkHttpTelegramClient(http, "123:test", url).execute(new GetMe());
      assertThat(me.getUserName()).isEqualTo("study_bot");

      // JDA checks its token with a REST call before it opens the gateway: a refusal from this
      // server proves the call went out through the shared client and its answer was read.
      String discordBase = "http://127.0.0.1:" + server.getAddress().getPort() + "/discord/";
      JDABuilder discord =
          JDABuilder.createLight("test-token")
              .setHttpClient(http)
              .setRestConfig(new RestConfig().setBaseUrl(discordBase))
              .setEnableShutdownHook(false);
      assertThatThrownBy(discord::build).isInstanceOf(InvalidTokenException.class);
      assertThat(requests).contains("/discord/users/@me Bot test-token");
    } finally {
      server.stop(0);
    }
  }
}
