package io.studybot.core.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.studybot.core.persistence.DatabaseSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Databases for tests: a fresh in-memory H2, or a fresh schema on the local PostgreSQL. With {@code
 * CI=true} PostgreSQL is mandatory; elsewhere its tests are skipped, with a message, when it is not
 * reachable.
 */
public final class TestDatabases {
  public static final String POSTGRES_URL =
      System.getenv().getOrDefault("STUDYBOT_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
  public static final String POSTGRES_USER =
      System.getenv().getOrDefault("STUDYBOT_TEST_PG_USER", "postgres");

  private TestDatabases() {}

  public static DatabaseSettings h2() {
    return new DatabaseSettings(
        "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", 4);
  }

  /** A new, empty schema on the local PostgreSQL; drop it with {@link #dropPostgres}. */
  public static DatabaseSettings postgres() {
    requirePostgres();
    String schema = "t_" + UUID.randomUUID().toString().replace("-", "");
    execute(POSTGRES_URL, "create schema " + schema);
    return new DatabaseSettings(POSTGRES_URL + "?currentSchema=" + schema, POSTGRES_USER, "", 8);
  }

  public static void dropPostgres(DatabaseSettings settings) {
    String schema = settings.url().substring(settings.url().indexOf("currentSchema=") + 14);
    execute(POSTGRES_URL, "drop schema if exists " + schema + " cascade");
  }

  public static void requirePostgres() {
    boolean reachable = reachable();
    if (!reachable && "true".equalsIgnoreCase(System.getenv("CI"))) {
      fail("PostgreSQL at " + POSTGRES_URL + " is required when CI=true but is not reachable");
    }
    assumeTrue(
        reachable, "PostgreSQL at " + POSTGRES_URL + " is not reachable: skipping its tests");
  }

  private static boolean reachable() {
    try (Connection ignored = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, "")) {
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  private static void execute(String url, String sql) {
    try (Connection connection = DriverManager.getConnection(url, POSTGRES_USER, "");
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }
}
