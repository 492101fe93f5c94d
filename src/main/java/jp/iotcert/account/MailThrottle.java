package jp.iotcert.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import jp.iotcert.identity.LoginThrottle;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Limits the mails strangers can make the portal send (registration, password reset), so nobody can
 * mail-bomb an address through it: per client address (counted as LoginThrottle counts addresses, an
 * IPv6 client by its /64) and per recipient, each within a sliding window of the first request. In
 * memory and bounded, like the login throttle; a restart forgets the counts, which only costs a few mails.
 */
@Component
public class MailThrottle {

  private final int perAddress;
  private final int perRecipient;
  private final Cache<String, AtomicInteger> byAddress;
  private final Cache<String, AtomicInteger> byRecipient;

  public MailThrottle(@Value("${iotcert.portal.mail-throttle.per-address:10}") int perAddress,
      @Value("${iotcert.portal.mail-throttle.per-recipient:3}") int perRecipient,
      @Value("${iotcert.portal.mail-throttle.window:PT1H}") Duration window) {
    this.perAddress = perAddress;
    this.perRecipient = perRecipient;
    byAddress = Caffeine.newBuilder().expireAfterWrite(window).maximumSize(100_000).build();
    byRecipient = Caffeine.newBuilder().expireAfterWrite(window).maximumSize(100_000).build();
  }

  /** Counts a request from the address; false when the address has asked too often (it is told to wait). */
  public boolean addressMay(String address) {
    return byAddress.get(LoginThrottle.clientKey(address), k -> new AtomicInteger()).incrementAndGet() <= perAddress;
  }

  /** Counts a mail to the recipient; false when it got enough of them lately (silently not sent again). */
  public boolean recipientMay(String email) {
    return byRecipient.get(email.toLowerCase(Locale.ROOT), k -> new AtomicInteger()).incrementAndGet() <= perRecipient;
  }
}
