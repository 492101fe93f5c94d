package jp.iotcert.common;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/** What a request tells about the browser that sent it (Fetch Metadata and Origin headers). */
public final class Browsers {

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  private Browsers() {}

  public static boolean isSafe(HttpServletRequest request) {
    return SAFE_METHODS.contains(request.getMethod());
  }

  /**
   * True for a request a browser made: browsers send Sec-Fetch-* on every request (plain API clients
   * such as curl or the payment system do not), and older ones at least ask for HTML.
   */
  public static boolean isBrowser(HttpServletRequest request) {
    if (request.getHeader("Sec-Fetch-Mode") != null || request.getHeader("Sec-Fetch-Site") != null
        || request.getHeader("Sec-Fetch-Dest") != null) {
      return true;
    }
    String accept = request.getHeader("Accept");
    return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/html");
  }

  /** Sec-Fetch-Site says the request came from this origin or was typed/bookmarked (or says nothing). */
  public static boolean fetchSiteIsOwn(HttpServletRequest request) {
    String site = request.getHeader("Sec-Fetch-Site");
    return site == null || site.equals("same-origin") || site.equals("none");
  }

  /** The request's own origin (scheme, host, port as the server sees them). */
  public static String ownOrigin(HttpServletRequest request) {
    return origin(request.getScheme(), request.getServerName(), request.getServerPort());
  }

  /** The origin of a URL ("scheme://host[:port]", default ports left out), or null if it has none. */
  public static String originOf(String url) {
    try {
      URI uri = URI.create(url.strip());
      return uri.getScheme() == null || uri.getHost() == null ? null
          : origin(uri.getScheme(), uri.getHost(), uri.getPort());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String origin(String scheme, String host, int port) {
    String s = scheme.toLowerCase(Locale.ROOT);
    boolean defaultPort = port == -1 || (s.equals("http") && port == 80) || (s.equals("https") && port == 443);
    return s + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
  }
}
