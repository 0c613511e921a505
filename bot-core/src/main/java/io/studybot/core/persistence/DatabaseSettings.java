package io.studybot.core.persistence;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/** Where the state lives: a JDBC URL with credentials. */
public record DatabaseSettings(String url, String user, String password, int poolSize) {

  public DatabaseSettings {
    requireNonNull(url, "url");
    requireNonNull(user, "user");
    requireNonNull(password, "password");
  }

  /**
   * The embedded default: an H2 file under the data folder, nothing to install. {@code
   * WRITE_DELAY=0}: a commit is on disk before the bot tells the user it happened (H2 would
   * otherwise write it up to half a second later, and a crash would lose it).
   */
  public static DatabaseSettings embedded(Path dataDir) {
    Path file = dataDir.toAbsolutePath().resolve("studybot");
    return new DatabaseSettings(
        "jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0", "sa", "", 4);
  }

  public boolean isPostgres() {
    return SqlDialect.of(this).isPostgres();
  }

  /** The URL without credentials, parameters or file paths beyond the database name. */
  public String describe() {
    int parameters = url.indexOf(';');
    String base = parameters < 0 ? url : url.substring(0, parameters);
    int query = base.indexOf('?');
    return query < 0 ? base : base.substring(0, query);
  }
}
