package jp.iotcert.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import jp.iotcert.common.ProblemHandler;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** problem+json answers of /api written by filters, which run before Spring MVC's ProblemHandler. */
final class ApiProblems {

  private ApiProblems() {}

  static void write(ObjectMapper json, HttpServletResponse response, HttpStatus status, String title, String detail)
      throws IOException {
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getOutputStream(), ProblemHandler.asMap(ProblemHandler.problem(status, title, detail)));
  }
}
