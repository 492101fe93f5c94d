package jp.iotcert.e2e;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The end-to-end scenario on PostgreSQL: the schema is created by the Liquibase changelogs (the
 * engine's own and the application's), the job executor runs. The default (demo) profile with a
 * PostgreSQL URL, since the scenario needs the demo accounts, which the `postgres` profile never
 * creates (PostgresProfileIT starts that profile itself).
 */
@ExtendWith(PostgresTestDatabase.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.job-execution.enabled=true",
    "camunda.bpm.generate-unique-process-engine-name=false",
    "iotcert.mail.enabled=true",
    "spring.mail.port=${IOTCERT_TEST_SMTP_PORT:3025}"})
@DirtiesContext
class PostgresEndToEndIT extends EndToEndScenario {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    String url = PostgresTestDatabase.freshDatabase("iotcert_e2e");
    registry.add("spring.datasource.url", () -> url);
    registry.add("spring.datasource.username", () -> PostgresTestDatabase.USER);
    registry.add("spring.datasource.password", () -> PostgresTestDatabase.PASSWORD);
  }
}
