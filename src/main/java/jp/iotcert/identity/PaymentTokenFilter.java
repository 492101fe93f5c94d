package jp.iotcert.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The payment system's own credential: {@code Authorization: Bearer <iotcert.payment.token>} on
 * {@code POST /api/applications/{no}/payments} and nowhere else. It is no engine account, so no
 * stranger's password guesses touch it. A wrong token is refused (401) and counts against the
 * client address in the {@link LoginThrottle}, never against the payment system. Not a bean, so
 * it runs only in the /api security chain.
 */
public class PaymentTokenFilter extends OncePerRequestFilter {

  /** The authority (ROLE_ + this) a valid token grants; no engine group has this name. */
  public static final String ROLE = "payment-system";
  /** Who recorded a payment made with the token. */
  public static final String PRINCIPAL = "payment-system";
  private static final RequestMatcher PAYMENTS =
      AntPathRequestMatcher.antMatcher(HttpMethod.POST, "/api/applications/*/payments");
  private static final String BEARER = "Bearer ";

  private final byte[] expectedDigest;
  private final LoginThrottle throttle;
  private final Unauthorized unauthorized;

  public PaymentTokenFilter(String token, LoginThrottle throttle, Unauthorized unauthorized) {
    this.expectedDigest = token == null || token.isBlank() ? null : sha256(token);
    this.throttle = throttle;
    this.unauthorized = unauthorized;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length()) || !PAYMENTS.matches(request)) {
      chain.doFilter(request, response);
      return;
    }
    if (matches(header.substring(BEARER.length()).trim())) {
      SecurityContext context = SecurityContextHolder.createEmptyContext();
      context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(PRINCIPAL, null,
          List.of(new SimpleGrantedAuthority("ROLE_" + ROLE))));
      SecurityContextHolder.setContext(context);
      chain.doFilter(request, response);
      return;
    }
    String address = request.getRemoteAddr();
    Optional<Duration> refusal = throttle.refusal(address);
    if (refusal.isPresent()) {
      request.setAttribute(ThrottledIdentityProvider.REFUSED_FOR, refusal.get());
    } else {
      throttle.failed(address);
    }
    unauthorized.write(request, response, "決済システムのトークンが正しくありません。");
  }

  /** Compares digests, so the time taken says nothing about how much of the token was right. */
  private boolean matches(String given) {
    return expectedDigest != null && MessageDigest.isEqual(expectedDigest, sha256(given));
  }

  private static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
