package jp.iotcert.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import jp.iotcert.common.Browsers;
import jp.iotcert.common.ProblemHandler;
import jp.iotcert.common.ProblemWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * The 401 of /api as problem+json. API clients are told to use Basic ({@code WWW-Authenticate});
 * browsers are not, so they show no login dialog and never cache Basic credentials that a page of
 * another site could then send along (a browser user reads documents with the Tasklist login, see
 * jp.iotcert.security.WebappSessionAuthentication). A login the throttle refused answers like a
 * wrong password (401), but says to try later and when (Retry-After), so a rightful user who
 * mistyped knows to wait.
 */
public class Unauthorized implements AuthenticationEntryPoint {

  private final ProblemWriter problems;

  public Unauthorized(ProblemWriter problems) {
    this.problems = problems;
  }

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    write(request, response, Browsers.isBrowser(request)
        ? "Tasklistにログインしてから、もう一度リンクを開いてください。書類の閲覧のほかの操作は、ブラウザからは行えません。"
        : "HTTP Basic 認証で利用者IDとパスワードを送ってください。");
  }

  /** Answers 401 with this detail, or with the throttle's "try later" when the login was refused. */
  void write(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
    if (!Browsers.isBrowser(request)) {
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"iotcert\", charset=\"UTF-8\"");
    }
    String title = "認証が必要です";
    if (request.getAttribute(ThrottledIdentityProvider.REFUSED_FOR) instanceof Duration refusal) {
      long seconds = ThrottledIdentityProvider.retryAfterSeconds(refusal);
      response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
      title = "ログインを一時的に受け付けていません";
      detail = "認証の失敗が続いたため、この接続元からのログインを一時的に受け付けていません。"
          + seconds + "秒後に再度お試しください。";
    }
    problems.write(response, ProblemHandler.problem(HttpStatus.UNAUTHORIZED, title, detail));
  }
}
