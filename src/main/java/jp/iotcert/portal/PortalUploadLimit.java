package jp.iotcert.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * An upload over the multipart limits on a portal form: a page that says so in Japanese, with the way
 * back, instead of the API's problem+json (common/ProblemHandler answers every other path). The
 * limit is met before any controller is chosen, so this resolver runs first and answers only /portal.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class PortalUploadLimit implements HandlerExceptionResolver {

  private final DataSize maxFileSize;
  private final DataSize maxRequestSize;

  public PortalUploadLimit(@Value("${spring.servlet.multipart.max-file-size}") DataSize maxFileSize,
      @Value("${spring.servlet.multipart.max-request-size}") DataSize maxRequestSize) {
    this.maxFileSize = maxFileSize;
    this.maxRequestSize = maxRequestSize;
  }

  @Override
  public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
      Exception exception) {
    if (!(exception instanceof MaxUploadSizeExceededException) || !request.getRequestURI().startsWith("/portal/")) {
      return null;
    }
    ModelAndView page = new ModelAndView("portal/upload-too-large", HttpStatus.PAYLOAD_TOO_LARGE);
    page.addObject("maxFileMb", maxFileSize.toMegabytes());
    page.addObject("maxRequestMb", maxRequestSize.toMegabytes());
    page.addObject("back", backTo(request.getHeader("Referer")));
    return page;
  }

  /** The form's page the browser came from, when it is a portal page; else the portal's home. */
  static String backTo(String referer) {
    try {
      java.net.URI uri = java.net.URI.create(referer == null ? "" : referer);
      String path = uri.getRawPath();
      if (path != null && path.startsWith("/portal/") && !path.contains("..")) {
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
      }
    } catch (IllegalArgumentException e) {
      // not a URI: home
    }
    return PortalPaths.HOME;
  }
}
