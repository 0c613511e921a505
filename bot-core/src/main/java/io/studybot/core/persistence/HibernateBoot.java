package io.studybot.core.persistence;

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
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.bytecode.internal.none.BytecodeProviderImpl;
import org.hibernate.bytecode.spi.BytecodeProvider;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.format.FormatMapper;

/**
 * Builds Hibernate's session factory on a thread of its own, so it boots while Flyway migrates. It
 * touches no connection while it boots: the dialect comes from the {@link DatabaseProduct} read
 * beforehand, and the schema is not validated.
 */
final class HibernateBoot {
  static final List<Class<?>> MAPPED =
      List.of(
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
          ZoneIdConverter.class);

  private HibernateBoot() {}

  static CompletableFuture<SessionFactory> start(DataSource dataSource, DatabaseProduct product) {
    CompletableFuture<SessionFactory> boot = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                boot.complete(build(configuration(dataSource, product)));
              } catch (RuntimeException | Error e) {
                boot.completeExceptionally(e);
              }
            },
            "hibernate-boot");
    thread.setDaemon(true);
    thread.start();
    return boot;
  }

  /** The session factory, or the failure that stopped its boot, as it was thrown. */
  static SessionFactory await(CompletableFuture<SessionFactory> boot) {
    try {
      return boot.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }

  /** Waits for a boot whose result is no longer wanted, and closes what it built. */
  static void discard(CompletableFuture<SessionFactory> boot) {
    try {
      boot.join().close();
    } catch (CompletionException | CancellationException ignored) {
      // It failed too; the failure that made it unwanted is the one to report.
    }
  }

  /**
   * Builds without a bytecode provider: no entity has an association to proxy, and generating proxy
   * classes with Byte Buddy for each entity was a good part of Hibernate's boot.
   */
  static SessionFactory build(Configuration configuration) {
    return configuration.buildSessionFactory(
        new StandardServiceRegistryBuilder()
            .applySettings(configuration.getProperties())
            .addService(BytecodeProvider.class, new BytecodeProviderImpl())
            .build());
  }

  /** The mappings and settings; validating the schema is left to the caller (and to tests). */
  static Configuration configuration(DataSource dataSource, DatabaseProduct product) {
    Configuration configuration = new Configuration();
    MAPPED.forEach(configuration::addAnnotatedClass);
    var properties = configuration.getProperties();
    properties.put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource);
    properties.put(AvailableSettings.ALLOW_METADATA_ON_BOOT, "false");
    properties.put(AvailableSettings.JAKARTA_HBM2DDL_DB_NAME, product.name());
    properties.put(
        AvailableSettings.JAKARTA_HBM2DDL_DB_MAJOR_VERSION, String.valueOf(product.majorVersion()));
    properties.put(
        AvailableSettings.JAKARTA_HBM2DDL_DB_MINOR_VERSION, String.valueOf(product.minorVersion()));
    properties.put(AvailableSettings.HBM2DDL_AUTO, "none");
    properties.put(AvailableSettings.JAKARTA_VALIDATION_MODE, "none");
    // No entity maps JSON or XML; without these Hibernate would set up Jackson for them.
    properties.put(AvailableSettings.JSON_FORMAT_MAPPER, NoFormat.INSTANCE);
    properties.put(AvailableSettings.XML_FORMAT_MAPPER, NoFormat.INSTANCE);
    properties.put(AvailableSettings.STATEMENT_BATCH_SIZE, "50");
    properties.put(AvailableSettings.ORDER_INSERTS, "true");
    return configuration;
  }

  /** The format mapper for JSON and XML columns, which no entity has. */
  private enum NoFormat implements FormatMapper {
    INSTANCE;

    @Override
    public <T> T fromString(CharSequence text, JavaType<T> type, WrapperOptions options) {
      throw new UnsupportedOperationException("no entity maps a JSON or XML column");
    }

    @Override
    public <T> String toString(T value, JavaType<T> type, WrapperOptions options) {
      throw new UnsupportedOperationException("no entity maps a JSON or XML column");
    }
  }
}
