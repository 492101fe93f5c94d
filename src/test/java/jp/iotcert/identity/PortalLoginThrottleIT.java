package jp.iotcert.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The portal's form login goes through the same throttle as every password login (issue 12): a
 * stranger guessing provider1's password from one address is refused after a few tries (even with
 * the right password), while provider1 at its known desk signs in after every guess. The settings are
 * LoginThrottleIT's, so both share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.generate-unique-process-engine-name=false",
    "iotcert.login-throttle.address-failures=10",
    "iotcert.login-throttle.account-address-failures=5",
    "iotcert.login-throttle.account-failures=20",
    "iotcert.login-throttle.initial-delay=PT3S",
    "iotcert.login-throttle.max-delay=PT12S",
    "iotcert.login-throttle.window=PT1M"})
@ActiveProfiles("test")
class PortalLoginThrottleIT {

  private static final String STRANGER = "127.0.0.12";
  private static final String OWNER_DESK = "127.0.0.13";
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

  @LocalServerPort int port;

  /** The portal's login as its page does it; answers where the browser is sent and whether it was told to wait. */
  private record Login(boolean signedIn, boolean toldToWait) {}

  private Login login(String from, String user, String password) {
    LoopbackHttp http = new LoopbackHttp(port);
    LoopbackHttp.Response page = http.send(from, "GET", "/portal/login", Map.of(), null, null);
    String session = page.headers().entrySet().stream().filter(h -> h.getKey().startsWith("set-cookie"))
        .map(Map.Entry::getValue).filter(c -> c.startsWith("JSESSIONID=")).map(c -> c.split(";")[0])
        .findFirst().orElseThrow();
    Matcher csrf = CSRF.matcher(page.body());
    assertThat(csrf.find()).isTrue();
    LoopbackHttp.Response answer = http.send(from, "POST", "/portal/login", Map.of("Cookie", session),
        "application/x-www-form-urlencoded", "username=" + user + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
            + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8));
    assertThat(answer.status()).isEqualTo(302);
    String location = answer.header("Location");
    return new Login(!location.contains("error"), answer.header("Retry-After") != null);
  }

  @Test
  void aStrangersGuessesAreThrottledAndNeverKeepTheOwnerOut() {
    assertThat(login(OWNER_DESK, "provider1", "demo").signedIn()).as("the owner has signed in from its desk before").isTrue();

    int guesses = 0;
    boolean toldToWait = false;
    while (!toldToWait && guesses < 12) {
      guesses++;
      Login guess = login(STRANGER, "provider1", "guess-" + guesses);
      assertThat(guess.signedIn()).isFalse();
      toldToWait = guess.toldToWait();
      assertThat(login(OWNER_DESK, "provider1", "demo").signedIn()).as("the owner after %d guesses", guesses).isTrue();
    }
    assertThat(toldToWait).as("the stranger is told to wait").isTrue();
    assertThat(guesses).as("after account-address-failures (5) failures").isLessThanOrEqualTo(6);
    // While refused, even the right password from the stranger's address does not sign in.
    Login right = login(STRANGER, "provider1", "demo");
    assertThat(right.signedIn()).isFalse();
    assertThat(right.toldToWait()).isTrue();
  }
}
