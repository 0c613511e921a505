package io.studybot.core.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new embedded database starts as the template built with the jar: it must be exactly what the
 * migrations make, and Flyway must find it up to date, so that the next start migrates on from it.
 */
class EmbeddedTemplateTest {
  private static final List<String> SCHEMA_QUERIES =
      List.of(
          "select table_name, column_name, ordinal_position, data_type, is_nullable,"
              + " column_default, character_maximum_length, numeric_precision"
              + " from information_schema.columns where table_schema = 'PUBLIC'"
              + " order by table_name, ordinal_position",
          "select table_name, index_name, column_name, ordinal_position"
              + " from information_schema.index_columns where table_schema = 'PUBLIC'"
              + " order by table_name, index_name, ordinal_position",
          "select table_name, constraint_name, constraint_type"
              + " from information_schema.table_constraints where table_schema = 'PUBLIC'"
              + " order by table_name, constraint_name",
          "select \"version\", \"description\", \"type\", \"script\", \"checksum\","
              + " \"success\" from \"flyway_schema_history\" order by \"installed_rank\"");

  @TempDir Path dir;

  @Test
  void aNewEmbeddedDatabaseIsExactlyWhatTheMigrationsMake() throws SQLException {
    assertThat(EmbeddedTemplate.class.getResource(EmbeddedTemplate.RESOURCE))
        .as("the build makes the template")
        .isNotNull();
    DatabaseSettings fromTemplate = DatabaseSettings.embedded(dir.resolve("template"));
    DatabaseSettings migrated = DatabaseSettings.embedded(dir.resolve("migrated"));
    Flyway.configure()
        .dataSource(migrated.url(), migrated.user(), migrated.password())
        .locations("classpath:db/migration")
        .load()
        .migrate();

    try (Database database = Database.open(fromTemplate)) {
      assertThat(dir.resolve("template/studybot.mv.db")).exists();
    }

    assertThat(schema(fromTemplate)).isEqualTo(schema(migrated)).isNotEmpty();
    Flyway flyway =
        Flyway.configure()
            .dataSource(fromTemplate.url(), fromTemplate.user(), fromTemplate.password())
            .locations("classpath:db/migration")
            .load();
    flyway.validate();
    assertThat(flyway.info().pending()).isEmpty();
  }

  @Test
  void aNewDatabaseFromTheTemplateTakesStudyStateAndKeepsItOverARestart() throws SQLException {
    DatabaseSettings settings = DatabaseSettings.embedded(dir);
    try (Database database = Database.open(settings)) {
      execute(
          database,
          "insert into study_group (platform, chat_id, language, zone, lesson_time, quiz_time,"
              + " created_at) values ('TELEGRAM', '-1', 'en', 'UTC', time '09:00', time '20:00',"
              + " current_timestamp)");
    }

    try (Database reopened = Database.open(settings)) {
      assertThat(rows(settings, "select chat_id from study_group")).containsExactly("[-1]");
    }
  }

  @Test
  void anEmbeddedFileBehindTheJarIsMigratedOnOpen() throws SQLException {
    DatabaseSettings settings = DatabaseSettings.embedded(dir);
    Flyway.configure()
        .dataSource(settings.url(), settings.user(), settings.password())
        .locations("classpath:db/migration")
        .target("9")
        .load()
        .migrate();
    assertThat(
            rows(
                settings,
                "select count(*) from information_schema.tables"
                    + " where table_name = 'BROADCAST'"))
        .containsExactly("[0]");

    try (Database database = Database.open(settings)) {
      assertThat(EmbeddedTemplate.isCurrent(settings, database.dataSource())).isTrue();
    }

    assertThat(
            rows(
                settings,
                "select count(*) from information_schema.tables"
                    + " where table_name = 'BROADCAST'"))
        .containsExactly("[1]");
  }

  @Test
  void anExistingFileOrAnotherKindOfDatabaseIsLeftAlone() throws IOException {
    Path file = dir.resolve("studybot.mv.db");
    Files.writeString(file, "not a template");

    assertThat(EmbeddedTemplate.placeIfNew(DatabaseSettings.embedded(dir))).isFalse();
    assertThat(Files.readString(file)).isEqualTo("not a template");
    assertThat(
            EmbeddedTemplate.placeIfNew(
                new DatabaseSettings("jdbc:h2:mem:x;DB_CLOSE_DELAY=-1", "sa", "", 1)))
        .isFalse();
    assertThat(EmbeddedTemplate.h2File("jdbc:postgresql://localhost/studybot")).isEmpty();
    assertThat(EmbeddedTemplate.h2File("jdbc:h2:file:/data/studybot;WRITE_DELAY=0"))
        .contains(Path.of("/data/studybot.mv.db"));
  }

  private static void execute(Database database, String sql) throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static List<String> schema(DatabaseSettings settings) throws SQLException {
    List<String> all = new ArrayList<>();
    for (String query : SCHEMA_QUERIES) {
      all.addAll(rows(settings, query));
    }
    return all;
  }

  private static List<String> rows(DatabaseSettings settings, String query) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection connection =
            DriverManager.getConnection(settings.url(), settings.user(), settings.password());
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(query)) {
      ResultSetMetaData columns = row.getMetaData();
      while (row.next()) {
        List<String> values = new ArrayList<>();
        for (int c = 1; c <= columns.getColumnCount(); c++) {
          values.add(String.valueOf(row.getObject(c)));
        }
        rows.add(values.toString());
      }
    }
    return rows;
  }
}
