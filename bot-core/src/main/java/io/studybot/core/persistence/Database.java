package io.studybot.core.persistence;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
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
  private final AtomicBoolean storageReported = new AtomicBoolean();
  private volatile Consumer<Throwable> onBrokenStorage = failure -> {};

  private Database(
      DatabaseSettings settings, HikariDataSource dataSource, SessionFactory sessionFactory) {
    this.settings = settings;
    this.dialect = SqlDialect.of(settings);
    this.dataSource = dataSource;
    this.sessionFactory = sessionFactory;
  }

  public static Database open(DatabaseSettings settings) {
    if (EmbeddedTemplate.placeIfNew(settings)) {
      log.info("New embedded database made from the migrated template");
    }
    HikariDataSource dataSource = pool(settings);
    try {
      // The embedded database's version is known before it is open, so Hibernate can boot while
      // the file opens; PostgreSQL's is asked once a connection is made.
      Optional<DatabaseProduct> known = DatabaseProduct.embedded(settings);
      long start = System.nanoTime();
      CompletableFuture<SessionFactory> hibernate =
          known.isPresent()
              ? HibernateBoot.start(dataSource, known.get())
              : HibernateBoot.start(dataSource, DatabaseProduct.of(dataSource));
      try {
        if (EmbeddedTemplate.isCurrent(settings, dataSource)) {
          log.info("Embedded database at the latest migration");
        } else {
          migrate(dataSource, settings);
        }
      } catch (RuntimeException e) {
        HibernateBoot.discard(hibernate);
        throw e;
      }
      long migrated = System.nanoTime();
      SessionFactory sessionFactory = HibernateBoot.await(hibernate);
      log.info(
          "Opened and migrated in {} ms; Hibernate, booting beside, was ready {} ms later",
          (migrated - start) / 1_000_000,
          (System.nanoTime() - migrated) / 1_000_000);
      return new Database(settings, dataSource, sessionFactory);
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
  }

  /**
   * The pool, which connects on first use: the first is Flyway's, and a database that cannot be
   * reached fails it (after at most ten seconds), as before Hibernate needs a connection.
   */
  private static HikariDataSource pool(DatabaseSettings settings) {
    HikariDataSource pool = new HikariDataSource();
    pool.setJdbcUrl(settings.url());
    pool.setUsername(settings.user());
    pool.setPassword(settings.password());
    pool.setMaximumPoolSize(settings.poolSize());
    pool.setPoolName("studybot");
    pool.setInitializationFailTimeout(10_000);
    if (SqlDialect.of(settings).isPostgres()) {
      // Lets the driver send a batch of inserts as one multi-row statement.
      pool.addDataSourceProperty("reWriteBatchedInserts", "true");
    }
    return pool;
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

  /**
   * Reports the connection pool's meters ({@code hikaricp_*}) in {@code registry}, from now on;
   * once only. HikariCP takes it on a running pool, so the registry can be made beside the opening.
   */
  public void bindMetrics(MeterRegistry registry) {
    dataSource.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
  }

  /**
   * Who is told, once, that the embedded database could not write its file (a full or read-only
   * disk), so the bot can stop instead of losing every change after it.
   */
  public void onBrokenStorage(Consumer<Throwable> handler) {
    this.onBrokenStorage = handler;
  }

  /** Looks at a failed statement: a write the embedded database could not make is reported. */
  void failed(Throwable failure) {
    if (!sharedByInstances()
        && StorageWatch.storageBroken(failure)
        && storageReported.compareAndSet(false, true)) {
      onBrokenStorage.accept(failure);
    }
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
