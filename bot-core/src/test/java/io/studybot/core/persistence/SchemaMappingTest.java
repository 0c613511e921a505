package io.studybot.core.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.studybot.core.testing.TestDatabases;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.hibernate.tool.schema.spi.SchemaManagementException;
import org.junit.jupiter.api.Test;

/**
 * Hibernate does not validate the schema when the bot starts (it boots beside the migrations, to
 * start faster), so the entities' mappings are checked against the migrated schema here.
 */
class SchemaMappingTest {

  @Test
  void theEntitiesMatchTheMigratedSchemaOnH2() {
    try (Database database = Database.open(TestDatabases.h2())) {
      database.sessionFactory().getSchemaManager().validateMappedObjects();
      assertThat(database.sessionFactory().getMetamodel().getEntities())
          .hasSize(HibernateBoot.MAPPED.size() - 2); // two of the classes are converters
    }
  }

  @Test
  void theEntitiesMatchTheMigratedSchemaOnPostgres() {
    DatabaseSettings settings = TestDatabases.postgres();
    try (Database database = Database.open(settings)) {
      database.sessionFactory().getSchemaManager().validateMappedObjects();
    } finally {
      TestDatabases.dropPostgres(settings);
    }
  }

  @Test
  void aColumnTheMappingsNeedButTheSchemaLacksIsFound() throws SQLException {
    try (Database database = Database.open(TestDatabases.h2())) {
      try (Connection connection = database.dataSource().getConnection();
          Statement statement = connection.createStatement()) {
        statement.execute("alter table review_card drop column lapses");
      }
      assertThatThrownBy(() -> database.sessionFactory().getSchemaManager().validateMappedObjects())
          .isInstanceOf(SchemaManagementException.class)
          .hasMessageContaining("lapses");
    }
  }
}
