package jp.iotcert.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The throttle's rules with a clock the test moves: bounded, growing delays and no lock-out of known addresses. */
class LoginThrottleTest {

  private final MovableClock clock = new MovableClock();
  private final LoginThrottle throttle = new LoginThrottle(new LoginThrottleSettings(Duration.ofMinutes(15), 10, 5, 20,
      Duration.ofMinutes(1), Duration.ofMinutes(15), Duration.ofDays(30), 1000), clock);

  @Test
  void oneAccountFromOneAddressIsRefusedAfterFiveFailuresForAGrowingCappedDelay() {
    for (int i = 0; i < 4; i++) {
      throttle.failed("staff1", "10.0.0.9");
    }
    assertThat(throttle.refusal("staff1", "10.0.0.9")).isEmpty();
    throttle.failed("staff1", "10.0.0.9");
    assertThat(throttle.refusal("staff1", "10.0.0.9")).contains(Duration.ofMinutes(1));
    // Only that pair: the address may still try another account, the account from another address.
    assertThat(throttle.refusal("manager1", "10.0.0.9")).isEmpty();
    assertThat(throttle.refusal("staff1", "10.0.0.10")).isEmpty();

    Duration[] expected = {Duration.ofMinutes(2), Duration.ofMinutes(4), Duration.ofMinutes(8), Duration.ofMinutes(15),
        Duration.ofMinutes(15)};
    for (Duration delay : expected) {
      clock.advance(throttle.refusal("staff1", "10.0.0.9").orElseThrow());
      assertThat(throttle.refusal("staff1", "10.0.0.9")).isEmpty();
      for (int i = 0; i < 5; i++) {
        throttle.failed("staff1", "10.0.0.9");
      }
      assertThat(throttle.refusal("staff1", "10.0.0.9")).contains(delay);
    }
  }

  @Test
  void anAddressIsRefusedForEveryAccountAfterTenFailuresAndItsOwnLoginDoesNotClearIt() {
    for (int i = 0; i < 10; i++) {
      throttle.failed("user" + i, "10.0.0.9");
      throttle.succeeded("provider1", "10.0.0.9");
    }
    assertThat(throttle.refusal("provider1", "10.0.0.9")).contains(Duration.ofMinutes(1));
    assertThat(throttle.refusal("provider1", "10.0.0.10")).isEmpty();
    assertThat(throttle.refusal("10.0.0.9")).contains(Duration.ofMinutes(1));
    clock.advance(Duration.ofSeconds(59));
    assertThat(throttle.refusal("provider1", "10.0.0.9")).contains(Duration.ofSeconds(1));
    clock.advance(Duration.ofSeconds(1));
    assertThat(throttle.refusal("provider1", "10.0.0.9")).isEmpty();
  }

  @Test
  void failuresFurtherApartThanTheWindowStartTheCountAgain() {
    for (int i = 0; i < 20; i++) {
      throttle.failed("staff1", "10.0.0.9");
      clock.advance(Duration.ofMinutes(16));
    }
    assertThat(throttle.refusal("staff1", "10.0.0.9")).isEmpty();
  }

  @Test
  void aDistributedAttackKeepsOnlyAddressesOutThatNeverLoggedIntoTheAccount() {
    throttle.succeeded("staff1", "192.0.2.1");
    for (int i = 1; i <= 20; i++) {
      throttle.failed("staff1", "198.51.100." + i);
    }
    assertThat(throttle.refusal("staff1", "192.0.2.1")).isEmpty();
    assertThat(throttle.refusal("staff1", "203.0.113.7")).contains(Duration.ofMinutes(1));
    assertThat(throttle.refusal("manager1", "203.0.113.7")).isEmpty();
    clock.advance(Duration.ofMinutes(1));
    assertThat(throttle.refusal("staff1", "203.0.113.7")).isEmpty();
  }

  @Test
  void accountsAreCountedWithoutRegardToCaseAndIpv6ClientsByTheirSlash64() {
    for (int i = 0; i < 5; i++) {
      throttle.failed(i % 2 == 0 ? "Staff1" : "staff1", "2001:db8:1:2::" + (i + 1));
    }
    assertThat(throttle.refusal("STAFF1", "2001:db8:1:2:ffff::1")).contains(Duration.ofMinutes(1));
    assertThat(throttle.refusal("staff1", "2001:db8:1:3::1")).isEmpty();
    assertThat(LoginThrottle.clientKey(null)).isEqualTo("unknown");
  }

  @Test
  void roundsAreForgottenOnceTheWindowAndTheLongestDelayHavePassed() {
    for (int i = 0; i < 5; i++) {
      throttle.failed("staff1", "10.0.0.9");
    }
    assertThat(throttle.refusal("staff1", "10.0.0.9")).contains(Duration.ofMinutes(1));
    clock.advance(Duration.ofMinutes(31));
    for (int i = 0; i < 5; i++) {
      throttle.failed("staff1", "10.0.0.9");
    }
    assertThat(throttle.refusal("staff1", "10.0.0.9")).contains(Duration.ofMinutes(1));
  }

  private static final class MovableClock extends Clock {
    private Instant now = Instant.parse("2026-12-01T00:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
