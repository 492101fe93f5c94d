package jp.iotcert.tasklist;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium and ChromeDriver (no browser is downloaded). Without them the browser tests are
 * skipped loudly; under CI=true (where .ci/run installs them) their absence is a failure.
 */
public class Chromium implements ExecutionCondition {

  static final Path BROWSER = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  /** The browser's own language (navigator.language) and the languages it asks pages for. */
  static final String LOCALE = "ja-JP";
  static final String ACCEPT_LANGUAGES = "ja-JP,ja";
  static final String TIME_ZONE = "Asia/Tokyo";

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER)) {
      return ConditionEvaluationResult.enabled("Chromium found");
    }
    String message = "Chromium or ChromeDriver missing (apt-get install chromium chromium-driver)";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new IllegalStateException("CI=true but " + message);
    }
    System.err.println("!!! SKIPPED: " + context.getDisplayName() + " -- " + message);
    return ConditionEvaluationResult.disabled("SKIPPED: " + message);
  }

  public static ChromeDriver start(Path profile) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--disable-quic", "--window-size=1400,1000", "--lang=" + LOCALE, "--accept-lang=" + ACCEPT_LANGUAGES,
        "--user-data-dir=" + profile);
    // The webapps choose their language from the browser's: a Japanese user's browser (ja-JP first,
    // as a browser set up in Japan sends it), in Japan time (TZ of the driver, which the browser
    // inherits). The preference is what navigator.languages and the Accept-Language header are made of.
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", ACCEPT_LANGUAGES));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
        .usingAnyFreePort().withEnvironment(Map.of("TZ", TIME_ZONE)).build();
    ChromeDriver driver = new ChromeDriver(service, options);
    // Headless Chromium keeps its formatting locale (Intl, toLocaleString) at en-US whatever --lang
    // and LANG say; DevTools' override makes it the user's too (for this tab, the only one the tests use).
    driver.executeCdpCommand("Emulation.setLocaleOverride", Map.of("locale", LOCALE));
    return driver;
  }
}
