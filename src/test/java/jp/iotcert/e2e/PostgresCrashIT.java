package jp.iotcert.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The crash test of {@link CrashScenario} on PostgreSQL: the demo profile with the datasource
 * pointed at a fresh database (the demo accounts are what the clients log in with).
 */
@ExtendWith(PostgresTestDatabase.class)
class PostgresCrashIT {

  @Test
  void acknowledgedSubmissionsAndPaymentsSurviveKillMinus9() throws IOException {
    String url = PostgresTestDatabase.freshDatabase("iotcert_crash");
    Path workDir = Files.createTempDirectory("iotcert-crash-pg");
    try {
      new CrashScenario("postgres-crash", workDir, List.of("--spring.datasource.url=" + url,
          "--spring.datasource.username=" + PostgresTestDatabase.USER,
          "--spring.datasource.password=" + PostgresTestDatabase.PASSWORD)).run();
    } finally {
      CrashScenario.deleteRecursively(workDir);
    }
  }
}
