package jp.iotcert.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MailThrottleTest {

  @Test
  void anAddressAndARecipientGetOnlySoManyMailsAndOthersAreNotHeldBack() {
    MailThrottle throttle = new MailThrottle(3, 2, Duration.ofHours(1));
    assertThat(throttle.addressMay("192.0.2.1")).isTrue();
    assertThat(throttle.addressMay("192.0.2.1")).isTrue();
    assertThat(throttle.addressMay("192.0.2.1")).isTrue();
    assertThat(throttle.addressMay("192.0.2.1")).as("the fourth request of the address").isFalse();
    assertThat(throttle.addressMay("192.0.2.2")).as("another address").isTrue();
    // An IPv6 client is counted by its /64, as the login throttle counts it.
    assertThat(throttle.addressMay("2001:db8::1")).isTrue();
    assertThat(throttle.addressMay("2001:db8::2")).isTrue();
    assertThat(throttle.addressMay("2001:db8::3")).isTrue();
    assertThat(throttle.addressMay("2001:db8::4")).isFalse();

    assertThat(throttle.recipientMay("Victim@example.co.jp")).isTrue();
    assertThat(throttle.recipientMay("victim@example.co.jp")).isTrue();
    assertThat(throttle.recipientMay("victim@example.co.jp")).as("the third mail to one address").isFalse();
    assertThat(throttle.recipientMay("other@example.co.jp")).isTrue();
  }
}
