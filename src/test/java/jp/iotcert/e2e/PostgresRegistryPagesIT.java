package jp.iotcert.e2e;

import jp.iotcert.registry.RegistryPagesTest;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The registry pages' checks on PostgreSQL: the search (the stored NFKC search form, LIKE served by the
 * pg_trgm index of changeset 022, the window count and paging), the feed's and the page's IN-list
 * queries over certification_event and improvement_request, and the CSV on the real database.
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
