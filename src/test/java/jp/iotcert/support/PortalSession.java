package jp.iotcert.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser's session on the applicants' portal without a browser: the form login, the session cookie,
 * and the CSRF token each form carries. Redirects are not followed, so a test sees where it is sent.
 */
public final class PortalSession {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

  private final String root;
  private final HttpClient client;
  private String csrf = "";

  private PortalSession(String root) {
    this.root = root;
    this.client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /** A session without a login (its CSRF token from the login page). */
  public static PortalSession anonymous(String root) {
    PortalSession session = new PortalSession(root);
    session.get("/portal/login");
    return session;
  }

  /** Signed in as the user, or an anonymous session for a null user; fails when the login is refused. */
  public static PortalSession of(String root, String user, String password) {
    PortalSession session = anonymous(root);
    if (user == null) {
      return session;
    }
    HttpResponse<String> login = session.postForm("/portal/login", Map.of("username", user, "password", password));
    String location = login.headers().firstValue("Location").orElse("");
    if (login.statusCode() != 302 || location.contains("error")) {
      throw new IllegalStateException("portal login of " + user + " refused: " + login.statusCode() + " " + location);
    }
    session.get("/portal/"); // the session's new CSRF token
    return session;
  }

  public HttpResponse<String> get(String path) {
    return remember(send(HttpRequest.newBuilder(uri(path)).GET()));
  }

  public HttpResponse<byte[]> getBytes(String path) {
    try {
      return client.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A form post as the browser sends it, with the session's CSRF token. */
  public HttpResponse<String> postForm(String path, Map<String, String> fields) {
    String body = fields.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
    body = (body.isEmpty() ? "" : body + "&") + "_csrf=" + encode(csrf);
    return remember(send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body))));
  }

  /** A file to upload in {@link #postMultipart}. */
  public record Upload(String field, String fileName, String contentType, byte[] content) {}

  /** A multipart form's fields and files, for {@link #postMultipart(String, Multipart)}. */
  public record Multipart(Map<String, String> fields, java.util.List<Upload> files) {}

  public HttpResponse<String> postMultipart(String path, Multipart form) {
    return postMultipart(path, form.fields(), form.files().toArray(Upload[]::new));
  }

  /** A multipart form post as the browser sends it, with the session's CSRF token. */
  public HttpResponse<String> postMultipart(String path, Map<String, String> fields, Upload... files) {
    String boundary = "----portal" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    fields.forEach((name, value) -> part(body, boundary, "form-data; name=\"" + name + "\"", null,
        value.getBytes(StandardCharsets.UTF_8)));
    part(body, boundary, "form-data; name=\"_csrf\"", null, csrf.getBytes(StandardCharsets.UTF_8));
    for (Upload file : files) {
      part(body, boundary, "form-data; name=\"" + file.field() + "\"; filename=\"" + file.fileName() + "\"",
          file.contentType(), file.content());
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return remember(send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))));
  }

  public String csrfToken() {
    return csrf;
  }

  private static void part(ByteArrayOutputStream body, String boundary, String disposition, String type, byte[] content) {
    StringBuilder head = new StringBuilder("--").append(boundary).append("\r\nContent-Disposition: ").append(disposition)
        .append("\r\n");
    if (type != null) {
      head.append("Content-Type: ").append(type).append("\r\n");
    }
    head.append("\r\n");
    body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> remember(HttpResponse<String> response) {
    Matcher m = CSRF.matcher(response.body() == null ? "" : response.body());
    if (m.find()) {
      csrf = m.group(1);
    }
    return response;
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private URI uri(String path) {
    return URI.create(root + path);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
