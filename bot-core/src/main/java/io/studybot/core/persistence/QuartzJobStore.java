package io.studybot.core.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import javax.sql.DataSource;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

/**
 * Quartz's job store for a database: on PostgreSQL the clustered JDBC store in the tables the
 * migrations created, so several instances share the jobs; on the embedded database none (Quartz
 * keeps its jobs in memory, as only one instance can use the file).
 */
public final class QuartzJobStore {
  private static final String DATA_SOURCE = "studybot";

  private QuartzJobStore() {}

  /** The Quartz properties of the job store, or empty for Quartz's in-memory store. */
  public static Optional<Properties> of(Database database) {
    if (!database.sharedByInstances()) {
      return Optional.empty();
    }
    DBConnectionManager.getInstance()
        .addConnectionProvider(DATA_SOURCE, provider(database.dataSource()));
    Properties properties = new Properties();
    properties.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
    properties.setProperty(
        "org.quartz.jobStore.driverDelegateClass",
        "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
    properties.setProperty("org.quartz.jobStore.dataSource", DATA_SOURCE);
    properties.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
    properties.setProperty("org.quartz.jobStore.isClustered", "true");
    properties.setProperty("org.quartz.jobStore.clusterCheckinInterval", "15000");
    return Optional.of(properties);
  }

  private static ConnectionProvider provider(DataSource dataSource) {
    return new ConnectionProvider() {
      @Override
      public Connection getConnection() throws SQLException {
        return dataSource.getConnection();
      }

      @Override
      public void shutdown() {}

      @Override
      public void initialize() {}
    };
  }
}
