package jp.iotcert.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Optional;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The engine's identity provider with our {@link LoginThrottle} in place of the engine's lock.
 * Every password login passes here (/api, /engine-rest and the webapps all call
 * IdentityService.checkPassword), so this is the one place that throttles them all. The client
 * address comes from the current HTTP request.
 */
public class ThrottledIdentityProvider extends DbIdentityServiceProvider {

  /** Request attribute holding the {@link Duration} a refused login may retry after. */
  public static final String REFUSED_FOR = ThrottledIdentityProvider.class.getName() + ".refusedFor";

  private final LoginThrottle throttle;

  public ThrottledIdentityProvider(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  @Override
  public boolean checkPassword(String userId, String password) {
    Optional<ServletRequestAttributes> request = currentRequest();
    String address = request.map(r -> r.getRequest().getRemoteAddr()).orElse(null);
    Optional<Duration> refusal = throttle.refusal(userId, address);
    if (refusal.isPresent()) {
      request.ifPresent(r -> tellToRetryLater(r, refusal.get()));
      return false;
    }
    UserEntity user = userId == null ? null : findUserById(userId);
    // An empty password never logs in, as in the engine's own check this replaces.
    boolean valid = user != null && password != null && !password.isEmpty() && matchPassword(password, user);
    if (valid) {
      throttle.succeeded(userId, address);
      // Clears a lock the engine's own throttling may have left from before.
      unlockUser(user);
    } else {
      throttle.failed(userId, address);
    }
    return valid;
  }

  private static void tellToRetryLater(ServletRequestAttributes attributes, Duration refusal) {
    HttpServletRequest request = attributes.getRequest();
    request.setAttribute(REFUSED_FOR, refusal);
    HttpServletResponse response = attributes.getResponse();
    if (response != null && !response.isCommitted()) {
      response.setHeader("Retry-After", Long.toString(retryAfterSeconds(refusal)));
    }
  }

  /** Whole seconds, rounded up, as Retry-After wants them. */
  public static long retryAfterSeconds(Duration refusal) {
    return Math.max(1, (refusal.toMillis() + 999) / 1000);
  }

  private static Optional<ServletRequestAttributes> currentRequest() {
    return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
        ? Optional.of(attributes) : Optional.empty();
  }
}
