package jp.iotcert.e2e;

import jp.iotcert.registry.RegistryPagesTest;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The registry pages' checks on PostgreSQL: the search (NFKC in Java over the register's rows), the
 * feed's query over certification_event (IN list, FETCH FIRST) and the CSV on the real database.
 */
@ExtendWith(PostgresTestDatabase.class)
@DirtiesContext
class PostgresRegistryPagesIT extends RegistryPagesTest {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    String url = PostgresTestDatabase.freshDatabase("iotcert_registry_pages");
    registry.add("spring.datasource.url", () -> url);
    registry.add("spring.datasource.username", () -> PostgresTestDatabase.USER);
    registry.add("spring.datasource.password", () -> PostgresTestDatabase.PASSWORD);
  }
}
