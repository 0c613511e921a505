package io.studybot.core.persistence;

import io.studybot.core.chat.StoreUnavailableException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.hibernate.exception.JDBCConnectionException;

/** Tells a database that cannot be reached from one that refused a statement. */
final class StoreFailures {
  private StoreFailures() {}

  /** Whether the failure says the connection to the database is missing or was lost. */
  static boolean unreachable(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof JDBCConnectionException
          || cause instanceof SQLTransientConnectionException
          || cause instanceof SQLNonTransientConnectionException
          || cause instanceof SQLRecoverableException) {
        return true;
      }
      // SQL state class 08: connection exception.
      if (cause instanceof SQLException sql
          && sql.getSQLState() != null
          && sql.getSQLState().startsWith("08")) {
        return true;
      }
    }
    return false;
  }

  /**
   * A failed unit of work, told to the database (an embedded one stops on a file it cannot write)
   * and, when the database cannot be reached, as {@link StoreUnavailableException}, so the update
   * waits for it instead of getting an apology.
   */
  static RuntimeException classified(Database database, RuntimeException failure) {
    database.failed(failure);
    return unreachable(failure)
        ? new StoreUnavailableException("the database cannot be reached", failure)
        : failure;
  }
}
