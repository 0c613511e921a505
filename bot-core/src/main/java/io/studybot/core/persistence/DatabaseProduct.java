package io.studybot.core.persistence;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The database product and version, read once from the pool, so that Hibernate picks its dialect
 * without reading the database's metadata itself.
 */
record DatabaseProduct(String name, int majorVersion, int minorVersion) {

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
