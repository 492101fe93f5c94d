package jp.iotcert.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A 201 means stored on the embedded default too: the application on its default H2 file database
 * (the URL of application.yaml, {@code ./data/iotcert} in a fresh working directory) is killed with
 * SIGKILL during a burst of submissions and payments, and started again ({@link CrashScenario}).
 */
class H2CrashIT {

  @Test
  void acknowledgedSubmissionsAndPaymentsSurviveKillMinus9() throws IOException {
    Path workDir = Files.createTempDirectory("iotcert-crash-h2");
    try {
      new CrashScenario("h2-crash", workDir, List.of()).run();
    } finally {
      CrashScenario.deleteRecursively(workDir);
    }
  }
}
