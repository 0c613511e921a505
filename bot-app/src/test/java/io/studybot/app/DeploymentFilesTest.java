package io.studybot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Docker is not needed to build or test StudyBot, so its files are checked here: the compose file
 * parses and wires what the README documents, and the Dockerfile keeps its promises.
 */
class DeploymentFilesTest {
  private static final Path ROOT = Path.of("..");

  @Test
  @SuppressWarnings("unchecked")
  void composeRunsTheBotOnAHealthyPostgresWithNamedVolumesAndDocumentedSettings()
      throws IOException {
    Map<String, Object> compose =
        new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
    Map<String, Object> services = (Map<String, Object>) compose.get("services");
    assertThat(services).containsOnlyKeys("postgres", "studybot");
    assertThat((Map<String, Object>) compose.get("volumes"))
        .containsKeys("postgres-data", "studybot-data");

    Map<String, Object> postgres = (Map<String, Object>) services.get("postgres");
    assertThat(postgres).containsKey("healthcheck");
    assertThat((List<String>) postgres.get("volumes"))
        .contains("postgres-data:/var/lib/postgresql/data");

    Map<String, Object> bot = (Map<String, Object>) services.get("studybot");
    assertThat(bot.get("depends_on"))
        .isEqualTo(Map.of("postgres", Map.of("condition", "service_healthy")));
    assertThat((List<String>) bot.get("volumes")).contains("studybot-data:/data");
    Map<String, Object> environment = (Map<String, Object>) bot.get("environment");
    assertThat(environment)
        .containsEntry("STUDYBOT_DB_URL", "jdbc:postgresql://postgres:5432/studybot")
        .containsEntry("STUDYBOT_HTTP_PORT", "8080");
    String readme = Files.readString(ROOT.resolve("README.md"));
    assertThat(environment.keySet())
        .allSatisfy(name -> assertThat(readme).contains("| `" + name + "` |"));
  }

  @Test
  void theDockerfileBuildsInAMavenStageAndRunsTheJarUnprivilegedWithAHealthCheck()
      throws IOException {
    String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
    assertThat(count(dockerfile, "(?m)^FROM ")).isEqualTo(2);
    assertThat(dockerfile)
        .contains("FROM maven:3.9-eclipse-temurin-17 AS build")
        .contains("FROM eclipse-temurin:17-jre")
        .contains("COPY --from=build /src/bot-app/target/studybot.jar")
        .contains("EXPOSE 8080")
        .contains("VOLUME /data")
        .containsPattern("(?m)^USER studybot$")
        .containsPattern("(?s)HEALTHCHECK .*/health");
    // Every setting the image fixes is one the README documents.
    Matcher env = Pattern.compile("(STUDYBOT_[A-Z_]+)=").matcher(dockerfile);
    String readme = Files.readString(ROOT.resolve("README.md"));
    while (env.find()) {
      assertThat(readme).contains("| `" + env.group(1) + "` |");
    }
  }

  private static int count(String text, String regex) {
    Matcher matcher = Pattern.compile(regex).matcher(text);
    int count = 0;
    while (matcher.find()) {
      count++;
    }
    return count;
  }
}
