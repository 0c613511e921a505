package io.studybot.core.persistence;

/**
 * The few statements that differ between PostgreSQL and H2: claiming rows without waiting on
 * another instance's locks, and inserting unless the key already exists.
 */
enum SqlDialect {
  POSTGRES(" for update skip locked", " on conflict (idempotency_key) do nothing"),
  H2(" for update", "");

  private final String lockClause;
  private final String insertIfAbsentSuffix;

  SqlDialect(String lockClause, String insertIfAbsentSuffix) {
    this.lockClause = lockClause;
    this.insertIfAbsentSuffix = insertIfAbsentSuffix;
  }

  static SqlDialect of(DatabaseSettings settings) {
    return settings.isPostgres() ? POSTGRES : H2;
  }

  String claim(String select) {
    return select + lockClause;
  }

  /** An insert of {@code columns} that does nothing when the row's idempotency key exists. */
  String insertOutbox(String columns, String placeholders) {
    if (this == POSTGRES) {
      return "insert into outbox ("
          + columns
          + ") values ("
          + placeholders
          + ")"
          + insertIfAbsentSuffix;
    }
    // H2 runs a single instance, so a guard on the key is enough.
    return "insert into outbox ("
        + columns
        + ") select "
        + placeholders
        + " where not exists (select 1 from outbox where idempotency_key = ?)";
  }
}
