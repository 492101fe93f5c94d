package jp.iotcert.identity;

import static jp.iotcert.identity.LoopbackHttp.basic;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Measures the login throttle with real HTTP from several client addresses (127.0.0.0/8): a
 * stranger's wrong passwords never keep staff1 or the administrator out, the guessing address is
 * refused and let in again after a bounded delay, and the payment system's token works throughout.
 * Delays are shortened so the test runs in seconds; the figures are printed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.generate-unique-process-engine-name=false",
    // The production numbers (the test profile raises address-failures), shorter delays.
    "iotcert.login-throttle.address-failures=10",
    "iotcert.login-throttle.account-address-failures=5",
    "iotcert.login-throttle.account-failures=20",
    "iotcert.login-throttle.initial-delay=PT3S",
    "iotcert.login-throttle.max-delay=PT12S",
    "iotcert.login-throttle.window=PT1M"})
@ActiveProfiles("test")
class LoginThrottleIT {

  private static final String DEMO_TOKEN = "Bearer demo-payment-token-not-for-production";
  private static final String ATTACKER = "127.0.0.2";
  private static final String STAFF_DESK = "127.0.0.3";
  private static final String ADMIN_DESK = "127.0.0.4";
  private static final String PAYMENT_SYSTEM = "127.0.0.5";

  @LocalServerPort int port;
  private LoopbackHttp http;

  @BeforeEach
  void client() {
    http = new LoopbackHttp(port);
  }

  @Test
  void guessesFromOneAddressNeverLockAnAccountAndTheAddressIsLetInAgain() throws Exception {
    // The rightful users have worked from their desks before.
    assertThat(staffLogin(STAFF_DESK, "demo").status()).isEqualTo(200);
    assertThat(adminLogin(ADMIN_DESK, "demo").status()).isEqualTo(200);

    int checked = 0;
    int refused = 0;
    for (int i = 1; i <= 25; i++) {
      LoopbackHttp.Response guess = staffLogin(ATTACKER, "guess-" + i);
      assertThat(guess.status()).isEqualTo(401);
      if (guess.header("Retry-After") == null) checked++; else refused++;
      assertThat(staffLogin(STAFF_DESK, "demo").status()).as("staff1 after %d guesses", i).isEqualTo(200);
      assertThat(adminLogin(ADMIN_DESK, "demo").status()).as("admin after %d guesses", i).isEqualTo(200);
      assertThat(payment(PAYMENT_SYSTEM, DEMO_TOKEN).status()).as("token after %d guesses", i).isEqualTo(404);
    }
    for (int i = 1; i <= 25; i++) {
      LoopbackHttp.Response guess = adminLogin(ATTACKER, "guess-" + i);
      assertThat(guess.status()).isEqualTo(401);
      if (guess.header("Retry-After") == null) checked++; else refused++;
      assertThat(adminLogin(ADMIN_DESK, "demo").status()).as("admin after %d guesses", i).isEqualTo(200);
      assertThat(staffLogin(STAFF_DESK, "demo").status()).as("staff1 after %d guesses", i).isEqualTo(200);
      assertThat(payment(PAYMENT_SYSTEM, DEMO_TOKEN).status()).as("token after %d guesses", i).isEqualTo(404);
    }
    // Wrong tokens count against the address too, and never against the payment system.
    LoopbackHttp.Response wrongToken = payment(ATTACKER, "Bearer not-the-token");
    assertThat(wrongToken.status()).isEqualTo(401);
    assertThat(wrongToken.header("Content-Type")).startsWith("application/problem+json");
    assertThat(payment(PAYMENT_SYSTEM, DEMO_TOKEN).status()).isEqualTo(404);

    // The guessing address is refused even with a right password, for any account, on /api and /engine-rest.
    // On a slow machine the last refusal may run out during the checks above: guess on (other
    // accounts, wrong passwords) until the address is refused with time left, as an attacker would be.
    LoopbackHttp.Response blocked = http.get(ATTACKER, "/api/disclosure-items", basic("manager1", "demo"));
    for (int i = 1; ; i++) {
      assertThat(i).as("wrong logins until the address is refused with time left").isLessThanOrEqualTo(40);
      if (blocked.status() == 401) {
        int left = Integer.parseInt(blocked.header("Retry-After"));
        if (left >= 4) {
          break;
        }
        // Logins during a refusal are not counted: let one about to end run out, then guess on.
        Thread.sleep(left * 1000L);
      }
      http.get(ATTACKER, "/api/disclosure-items", basic("stranger" + i, "wrong"));
      blocked = http.get(ATTACKER, "/api/disclosure-items", basic("manager1", "demo"));
    }
    assertThat(blocked.status()).isEqualTo(401);
    assertThat(blocked.header("Content-Type")).startsWith("application/problem+json");
    assertThat(blocked.body()).contains("秒後に再度お試しください");
    int firstDelay = Integer.parseInt(blocked.header("Retry-After"));
    assertThat(firstDelay).isBetween(4, 12);
    assertThat(http.get(ATTACKER, "/engine-rest/user/manager1/profile", basic("manager1", "demo")).status())
        .isEqualTo(401);
    // ... and on the webapps' login page, while the same login from a desk works.
    assertThat(http.webappLogin(ATTACKER, "manager1", "demo").status()).isEqualTo(401);
    assertThat(http.webappLogin(ADMIN_DESK, "manager1", "demo").status()).isEqualTo(200);
    long firstWait = millisUntilLetIn(() -> http.get(ATTACKER, "/api/disclosure-items", basic("manager1", "demo")));
    assertThat(firstWait).isLessThanOrEqualTo(firstDelay * 1000L + 1500);

    // Guessing on after the delay refuses the address again, longer: a later round (3 s doubled, capped at 12 s).
    for (int i = 1; i <= 10; i++) {
      // Other accounts each time: the pairs from before may still be refused, and refusals do not count.
      assertThat(http.get(ATTACKER, "/api/disclosure-items", basic("someone" + i, "again")).status()).isEqualTo(401);
    }
    LoopbackHttp.Response again = http.get(ATTACKER, "/api/disclosure-items", basic("manager1", "demo"));
    assertThat(again.status()).isEqualTo(401);
    int secondDelay = Integer.parseInt(again.header("Retry-After"));
    assertThat(secondDelay).isBetween(5, 12);
    long secondWait = millisUntilLetIn(() -> http.get(ATTACKER, "/api/disclosure-items", basic("manager1", "demo")));
    assertThat(secondWait).isLessThanOrEqualTo(secondDelay * 1000L + 1500);
    assertThat(staffLogin(STAFF_DESK, "demo").status()).isEqualTo(200);
    assertThat(adminLogin(ADMIN_DESK, "demo").status()).isEqualTo(200);

    System.out.printf("LOGIN THROTTLE, one address: 50 wrong passwords (25 staff1 on /api, 25 demo on /engine-rest):"
        + " %d checked, %d refused unchecked; staff1, demo and the payment token never refused from their own"
        + " addresses; attacker refused for Retry-After %d s, let in after %d ms; after 10 more wrong logins"
        + " Retry-After %d s, let in after %d ms%n", checked, refused, firstDelay, firstWait, secondDelay, secondWait);
    assertThat(refused).isPositive();
  }

  @Test
  void guessesFromManyAddressesKeepOnlyUnknownAddressesOut() throws Exception {
    String reviewerDesk = "127.0.0.20";
    assertThat(http.get(reviewerDesk, "/api/disclosure-items", basic("reviewer1", "demo")).status()).isEqualTo(200);
    int refused = 0;
    for (int i = 1; i <= 30; i++) {
      LoopbackHttp.Response guess = http.get("127.0.1." + i, "/api/disclosure-items", basic("reviewer1", "guess-" + i));
      assertThat(guess.status()).isEqualTo(401);
      if (guess.header("Retry-After") != null) refused++;
      assertThat(http.get(reviewerDesk, "/api/disclosure-items", basic("reviewer1", "demo")).status())
          .as("reviewer1 from a known address after %d guesses", i).isEqualTo(200);
    }
    // A new address is refused while the account is under attack, then let in.
    String newDesk = "127.0.2.1";
    LoopbackHttp.Response fromNew = http.get(newDesk, "/api/disclosure-items", basic("reviewer1", "demo"));
    assertThat(fromNew.status()).isEqualTo(401);
    int delay = Integer.parseInt(fromNew.header("Retry-After"));
    long wait = millisUntilLetIn(() -> http.get(newDesk, "/api/disclosure-items", basic("reviewer1", "demo")));
    assertThat(wait).isLessThanOrEqualTo(delay * 1000L + 1500);
    // Other accounts are untouched by the attack on reviewer1.
    assertThat(http.get("127.0.2.2", "/api/disclosure-items", basic("staff1", "demo")).status()).isEqualTo(200);
    System.out.printf("LOGIN THROTTLE, 30 addresses, one wrong password each for reviewer1: %d refused unchecked;"
        + " reviewer1 never refused from its known address; a new address refused for Retry-After %d s,"
        + " let in after %d ms%n", refused, delay, wait);
    assertThat(refused).isGreaterThan(0);
  }

  private LoopbackHttp.Response staffLogin(String from, String password) {
    return http.get(from, "/api/disclosure-items", basic("staff1", password));
  }

  private LoopbackHttp.Response adminLogin(String from, String password) {
    return http.get(from, "/engine-rest/user/demo/profile", basic("demo", password));
  }

  private LoopbackHttp.Response payment(String from, String authorization) {
    return http.postJson(from, "/api/applications/A-1999-000001/payments", authorization,
        "{\"amount\": 100000, \"paidOn\": \"2026-01-01\", \"reference\": \"THROTTLE\"}");
  }

  private static long millisUntilLetIn(Supplier<LoopbackHttp.Response> login) throws InterruptedException {
    long start = System.nanoTime();
    while (login.get().status() != 200) {
      assertThat(System.nanoTime() - start).as("let in again within 20 s").isLessThan(20_000_000_000L);
      Thread.sleep(200);
    }
    return (System.nanoTime() - start) / 1_000_000;
  }
}
