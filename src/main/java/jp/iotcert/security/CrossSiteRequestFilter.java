package jp.iotcert.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import jp.iotcert.common.Browsers;
import jp.iotcert.common.ProblemHandler;
import jp.iotcert.common.ProblemWriter;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Cross-site request forgery on /api: a page of another site can make a browser send a form
 * (multipart, urlencoded or text/plain) with whatever credentials the browser holds. Every state
 * change (any method but GET, HEAD, OPTIONS, TRACE) that a browser marks as coming from elsewhere is
 * refused before authentication and before anything is read or stored:
 * <ul>
 *   <li>{@code Sec-Fetch-Site} present and neither {@code same-origin} nor {@code none};</li>
 *   <li>{@code Origin} present (browsers send it on every cross-origin POST) and neither the request's
 *       own origin nor that of {@code iotcert.public-base-url} ({@code Origin: null} included).</li>
 * </ul>
 * API clients that are not browsers send neither header and are not affected. /api/public is not
 * in this chain (SecurityConfig.publicApi): it takes no credentials, so a page elsewhere can lend it
 * none (the body's website may post inquiries from its own pages).
 */
public class CrossSiteRequestFilter extends OncePerRequestFilter {

  private final ProblemWriter problems;
  private final String publicOrigin;

  public CrossSiteRequestFilter(ProblemWriter problems, String publicBaseUrl) {
    this.problems = problems;
    this.publicOrigin = Browsers.originOf(publicBaseUrl);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (Browsers.isSafe(request) || (Browsers.fetchSiteIsOwn(request) && originIsOwn(request))) {
      chain.doFilter(request, response);
      return;
    }
    problems.write(response, ProblemHandler.problem(HttpStatus.FORBIDDEN, "他のサイトからの送信です",
        "他のサイトのページから送られた更新の要求は受け付けません。この API は業務システムから HTTP Basic 認証で呼び出してください。"));
  }

  private boolean originIsOwn(HttpServletRequest request) {
    String origin = request.getHeader("Origin");
    if (origin == null) {
      return true;
    }
    String sent = Browsers.originOf(origin);
    return sent != null && (sent.equals(Browsers.ownOrigin(request)) || sent.equals(publicOrigin));
  }
}
