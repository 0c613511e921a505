package io.studybot.core.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.studybot.core.study.CompletedTopic;
import io.studybot.core.study.Enrollment;
import io.studybot.core.study.LanguageConverter;
import io.studybot.core.study.Learner;
import io.studybot.core.study.Placement;
import io.studybot.core.study.PlatformAccount;
import io.studybot.core.study.QuestionCard;
import io.studybot.core.study.Quiz;
import io.studybot.core.study.QuizAttempt;
import io.studybot.core.study.QuizQuestion;
import io.studybot.core.study.StudyGroup;
import io.studybot.core.study.ZoneIdConverter;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;

/**
 * The database: a connection pool, the schema migrated by Flyway, and a Hibernate session factory
 * that only validates that schema. Close it to release the pool (and the H2 file).
 */
public final class Database implements AutoCloseable {
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
      migrate(dataSource, settings);
      return new Database(settings, dataSource, sessionFactory(dataSource));
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

  private static SessionFactory sessionFactory(DataSource dataSource) {
    Configuration configuration = new Configuration();
    for (Class<?> entity :
        new Class<?>[] {
          Learner.class,
          PlatformAccount.class,
          StudyGroup.class,
          Enrollment.class,
          CompletedTopic.class,
          Placement.class,
          Quiz.class,
          QuizQuestion.class,
          QuizAttempt.class,
          QuestionCard.class,
          LanguageConverter.class,
          ZoneIdConverter.class
        }) {
      configuration.addAnnotatedClass(entity);
    }
    configuration.getProperties().put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource);
    configuration.setProperty(AvailableSettings.HBM2DDL_AUTO, "validate");
    configuration.setProperty(AvailableSettings.STATEMENT_BATCH_SIZE, "50");
    configuration.setProperty(AvailableSettings.ORDER_INSERTS, "true");
    return configuration.buildSessionFactory();
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
