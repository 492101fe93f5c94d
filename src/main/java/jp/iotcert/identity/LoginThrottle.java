package jp.iotcert.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing without ever letting a stranger lock someone out. Three counters
 * of failed logins, all in memory, bounded in size and forgotten after a while:
 * <ul>
 *   <li>per client address: after {@code addressFailures} failures the address is refused (for
 *       every account) for a delay that doubles with each further round, up to {@code maxDelay};</li>
 *   <li>per account and address: the same after the smaller {@code accountAddressFailures}, for
 *       that account only;</li>
 *   <li>per account over all addresses (a distributed attack): after {@code accountFailures} the
 *       account is refused, for the same growing delay, only to addresses that have not logged into
 *       it successfully within {@code knownAddressRetention}, so its owner at a known desk gets in.</li>
 * </ul>
 * A refused attempt is not checked (a right password does not help) and not counted, so no refusal
 * outlasts its delay. Accounts are never locked for good; an administrator still can, by hand.
 */
@Component
public class LoginThrottle {

  private final LoginThrottleSettings settings;
  private final Clock clock;
  private final Cache<String, Counter> byAddress;
  private final Cache<String, Counter> byAccountAndAddress;
  private final Cache<String, Counter> byAccount;
  /** account + address of recent successful logins. */
  private final Cache<String, Boolean> knownAddresses;

  @Autowired
  public LoginThrottle(LoginThrottleSettings settings) {
    this(settings, Clock.systemUTC());
  }

  public LoginThrottle(LoginThrottleSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    // A counter lives as long as a refusal may last plus its window, then it is forgotten.
    Duration retention = settings.window().plus(settings.maxDelay());
    byAddress = cache(retention);
    byAccountAndAddress = cache(retention);
    byAccount = cache(retention);
    knownAddresses = cache(settings.knownAddressRetention());
  }

  private <V> Cache<String, V> cache(Duration retention) {
    Ticker ticker = () -> TimeUnit.MILLISECONDS.toNanos(clock.millis());
    return Caffeine.newBuilder().ticker(ticker).expireAfterWrite(retention).maximumSize(settings.maxEntries()).build();
  }

  /**
   * How long a login of this account from this address is refused without looking at the
   * password; empty when it may be checked.
   */
  public Optional<Duration> refusal(String account, String address) {
    Instant now = clock.instant();
    String client = clientKey(address);
    String user = accountKey(account);
    Duration longest = Duration.ZERO;
    longest = longer(longest, remaining(byAddress.getIfPresent(client), now));
    longest = longer(longest, remaining(byAccountAndAddress.getIfPresent(user + " " + client), now));
    if (knownAddresses.getIfPresent(user + " " + client) == null) {
      longest = longer(longest, remaining(byAccount.getIfPresent(user), now));
    }
    return longest.isZero() ? Optional.empty() : Optional.of(longest);
  }

  /** How long credentials that name no account (a payment token) from this address are refused. */
  public Optional<Duration> refusal(String address) {
    Duration remaining = remaining(byAddress.getIfPresent(clientKey(address)), clock.instant());
    return remaining.isZero() ? Optional.empty() : Optional.of(remaining);
  }

  /** A wrong password (or an unknown account) from this address. */
  public void failed(String account, String address) {
    Instant now = clock.instant();
    String client = clientKey(address);
    String user = accountKey(account);
    count(byAddress, client, settings.addressFailures(), now);
    count(byAccountAndAddress, user + " " + client, settings.accountAddressFailures(), now);
    count(byAccount, user, settings.accountFailures(), now);
  }

  /** A failed credential that names no account (a wrong payment token): counts for the address only. */
  public void failed(String address) {
    count(byAddress, clientKey(address), settings.addressFailures(), clock.instant());
  }

  /**
   * A right password: the address becomes known for this account and its failures for this account
   * are forgotten. The address's own count stays, or one valid account would let an address guess
   * others' passwords freely.
   */
  public void succeeded(String account, String address) {
    String key = accountKey(account) + " " + clientKey(address);
    byAccountAndAddress.invalidate(key);
    knownAddresses.put(key, Boolean.TRUE);
  }

  private void count(Cache<String, Counter> counters, String key, int threshold, Instant now) {
    counters.asMap().compute(key, (k, counter) -> {
      Counter c = counter == null ? new Counter() : counter;
      c.fail(now, threshold, settings);
      return c;
    });
  }

  private static Duration remaining(Counter counter, Instant now) {
    return counter == null ? Duration.ZERO : counter.remaining(now);
  }

  private static Duration longer(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static String accountKey(String account) {
    return account == null ? "" : account.toLowerCase(Locale.ROOT);
  }

  /**
   * The address a client is counted under. An IPv6 client usually holds a whole /64, so it is
   * counted by that prefix; an unknown address (no HTTP request) is one shared client.
   */
  public static String clientKey(String address) {
    if (address == null || address.isBlank()) {
      return "unknown";
    }
    if (address.indexOf(':') < 0) {
      return address;
    }
    try {
      byte[] bytes = InetAddress.getByName(address).getAddress();
      if (bytes.length == 16) {
        Arrays.fill(bytes, 8, 16, (byte) 0);
        return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
      }
      return InetAddress.getByAddress(bytes).getHostAddress();
    } catch (UnknownHostException e) {
      return address;
    }
  }

  /** Failures in the current window, rounds of refusal so far, and the end of the current refusal. */
  private static final class Counter {
    private int failures;
    private int rounds;
    private Instant lastFailure;
    private Instant refusedUntil;

    synchronized void fail(Instant now, int threshold, LoginThrottleSettings settings) {
      if (lastFailure != null && Duration.between(lastFailure, now).compareTo(settings.window()) > 0) {
        failures = 0;
      }
      failures++;
      lastFailure = now;
      if (failures >= threshold) {
        rounds++;
        failures = 0;
        refusedUntil = now.plus(delay(rounds, settings));
      }
    }

    synchronized Duration remaining(Instant now) {
      return refusedUntil == null || !now.isBefore(refusedUntil) ? Duration.ZERO : Duration.between(now, refusedUntil);
    }

    private static Duration delay(int rounds, LoginThrottleSettings settings) {
      Duration delay = settings.initialDelay();
      for (int i = 1; i < rounds && delay.compareTo(settings.maxDelay()) < 0; i++) {
        delay = delay.multipliedBy(2);
      }
      return delay.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : delay;
    }
  }
}
