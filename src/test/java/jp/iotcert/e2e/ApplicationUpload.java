package jp.iotcert.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * POST /api/applications as a provider's client sends it: the documented example
 * (docs/examples/application.json) with another corporate number and service name, and the
 * registry certificate, as multipart/form-data.
 */
final class ApplicationUpload {

  private ApplicationUpload() {}

  static HttpRequest.Builder request(String base, ObjectMapper json, ObjectNode template, byte[] pdf, String user,
      String corporateNumber, String serviceName) throws IOException {
    ObjectNode application = template.deepCopy();
    ((ObjectNode) application.get("provider")).put("corporateNumber", corporateNumber);
    ((ObjectNode) application.get("service")).put("name", serviceName);
    String boundary = "upload" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    part(body, boundary, "application", null, "application/json", json.writeValueAsBytes(application));
    part(body, boundary, "registryCertificate", "touki.pdf", "application/pdf", pdf);
    body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    return HttpRequest.newBuilder(URI.create(base + "/api/applications"))
        .header("Authorization", basic(user))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
  }

  static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
  }

  private static void part(ByteArrayOutputStream body, String boundary, String name, String fileName, String type,
      byte[] content) throws IOException {
    String header = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
        + (fileName == null ? "" : "; filename=\"" + fileName + "\"") + "\r\nContent-Type: " + type + "\r\n\r\n";
    body.write(header.getBytes(StandardCharsets.UTF_8));
    body.write(content);
    body.write("\r\n".getBytes(StandardCharsets.US_ASCII));
  }
}
