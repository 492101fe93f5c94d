package jp.iotcert.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import javax.sql.DataSource;
import jp.iotcert.application.ApplicationNumbers;
import liquibase.integration.spring.SpringLiquibase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Changelog 020 on an installation that has already given application numbers from the locked
 * counter: the sequence continues after the counter's last value, on H2 and on PostgreSQL alike.
 * The installation before 020 is made by running the whole changelog and putting the counter row
 * back as 019 left it (020 removes it), then letting 020 run again.
 */
class ApplicationNumberMigrationTest {

  @Test
  void h2ContinuesAfterTheCounter() throws Exception {
    continuesAfterTheCounter(new DriverManagerDataSource(
        "jdbc:h2:mem:numbers-migration;MODE=LEGACY;DB_CLOSE_DELAY=-1;NON_KEYWORDS=VALUE", "sa", ""));
  }

  @Test
  @ExtendWith(PostgresTestDatabase.class)
  void postgresContinuesAfterTheCounter() throws Exception {
    continuesAfterTheCounter(new DriverManagerDataSource(PostgresTestDatabase.freshDatabase("iotcert_numbers_migration"),
        PostgresTestDatabase.USER, PostgresTestDatabase.PASSWORD));
  }

  private static void continuesAfterTheCounter(DataSource dataSource) throws Exception {
    migrate(dataSource);
    JdbcClient jdbc = JdbcClient.create(dataSource);
    LocalDate today = LocalDate.of(2026, 11, 30);
    assertThat(new ApplicationNumbers(dataSource).next(today)).isEqualTo("A-2026-000001"); // a new installation
    assertThat(jdbc.sql("SELECT COUNT(*) FROM app_counter WHERE name = 'application'").query(Long.class).single())
        .isZero();

    // An installation whose counter gave 41 numbers before 020.
    jdbc.sql("DROP SEQUENCE application_number_seq").update();
    jdbc.sql("INSERT INTO app_counter (name, counter_value) VALUES ('application', 41)").update();
    assertThat(jdbc.sql("DELETE FROM databasechangelog WHERE id LIKE '020-%'").update()).isEqualTo(1);
    migrate(dataSource);

    ApplicationNumbers numbers = new ApplicationNumbers(dataSource);
    assertThat(numbers.next(today)).isEqualTo("A-2026-000042");
    assertThat(numbers.next(today)).isEqualTo("A-2026-000043");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM app_counter WHERE name = 'application'").query(Long.class).single())
        .isZero();
    // Certification serials stay on their counter.
    assertThat(jdbc.sql("SELECT COUNT(*) FROM app_counter WHERE name = 'certification'").query(Long.class).single())
        .isOne();
  }

  private static void migrate(DataSource dataSource) throws Exception {
    SpringLiquibase liquibase = new SpringLiquibase();
    liquibase.setDataSource(dataSource);
    liquibase.setChangeLog("classpath:db/changelog/db.changelog-master.xml");
    liquibase.setResourceLoader(new DefaultResourceLoader());
    liquibase.afterPropertiesSet();
  }
}
