package jp.iotcert.e2e;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import jp.iotcert.IotCertApplication;
import jp.iotcert.certification.CertificationImport;
import jp.iotcert.common.BusinessCalendar;
import jp.iotcert.support.TestApplications;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A certification's timer falls due while the application is down, and fires once it is back: two
 * runs of the whole application on one PostgreSQL database, the second with the job executor on.
 */
@ExtendWith(PostgresTestDatabase.class)
class PostgresRestartIT {

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aTimerDueDuringTheDowntimeFiresAfterTheRestart() {
    String url = PostgresTestDatabase.freshDatabase("iotcert_restart");
    LocalDate today = LocalDate.now(BusinessCalendar.ZONE);
    // Certified two years ago: the validity ends in the night after yesterday.
    LocalDate certifiedOn = today.minusYears(2);
    String number = "IoT 0042-" + certifiedOn.format(DateTimeFormatter.ofPattern("yyMM"));

    // First run, a week ago: the certification is registered, its end of validity still ahead.
    ClockUtil.setCurrentTime(Date.from(today.minusDays(7).atTime(12, 0).atZone(BusinessCalendar.ZONE).toInstant()));
    try (ConfigurableApplicationContext first = start(url, false)) {
      var results = first.getBean(CertificationImport.class).importAll(List.of(new CertificationImport.Entry(number,
          certifiedOn, certifiedOn, null, null, new CertificationImport.Provider(TestApplications.PROVIDER2_NUMBER,
              "株式会社再起動", "restart@provider.example.jp"),
          new CertificationImport.Service("再起動サービス", "説明", null), List.of(), List.of(), null)));
      assertThat(results.get(0).result()).isEqualTo("CREATED");
      assertThat(status(first, number)).isEqualTo("VALID");
    }
    // Down until now; the validity ended meanwhile.
    ClockUtil.reset();
    try (ConfigurableApplicationContext second = start(url, true)) {
      await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
          .until(() -> "EXPIRED".equals(status(second, number)));
      assertThat(second.getBean(JdbcClient.class).sql("SELECT ended_on FROM certification WHERE certification_number = ?")
          .param(number).query(LocalDate.class).single()).isEqualTo(certifiedOn.plusYears(2));
    }
  }

  private static String status(ConfigurableApplicationContext context, String number) {
    return context.getBean(JdbcClient.class).sql("SELECT status FROM certification WHERE certification_number = ?")
        .param(number).query(String.class).single();
  }

  private static ConfigurableApplicationContext start(String url, boolean jobExecutor) {
    // The default profile on PostgreSQL (the postgres profile wants an installation's secrets;
    // PostgresProfileIT covers it).
    return new SpringApplicationBuilder(IotCertApplication.class).run(
        "--spring.datasource.url=" + url,
        "--spring.datasource.username=" + PostgresTestDatabase.USER,
        "--spring.datasource.password=" + PostgresTestDatabase.PASSWORD,
        "--server.port=0",
        "--camunda.bpm.job-execution.enabled=" + jobExecutor,
        "--camunda.bpm.generate-unique-process-engine-name=true",
        "--iotcert.mail.enabled=false");
  }
}
