package jp.iotcert.identity;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A minimal HTTP/1.1 client whose socket is bound to a chosen loopback address (all of
 * 127.0.0.0/8 is loopback on Linux), so one test plays several clients the server tells apart by
 * their address, the way it tells real clients apart. No X-Forwarded-For: the server must not need it.
 */
final class LoopbackHttp {

  record Response(int status, Map<String, String> headers, String body) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  private final int port;

  LoopbackHttp(int port) {
    this.port = port;
  }

  static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  Response get(String from, String path, String authorization) {
    return send(from, "GET", path, authorization, null, null);
  }

  Response postJson(String from, String path, String authorization, String json) {
    return send(from, "POST", path, authorization, "application/json", json);
  }

  /**
   * The webapps' login as their page does it: a GET for the session and its CSRF token, then the
   * form POST with both. Answers the login's response.
   */
  Response webappLogin(String from, String user, String password) {
    Response page = send(from, "GET", "/camunda/app/tasklist/default/", Map.of(), null, null);
    String session = page.headers().entrySet().stream().filter(h -> h.getKey().startsWith("set-cookie"))
        .map(Map.Entry::getValue).filter(c -> c.startsWith("JSESSIONID=")).map(c -> c.split(";")[0])
        .findFirst().orElseThrow();
    return send(from, "POST", "/camunda/api/admin/auth/user/default/login/tasklist",
        Map.of("Cookie", session, "X-XSRF-TOKEN", page.header("X-XSRF-TOKEN")),
        "application/x-www-form-urlencoded", "username=" + user + "&password=" + password);
  }

  Response send(String from, String method, String path, String authorization, String contentType, String body) {
    return send(from, method, path, authorization == null ? Map.of() : Map.of("Authorization", authorization),
        contentType, body);
  }

  Response send(String from, String method, String path, Map<String, String> extraHeaders, String contentType,
      String body) {
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
      socket.setSoTimeout(30000);
      byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
      StringBuilder request = new StringBuilder()
          .append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
          .append("Host: localhost:").append(port).append("\r\n")
          .append("Accept: application/json, application/problem+json\r\n")
          .append("Connection: close\r\n");
      extraHeaders.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
      if (contentType != null) {
        request.append("Content-Type: ").append(contentType).append("\r\n");
      }
      request.append("Content-Length: ").append(content.length).append("\r\n\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
      out.write(content);
      out.flush();
      return read(socket.getInputStream());
    } catch (IOException e) {
      throw new IllegalStateException("HTTP from " + from + " failed", e);
    }
  }

  private static Response read(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    in.transferTo(all);
    String raw = all.toString(StandardCharsets.UTF_8);
    int end = raw.indexOf("\r\n\r\n");
    String[] lines = raw.substring(0, end).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
      // Several Set-Cookie lines: set-cookie, set-cookie#2, ...
      String key = name;
      for (int n = 2; headers.containsKey(key); n++) {
        key = name + "#" + n;
      }
      headers.put(key, lines[i].substring(colon + 1).trim());
    }
    String body = raw.substring(end + 4);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = unchunk(body);
    }
    return new Response(status, headers, body);
  }

  private static String unchunk(String chunked) {
    StringBuilder body = new StringBuilder();
    byte[] bytes = chunked.getBytes(StandardCharsets.UTF_8);
    int at = 0;
    while (at < bytes.length) {
      int lineEnd = indexOfCrlf(bytes, at);
      int size = Integer.parseInt(new String(bytes, at, lineEnd - at, StandardCharsets.US_ASCII).split(";")[0].trim(), 16);
      if (size == 0) {
        break;
      }
      body.append(new String(bytes, lineEnd + 2, size, StandardCharsets.UTF_8));
      at = lineEnd + 2 + size + 2;
    }
    return body.toString();
  }

  private static int indexOfCrlf(byte[] bytes, int from) {
    for (int i = from; i < bytes.length - 1; i++) {
      if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
        return i;
      }
    }
    return bytes.length;
  }
}
