package jp.iotcert.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * 401 on /api. API clients are told to use Basic ({@code WWW-Authenticate}); browsers are not, so
 * they show no login dialog and never cache Basic credentials that a page of another site could
 * then send along. A browser user reads documents with the Tasklist login instead
 * ({@link WebappSessionAuthentication}).
 */
public class ApiAuthenticationEntryPoint implements AuthenticationEntryPoint {

  private final ObjectMapper json;

  public ApiAuthenticationEntryPoint(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    if (Browsers.isBrowser(request)) {
      ApiProblems.write(json, response, HttpStatus.UNAUTHORIZED, "ログインが必要です",
          "Tasklistにログインしてから、もう一度リンクを開いてください。書類の閲覧のほかの操作は、ブラウザからは行えません。");
      return;
    }
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"iotcert\", charset=\"UTF-8\"");
    ApiProblems.write(json, response, HttpStatus.UNAUTHORIZED, "認証が必要です",
        "HTTP Basic 認証で利用者IDとパスワードを送ってください。");
  }
}
