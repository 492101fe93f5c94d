package jp.iotcert.common;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Query parameters of /api obey {@link TextRules} (single line) and must be valid UTF-8, checked on
 * the raw query string before anything reads them: a NUL would otherwise reach PostgreSQL (which
 * refuses it with a 500) and invalid bytes would silently become U+FFFD.
 */
@Component
public class QueryParameterFilter extends OncePerRequestFilter {

  private final ProblemWriter writer;

  public QueryParameterFilter(ProblemWriter writer) {
    this.writer = writer;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return request.getQueryString() == null || !request.getRequestURI().startsWith("/api/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    for (String pair : request.getQueryString().split("&")) {
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      String violation = name == null || value == null ? "UTF-8 として正しくないバイト列が含まれています"
          : TextRules.violation(name + value, TextRules.Lines.FORBIDDEN);
      if (violation != null) {
        String field = name == null ? "query" : name;
        String message = "パラメータ「" + TextRules.sanitize(field) + "」: " + violation;
        ProblemDetail problem = ProblemHandler.problem(HttpStatus.BAD_REQUEST, "入力内容に誤りがあります", message);
        problem.setProperty("errors", List.of(new InvalidInputException.FieldError(TextRules.sanitize(field), message)));
        writer.write(response, problem);
        return;
      }
    }
    chain.doFilter(request, response);
  }

  /** Percent-decodes strictly as UTF-8 ('+' is a space); null when the bytes are not UTF-8 or the escape is broken. */
  static String decode(String encoded) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < encoded.length(); i++) {
      char c = encoded.charAt(i);
      if (c == '%') {
        if (i + 2 >= encoded.length()) {
          return null;
        }
        int high = Character.digit(encoded.charAt(i + 1), 16);
        int low = Character.digit(encoded.charAt(i + 2), 16);
        if (high < 0 || low < 0) {
          return null;
        }
        bytes.write(high * 16 + low);
        i += 2;
      } else if (c == '+') {
        bytes.write(' ');
      } else {
        bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      }
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
