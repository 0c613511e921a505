package io.studybot.core.persistence;

/**
 * The few statements that differ between PostgreSQL and H2: locking rows without waiting on another
 * instance's locks, and inserting unless the key already exists. Whether the database is PostgreSQL
 * is decided here and nowhere else.
 */
enum SqlDialect {
  POSTGRES(" for update skip locked"),
  H2(" for update");

  private final String claimClause;

  SqlDialect(String claimClause) {
    this.claimClause = claimClause;
  }

  static SqlDialect of(DatabaseSettings settings) {
    return settings.url().startsWith("jdbc:postgresql:") ? POSTGRES : H2;
  }

  boolean isPostgres() {
    return this == POSTGRES;
  }

  /** A select of due rows that skips rows another instance is claiming right now. */
  String claim(String select) {
    return select + claimClause;
  }

  /** A select whose rows stay locked until the transaction ends. */
  String lockRows(String select) {
    return select + " for update";
  }

  /**
   * An insert of one row that does nothing when a row with the same {@code key} columns exists. On
   * H2 the statement takes the key values again after the row's values; a race between two
   * transactions then ends in a unique-key violation, which the store answers by running the losing
   * transaction again.
   */
  String insertIfAbsent(String table, String columns, String placeholders, String... key) {
    if (this == POSTGRES) {
      return "insert into "
          + table
          + " ("
          + columns
          + ") values ("
          + placeholders
          + ") on conflict ("
          + String.join(", ", key)
          + ") do nothing";
    }
    return "insert into "
        + table
        + " ("
        + columns
        + ") select "
        + placeholders
        + " where not exists (select 1 from "
        + table
        + " where "
        + String.join(" and ", java.util.Arrays.stream(key).map(k -> k + " = ?").toList())
        + ")";
  }
}
