package jp.iotcert.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * The administrator and the payment system's token (iotcert.admin.*, iotcert.payment.token), and
 * whether demo accounts are made. An installation (the {@code postgres} profile) must bring its own
 * strong values from the environment: start-up fails, naming the variables, rather than run with a
 * default or demo secret or without an administrator (whom anybody could then create).
 */
@Component
public class AccountSettings {

  public static final String PRODUCTION_PROFILE = "postgres";
  /** The demo password of every demo account. */
  public static final String DEMO_PASSWORD = "demo";
  /** The demo profile's fixed payment token, documented in the README. */
  public static final String DEMO_PAYMENT_TOKEN = "demo-payment-token-not-for-production";
  static final int MIN_ADMIN_PASSWORD_LENGTH = 12;
  static final int MIN_PAYMENT_TOKEN_LENGTH = 32;

  private final String adminUserId;
  private final String adminPassword;
  private final String paymentToken;
  private final boolean demoData;

  public AccountSettings(@Value("${iotcert.admin.user-id:}") String adminUserId,
      @Value("${iotcert.admin.password:}") String adminPassword,
      @Value("${iotcert.payment.token:}") String paymentToken,
      @Value("${iotcert.demo-data:false}") boolean demoData, Environment environment) {
    this.adminUserId = adminUserId.trim();
    this.adminPassword = adminPassword;
    this.paymentToken = paymentToken;
    this.demoData = demoData;
    List<String> problems = problems(environment.acceptsProfiles(Profiles.of(PRODUCTION_PROFILE)));
    if (!problems.isEmpty()) {
      throw new IllegalStateException("Refusing to start: " + String.join("; ", problems));
    }
  }

  private List<String> problems(boolean production) {
    List<String> problems = new ArrayList<>();
    if (adminUserId.isEmpty() || adminPassword.isEmpty()) {
      problems.add("the administrator is missing: set IOTCERT_ADMIN_USER and IOTCERT_ADMIN_PASSWORD"
          + " (iotcert.admin.user-id, iotcert.admin.password)");
    }
    if (!production) {
      return problems;
    }
    if (!adminPassword.isEmpty() && (adminPassword.length() < MIN_ADMIN_PASSWORD_LENGTH
        || Set.of(DEMO_PASSWORD, DEMO_PAYMENT_TOKEN, adminUserId).contains(adminPassword))) {
      problems.add("IOTCERT_ADMIN_PASSWORD is weak: at least " + MIN_ADMIN_PASSWORD_LENGTH
          + " characters, not a demo password, not the user id");
    }
    if (!adminPassword.isEmpty() && adminPassword.chars().distinct().count() < 4) {
      problems.add("IOTCERT_ADMIN_PASSWORD is weak: it repeats too few different characters");
    }
    // The filter compares the presented token trimmed: a stored one with spaces around could never match.
    if (paymentToken.length() < MIN_PAYMENT_TOKEN_LENGTH || paymentToken.equals(DEMO_PAYMENT_TOKEN)
        || !paymentToken.equals(paymentToken.strip())) {
      problems.add("IOTCERT_PAYMENT_TOKEN (iotcert.payment.token) must be set to a secret of at least "
          + MIN_PAYMENT_TOKEN_LENGTH + " characters, not the demo token, without spaces around it (e.g. openssl rand -hex 32)");
    }
    if (demoData) {
      problems.add("demo accounts are never created in the " + PRODUCTION_PROFILE + " profile (iotcert.demo-data=true)");
    }
    return problems;
  }

  public String adminUserId() {
    return adminUserId;
  }

  public String adminPassword() {
    return adminPassword;
  }

  public String paymentToken() {
    return paymentToken;
  }

  public boolean demoData() {
    return demoData;
  }
}
