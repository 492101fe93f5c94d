package jp.iotcert.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The login throttle's numbers, {@code iotcert.login-throttle.*} (defaults in application.yaml,
 * explained in docs/operations.md).
 *
 * @param window failures further apart than this start the count again
 * @param addressFailures failures from one address (any accounts) before it is refused
 * @param accountAddressFailures failures for one account from one address before that pair is refused
 * @param accountFailures failures for one account from all addresses before unknown addresses are refused
 * @param initialDelay the first refusal; each further round doubles it
 * @param maxDelay the longest refusal
 * @param knownAddressRetention how long a successful login keeps its address known for the account
 * @param maxEntries the most entries each counter keeps (memory bound)
 */
@ConfigurationProperties("iotcert.login-throttle")
public record LoginThrottleSettings(Duration window, int addressFailures, int accountAddressFailures,
    int accountFailures, Duration initialDelay, Duration maxDelay, Duration knownAddressRetention, long maxEntries) {}
