package jp.iotcert.portal;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/** The portal's paths that its security chain (config.SecurityConfig#portal) needs to know. */
public final class PortalPaths {

  public static final String HOME = "/portal/";
  public static final String LOGIN = "/portal/login";
  public static final String LOGOUT = "/portal/logout";
  public static final String FORBIDDEN = "/portal/forbidden";

  /** Reachable without a login: signing in, registering, confirming an e-mail, resetting a password. */
  public static final String[] PUBLIC = {
      LOGIN, FORBIDDEN, "/portal/portal.css", "/portal/register", "/portal/register/**",
      "/portal/account/confirm/**", "/portal/password-reset", "/portal/password-reset/**"};

  private PortalPaths() {}

  /**
   * After a login: back to the page that asked for it (or the home page), in a new session (Spring's
   * session-fixation protection) that ends after the portal's idle timeout.
   */
  public static AuthenticationSuccessHandler loginSuccess(Duration idleTimeout) {
    SavedRequestAwareAuthenticationSuccessHandler target = new SavedRequestAwareAuthenticationSuccessHandler();
    target.setDefaultTargetUrl(HOME);
    target.setAlwaysUseDefaultTargetUrl(false);
    return (request, response, authentication) -> {
      timeout(request, idleTimeout);
      target.onAuthenticationSuccess(request, response, authentication);
    };
  }

  private static void timeout(HttpServletRequest request, Duration idleTimeout) {
    request.getSession().setMaxInactiveInterval((int) idleTimeout.toSeconds());
  }
}
