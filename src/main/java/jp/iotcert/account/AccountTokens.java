package jp.iotcert.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import jp.iotcert.common.BusinessCalendar;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one-time links the portal mails (e-mail confirmation, invitation, password reset). A token is 32
 * random bytes (SecureRandom, URL-safe Base64); only its SHA-256 is stored, so a copy of the database
 * opens no account. A token serves one purpose, expires, and is spent by the first use (an update
 * guarded by used_at, so two simultaneous uses cannot both succeed).
 */
@Component
public class AccountTokens {

  public enum Purpose { CONFIRM, INVITE, RESET }

  /** What a token was issued for. */
  public record Token(Purpose purpose, String userId, String email, String corporateNumber, String createdBy,
      Instant expiresAt) {}

  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;
  private final BusinessCalendar calendar;

  public AccountTokens(JdbcClient jdbc, BusinessCalendar calendar) {
    this.jdbc = jdbc;
    this.calendar = calendar;
  }

  /** Issues a token and returns it in the clear (for the mail only; it is not kept). */
  public String issue(Purpose purpose, String userId, String email, String corporateNumber, String createdBy,
      Duration lifetime) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Instant now = calendar.now();
    jdbc.sql("""
        INSERT INTO account_token (token_hash, purpose, user_id, email, corporate_number, created_by, created_at, expires_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(hash(token), purpose.name(), userId, email, corporateNumber, createdBy, Timestamp.from(now),
            Timestamp.from(now.plus(lifetime)))
        .update();
    return token;
  }

  /** The token if it is valid for the purpose (issued, unused, unexpired), without spending it. */
  public Optional<Token> peek(Purpose purpose, String token) {
    if (!wellFormed(token)) {
      return Optional.empty();
    }
    return jdbc.sql("""
        SELECT purpose, user_id, email, corporate_number, created_by, expires_at FROM account_token
        WHERE token_hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > ?""")
        .params(hash(token), purpose.name(), Timestamp.from(calendar.now()))
        .query((rs, i) -> new Token(Purpose.valueOf(rs.getString("purpose")), rs.getString("user_id"),
            rs.getString("email"), rs.getString("corporate_number"), rs.getString("created_by"),
            rs.getTimestamp("expires_at").toInstant()))
        .optional();
  }

  /** Spends the token if it is valid for the purpose; empty when it is not (unknown, used, expired). */
  public Optional<Token> spend(Purpose purpose, String token) {
    Optional<Token> valid = peek(purpose, token);
    if (valid.isEmpty()) {
      return valid;
    }
    Timestamp now = Timestamp.from(calendar.now());
    int spent = jdbc.sql("UPDATE account_token SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?")
        .params(now, hash(token), now).update();
    return spent == 1 ? valid : Optional.empty();
  }

  /** Spends every unused token of the purpose for the account (a new reset link replaces older ones). */
  public void spendAll(Purpose purpose, String userId) {
    jdbc.sql("UPDATE account_token SET used_at = ? WHERE purpose = ? AND user_id = ? AND used_at IS NULL")
        .params(Timestamp.from(calendar.now()), purpose.name(), userId).update();
  }

  /** 43 characters of URL-safe Base64: anything else was never issued and is not looked up. */
  private static boolean wellFormed(String token) {
    return token != null && token.matches("[A-Za-z0-9_-]{43}");
  }

  static String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
