package io.studybot.core.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.studybot.core.schedule.OutboxBacklog;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What operations read from the database, on each database we support: the outbox backlog for the
 * gauges, the health probe, and the connection pool's meters.
 */
abstract class OperationsContract {
  private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private DatabaseSettings settings;
  private Database database;

  protected abstract DatabaseSettings createDatabase();

  protected void dropDatabase(DatabaseSettings settings) {}

  @BeforeEach
  void open() {
    settings = createDatabase();
    database = Database.open(settings);
    database.bindMetrics(registry);
  }

  @AfterEach
  void close() {
    database.close();
    dropDatabase(settings);
  }

  @Test
  void theBacklogCountsPendingRowsAndFindsTheOldestDueOne() {
    assertThat(new JdbcOutboxStore(database).backlog(NOW)).isEqualTo(OutboxBacklog.EMPTY);

    queue("a", "PENDING", NOW.minusSeconds(90));
    queue("b", "PENDING", NOW.minusSeconds(30));
    queue("c", "PENDING", NOW.plusSeconds(30)); // leased, or waiting for a retry
    queue("d", "SENT", NOW.minusSeconds(600));
    queue("e", "FAILED", NOW.minusSeconds(600));

    OutboxBacklog backlog = new JdbcOutboxStore(database).backlog(NOW);
    assertThat(backlog.pending()).isEqualTo(3);
    assertThat(backlog.oldestDue()).contains(NOW.minusSeconds(90));
    assertThat(backlog.lag(NOW)).isEqualTo(Duration.ofSeconds(90));
  }

  @Test
  void theProbeAnswersWhileTheDatabaseDoesAndNamesTheProblemOnceItIsGone() {
    try (DatabaseProbe probe = new DatabaseProbe(database, Duration.ofSeconds(2))) {
      assertThat(probe.problem()).isEmpty();

      ((HikariDataSource) database.dataSource()).close(); // the pool stopped

      Optional<String> problem = probe.problem();
      assertThat(problem).isPresent();
      assertThat(problem.get()).doesNotContain("\n").isNotBlank();
    }
  }

  @Test
  void thePoolReportsItsConnectionsInTheRegistry() {
    assertThat(new JdbcOutboxStore(database).backlog(NOW).pending()).isZero();

    assertThat(registry.get("hikaricp.connections").tag("pool", "studybot").gauge().value())
        .isPositive();
    assertThat(registry.get("hikaricp.connections.usage").timer().count()).isPositive();
  }

  private void queue(String key, String status, Instant notBefore) {
    try (Connection connection = database.dataSource().getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "insert into outbox (idempotency_key, kind, local_date, chat_platform, chat_id,"
                    + " chat_kind, status, attempts, not_before, created_at)"
                    + " values (?, 'LESSON', ?, 'TELEGRAM', ?, 'PRIVATE', ?, 0, ?, ?)")) {
      insert.setString(1, key);
      insert.setObject(2, LocalDate.of(2026, 5, 1));
      insert.setString(3, key);
      insert.setString(4, status);
      insert.setObject(5, notBefore.atOffset(ZoneOffset.UTC));
      insert.setObject(6, NOW.atOffset(ZoneOffset.UTC));
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }
}
