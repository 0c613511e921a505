package io.studybot.core.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.api.ErrorCode;

/**
 * An embedded database file with every migration applied, made when the jar is built: a new H2 file
 * starts as a copy of it, and Flyway then finds it up to date, instead of running every migration
 * on a cold JVM at the first start (about a second and a half of it).
 */
public final class EmbeddedTemplate {
  static final String RESOURCE = "/db/embedded-template.mv.db";
  private static final String HISTORY_FILE = "embedded-template.history";
  private static final String HISTORY =
      "select \"version\", \"checksum\" from \"flyway_schema_history\""
          + " where \"success\" order by \"installed_rank\"";
  private static final String H2_FILE = "jdbc:h2:file:";
  private static final String H2_SUFFIX = ".mv.db";

  private EmbeddedTemplate() {}

  /** Flyway's logger in the build, where it would print every migration; held so it stays set. */
  private static final Logger BUILD_LOG = Logger.getLogger("org.flywaydb");

  /** Builds the template: {@code EmbeddedTemplate <target file>}. */
  public static void main(String[] args) throws IOException, SQLException {
    BUILD_LOG.setLevel(Level.WARNING);
    Path target = Path.of(args[0]);
    Path work = Files.createTempDirectory("studybot-template");
    DatabaseSettings settings = DatabaseSettings.embedded(work);
    Flyway.configure()
        .dataSource(settings.url(), settings.user(), settings.password())
        .locations("classpath:db/migration")
        .load()
        .migrate();
    try (Connection connection =
            DriverManager.getConnection(settings.url(), settings.user(), settings.password());
        Statement statement = connection.createStatement()) {
      Files.write(target.resolveSibling(HISTORY_FILE), history(connection));
      statement.execute("shutdown compact");
    }
    Files.createDirectories(target.toAbsolutePath().getParent());
    Files.move(work.resolve("studybot" + H2_SUFFIX), target, StandardCopyOption.REPLACE_EXISTING);
  }

  /**
   * Puts the template where the settings' H2 file will be, when that file does not exist yet and
   * the jar has a template; a file that appears meanwhile is left as it is. True when it put it
   * there; {@link #isCurrent} then finds the file at the jar's latest migration.
   */
  static boolean placeIfNew(DatabaseSettings settings) {
    Optional<Path> file = h2File(settings.url());
    if (file.isEmpty() || Files.exists(file.get())) {
      return false;
    }
    try (InputStream template = EmbeddedTemplate.class.getResourceAsStream(RESOURCE)) {
      if (template == null) {
        return false;
      }
      Path folder = Files.createDirectories(file.get().toAbsolutePath().getParent());
      Path copy = Files.createTempFile(folder, "studybot", ".tmp");
      try {
        Files.copy(template, copy, StandardCopyOption.REPLACE_EXISTING);
        // A link, unlike a rename, never replaces a file another start made meanwhile.
        Files.createLink(file.get(), copy);
        return true;
      } catch (FileAlreadyExistsException e) {
        return false; // another start made it first; that one is used, migrated if it must be
      } finally {
        Files.deleteIfExists(copy);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not create the embedded database file", e);
    }
  }

  /**
   * Whether an existing embedded file has exactly the migrations, with the same checksums, that the
   * template was built with: then Flyway, which would check the same at the cost of about a second
   * on a cold JVM, has nothing to do. It opens the file; a file that cannot be opened fails here as
   * it would in Flyway.
   */
  static boolean isCurrent(DatabaseSettings settings, DataSource dataSource) {
    if (h2File(settings.url()).isEmpty()) {
      return false;
    }
    List<String> built = builtHistory();
    if (built.isEmpty()) {
      return false;
    }
    try (Connection connection = dataSource.getConnection()) {
      return history(connection).equals(built);
    } catch (SQLException e) {
      if (e.getErrorCode() == ErrorCode.TABLE_OR_VIEW_NOT_FOUND_DATABASE_EMPTY_1
          || e.getErrorCode() == ErrorCode.TABLE_OR_VIEW_NOT_FOUND_1) {
        return false;
      }
      throw new IllegalStateException("could not open the embedded database: " + e.getMessage(), e);
    }
  }

  /** The migrations applied, one {@code version checksum} line each, in order. */
  private static List<String> history(Connection connection) throws SQLException {
    List<String> lines = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(HISTORY)) {
      while (row.next()) {
        lines.add(row.getString(1) + " " + row.getString(2));
      }
    }
    return lines;
  }

  private static List<String> builtHistory() {
    try (InputStream history = EmbeddedTemplate.class.getResourceAsStream("/db/" + HISTORY_FILE)) {
      if (history == null) {
        return List.of();
      }
      return new String(history.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the embedded template's history", e);
    }
  }

  /** The file an H2 file URL names, when it is one. */
  static Optional<Path> h2File(String url) {
    if (!url.startsWith(H2_FILE)) {
      return Optional.empty();
    }
    int options = url.indexOf(';');
    String name = url.substring(H2_FILE.length(), options < 0 ? url.length() : options);
    return Optional.of(Path.of(name + H2_SUFFIX));
  }
}
