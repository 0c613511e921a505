package io.studybot.core.persistence;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The database product and version, read once from the pool, so that Hibernate picks its dialect
 * without reading the database's metadata itself.
 */
record DatabaseProduct(String name, int majorVersion, int minorVersion) {

  /**
   * The embedded database's product, known without opening it: its version is its driver's. Empty
   * for PostgreSQL, or when no driver takes the URL (opening it then says what is wrong).
   */
  static Optional<DatabaseProduct> embedded(DatabaseSettings settings) {
    if (settings.isPostgres()) {
      return Optional.empty();
    }
    try {
      Driver driver = DriverManager.getDriver(settings.url());
      return Optional.of(
          new DatabaseProduct("H2", driver.getMajorVersion(), driver.getMinorVersion()));
    } catch (SQLException e) {
      return Optional.empty();
    }
  }

  /** The product and version the database itself reports. */
  static DatabaseProduct of(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData metaData = connection.getMetaData();
      return new DatabaseProduct(
          metaData.getDatabaseProductName(),
          metaData.getDatabaseMajorVersion(),
          metaData.getDatabaseMinorVersion());
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the database's product and version", e);
    }
  }
}
