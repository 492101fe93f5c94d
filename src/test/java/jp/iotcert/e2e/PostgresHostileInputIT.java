package jp.iotcert.e2e;

import jp.iotcert.hostile.HostileInputTable;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The hostile-input table on PostgreSQL, where a NUL in a text or query would otherwise reach the
 * server (which refuses it with an error, a 500) and LIKE escaping meets PostgreSQL's own rules.
 * The job executor is off so that no job changes the counted tables between two rows. The default
 * (demo) profile with a PostgreSQL URL: the table logs in with the demo accounts, which the
 * `postgres` profile never creates.
 */
@ExtendWith(PostgresTestDatabase.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.job-execution.enabled=false",
    "camunda.bpm.generate-unique-process-engine-name=false",
    "iotcert.mail.enabled=false",
    "spring.servlet.multipart.max-file-size=2MB", "spring.servlet.multipart.max-request-size=3MB"})
@DirtiesContext
class PostgresHostileInputIT extends HostileInputTable {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    String url = PostgresTestDatabase.freshDatabase("iotcert_hostile");
    registry.add("spring.datasource.url", () -> url);
    registry.add("spring.datasource.username", () -> PostgresTestDatabase.USER);
    registry.add("spring.datasource.password", () -> PostgresTestDatabase.PASSWORD);
  }
}
