package io.studybot.core.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.hibernate.SessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database: a connection pool, the schema migrated by Flyway, and a Hibernate session factory
 * over that schema. Close it to release the pool (and the H2 file).
 *
 * <p>Opening is most of the bot's start-up, so Hibernate boots on a second thread while Flyway
 * migrates: it reads nothing from the database at boot (the product and version are read once,
 * here) and does not validate the schema, which the migrations define; {@code SchemaMappingTest}
 * checks the mappings against the migrated schema on both databases instead.
 */
public final class Database implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Database.class);

  private final DatabaseSettings settings;
  private final SqlDialect dialect;
  private final HikariDataSource dataSource;
  private final SessionFactory sessionFactory;

  private Database(
      DatabaseSettings settings, HikariDataSource dataSource, SessionFactory sessionFactory) {
    this.settings = settings;
    this.dialect = SqlDialect.of(settings);
    this.dataSource = dataSource;
    this.sessionFactory = sessionFactory;
  }

  public static Database open(DatabaseSettings settings) {
    HikariDataSource dataSource = pool(settings);
    try {
      CompletableFuture<SessionFactory> hibernate =
          HibernateBoot.start(dataSource, DatabaseProduct.of(dataSource));
      long start = System.nanoTime();
      try {
        migrate(dataSource, settings);
      } catch (RuntimeException e) {
        HibernateBoot.discard(hibernate);
        throw e;
      }
      long migrated = System.nanoTime();
      SessionFactory sessionFactory = HibernateBoot.await(hibernate);
      log.info(
          "Migrations took {} ms; Hibernate, booting beside them, was ready {} ms later",
          (migrated - start) / 1_000_000,
          (System.nanoTime() - migrated) / 1_000_000);
      return new Database(settings, dataSource, sessionFactory);
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
  }

  private static HikariDataSource pool(DatabaseSettings settings) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(settings.url());
    config.setUsername(settings.user());
    config.setPassword(settings.password());
    config.setMaximumPoolSize(settings.poolSize());
    config.setPoolName("studybot");
    config.setInitializationFailTimeout(10_000);
    if (SqlDialect.of(settings).isPostgres()) {
      // Lets the driver send a batch of inserts as one multi-row statement.
      config.addDataSourceProperty("reWriteBatchedInserts", "true");
    }
    return new HikariDataSource(config);
  }

  /** The study schema everywhere; on PostgreSQL also Quartz's tables for its clustered store. */
  private static void migrate(DataSource dataSource, DatabaseSettings settings) {
    var flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
    if (SqlDialect.of(settings).isPostgres()) {
      flyway.javaMigrations(new V3_1__Quartz_job_store());
    }
    flyway.load().migrate();
  }

  public DatabaseSettings settings() {
    return settings;
  }

  SessionFactory sessionFactory() {
    return sessionFactory;
  }

  SqlDialect dialect() {
    return dialect;
  }

  /** Whether several instances can share this database (and so Quartz's clustered store). */
  public boolean sharedByInstances() {
    return dialect.isPostgres();
  }

  public DataSource dataSource() {
    return dataSource;
  }

  @Override
  public void close() {
    sessionFactory.close();
    dataSource.close();
  }
}
