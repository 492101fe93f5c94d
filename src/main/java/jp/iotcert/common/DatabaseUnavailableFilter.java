package jp.iotcert.common;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 503 (problem+json, Retry-After) when /api fails because the database is unreachable
 * outside a controller: the HTTP Basic login reads the engine's accounts before any controller runs,
 * so in an outage it fails there, and without this the client got Tomcat's 500 page. Errors inside
 * controllers reach {@link ProblemHandler}, which answers the same.
 */
public class DatabaseUnavailableFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

  private final ProblemWriter problems;

  public DatabaseUnavailableFilter(ProblemWriter problems) {
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (ServletException | RuntimeException e) {
      if (!DatabaseUnavailable.causedBy(e) || response.isCommitted()) {
        throw e;
      }
      LOG.warn("Database unavailable: {} {} answered 503 ({})", request.getMethod(), request.getRequestURI(), e.toString());
      response.resetBuffer();
      response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS));
      problems.write(response, DatabaseUnavailable.problem());
    }
  }
}
