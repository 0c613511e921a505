package io.studybot.core.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Creates the tables of Quartz's JDBC job store on PostgreSQL from the DDL that ships inside the
 * Quartz jar, so the schema always matches the Quartz version in use. (Named as Flyway expects.)
 */
@SuppressWarnings("checkstyle:TypeName")
public final class V3_1__Quartz_job_store extends BaseJavaMigration {
  static final String DDL = "org/quartz/impl/jdbcjobstore/tables_postgres.sql";

  @Override
  public void migrate(Context context) throws Exception {
    try (Statement statement = context.getConnection().createStatement()) {
      for (String sql : statements()) {
        statement.execute(sql);
      }
    }
  }

  /** The CREATE statements of the DDL, without its comments and its DROPs of older tables. */
  static String[] statements() throws IOException {
    try (InputStream in = V3_1__Quartz_job_store.class.getClassLoader().getResourceAsStream(DDL)) {
      if (in == null) {
        throw new IllegalStateException("missing " + DDL + " in the Quartz jar");
      }
      String withoutComments =
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .lines()
              .filter(line -> !line.strip().startsWith("--"))
              .collect(Collectors.joining("\n"));
      return Arrays.stream(withoutComments.split(";"))
          .map(String::strip)
          .filter(sql -> !sql.isEmpty())
          .filter(sql -> !sql.toUpperCase(java.util.Locale.ROOT).startsWith("DROP "))
          .filter(sql -> !sql.equalsIgnoreCase("COMMIT"))
          .toArray(String[]::new);
    }
  }
}
