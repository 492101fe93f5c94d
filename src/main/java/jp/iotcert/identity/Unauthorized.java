package jp.iotcert.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import jp.iotcert.common.ProblemHandler;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * The 401 of /api as problem+json. A login the throttle refused answers like a wrong password
 * (401), but says to try later and when (Retry-After), so a rightful user who mistyped knows to wait.
 */
public class Unauthorized implements AuthenticationEntryPoint {

  private final ObjectMapper json;

  public Unauthorized(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    write(request, response, "HTTP Basic 認証で利用者IDとパスワードを送ってください。");
  }

  /** Answers 401 with this detail, or with the throttle's "try later" when the login was refused. */
  void write(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
    response.setHeader("WWW-Authenticate", "Basic realm=\"iotcert\", charset=\"UTF-8\"");
    String title = "認証が必要です";
    if (request.getAttribute(ThrottledIdentityProvider.REFUSED_FOR) instanceof Duration refusal) {
      long seconds = ThrottledIdentityProvider.retryAfterSeconds(refusal);
      response.setHeader("Retry-After", Long.toString(seconds));
      title = "ログインを一時的に受け付けていません";
      detail = "認証の失敗が続いたため、この接続元からのログインを一時的に受け付けていません。"
          + seconds + "秒後に再度お試しください。";
    }
    response.setStatus(HttpStatus.UNAUTHORIZED.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getOutputStream(),
        ProblemHandler.asMap(ProblemHandler.problem(HttpStatus.UNAUTHORIZED, title, detail)));
  }
}
