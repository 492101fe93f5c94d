package jp.iotcert.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import jp.iotcert.application.ApplicationRequest;
import jp.iotcert.common.BusinessCalendar;
import jp.iotcert.support.TestApplications;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input against every input surface of /api, over a raw socket so that paths, headers and
 * bytes reach the server exactly as written. Every row must be answered with its status as
 * problem+json with a Japanese detail (or, for searches, an empty result), and no table of the
 * application or the engine may have changed.
 *
 * <p>Subclasses choose the database; the rows are the same everywhere.
 */
public abstract class HostileInputTable {

  private static final Pattern JAPANESE = Pattern.compile("[\\u3040-\\u30ff\\u4e00-\\u9fff]");
  private static final String BOUNDARY = "hostile-boundary-7f3a";
  /** Telemetry the engine may flush at any time; not touched by requests. */
  private static final Pattern IGNORED_TABLES = Pattern.compile("(?i)act_ru_meter_log|act_ru_task_meter_log|databasechangelog.*");

  /** Placeholders in paths and bodies, replaced by the fixtures. */
  private static final String APP = "{app}";
  private static final String WITHDRAW_APP = "{withdrawApp}";
  private static final String CERT = "{cert}";

  @LocalServerPort int port;
  @Autowired DataSource dataSource;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;

  private static final Map<Integer, Map<String, String>> FIXTURES = new ConcurrentHashMap<>();

  record Row(String surface, String method, String path, String user, String contentType, byte[] body,
      int expectedStatus, boolean expectEmptyList) {
    @Override
    public String toString() {
      return surface;
    }
  }

  static Stream<Arguments> rows() {
    List<Row> rows = new ArrayList<>();
    String payments = "/api/applications/" + APP + "/payments";
    String withdrawal = "/api/applications/" + WITHDRAW_APP + "/withdrawal";
    String notifications = "/api/certifications/" + CERT + "/notifications";
    String today = LocalDate.now(BusinessCalendar.ZONE).toString();

    // Payments: amounts are JSON integers within the outstanding fee; no coercion from text.
    rows.add(json("payment: amount over the int range", "POST", payments, "staff1",
        "{\"amount\":2147483648,\"paidOn\":\"" + today + "\",\"reference\":\"H-1\"}", 400));
    rows.add(json("payment: amount above the outstanding fee", "POST", payments, "staff1",
        "{\"amount\":100001,\"paidOn\":\"" + today + "\",\"reference\":\"H-2\"}", 400));
    rows.add(json("payment: amount as a string", "POST", payments, "staff1",
        "{\"amount\":\"100000\",\"paidOn\":\"" + today + "\",\"reference\":\"H-3\"}", 400));
    rows.add(json("payment: amount as a fraction", "POST", payments, "staff1",
        "{\"amount\":1.5,\"paidOn\":\"" + today + "\",\"reference\":\"H-4\"}", 400));
    rows.add(json("payment: amount as a boolean", "POST", payments, "staff1",
        "{\"amount\":true,\"paidOn\":\"" + today + "\",\"reference\":\"H-5\"}", 400));
    rows.add(json("payment: negative amount", "POST", payments, "staff1",
        "{\"amount\":-100,\"paidOn\":\"" + today + "\",\"reference\":\"H-6\"}", 400));
    rows.add(json("payment: paidOn in year 0001", "POST", payments, "staff1",
        "{\"amount\":1000,\"paidOn\":\"0001-01-01\",\"reference\":\"H-7\"}", 400));
    rows.add(json("payment: paidOn not a date", "POST", payments, "staff1",
        "{\"amount\":1000,\"paidOn\":\"2026-02-30\",\"reference\":\"H-8\"}", 400));
    rows.add(json("payment: NUL in the reference", "POST", payments, "staff1",
        "{\"amount\":1000,\"paidOn\":\"" + today + "\",\"reference\":\"H\\u0000-9\"}", 400));
    rows.add(json("payment: lone surrogate in the reference", "POST", payments, "staff1",
        "{\"amount\":1000,\"paidOn\":\"" + today + "\",\"reference\":\"H-\\ud800\"}", 400));
    rows.add(json("payment: reference as a number", "POST", payments, "staff1",
        "{\"amount\":1000,\"paidOn\":\"" + today + "\",\"reference\":12345}", 400));
    rows.add(json("payment: unknown field", "POST", payments, "staff1",
        "{\"amount\":1000,\"paidOn\":\"" + today + "\",\"reference\":\"H-10\",\"currency\":\"USD\"}", 400));
    rows.add(json("payment: deeply nested JSON", "POST", payments, "staff1", "[".repeat(5000) + "]".repeat(5000), 400));
    rows.add(json("payment: JSON array instead of object", "POST", payments, "staff1", "[1,2,3]", 400));
    rows.add(row("payment: invalid UTF-8", "POST", payments, "staff1", "application/json",
        concat("{\"amount\":1000,\"paidOn\":\"".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3, 0x28},
            ("\",\"reference\":\"H-11\"}").getBytes(StandardCharsets.UTF_8)), 400));
    rows.add(row("payment: 4.5 MB body", "POST", payments, "staff1", "application/json",
        ("{\"amount\":1000,\"paidOn\":\"" + today + "\",\"reference\":\"" + "x".repeat(4_500_000) + "\"}")
            .getBytes(StandardCharsets.UTF_8), 413));

    // Withdrawal: as strict as every other body.
    rows.add(json("withdrawal: unknown field", "POST", withdrawal, "provider1", "{\"reason\":\"都合\",\"force\":true}", 400));
    rows.add(json("withdrawal: reason as a number", "POST", withdrawal, "provider1", "{\"reason\":42}", 400));
    rows.add(json("withdrawal: NUL in the reason", "POST", withdrawal, "provider1", "{\"reason\":\"a\\u0000b\"}", 400));
    rows.add(json("withdrawal: deeply nested JSON", "POST", withdrawal, "provider1", "{\"reason\":" + "[".repeat(3000) + "]".repeat(3000) + "}", 400));

    // Notice templates: a template is text, never code; nothing is stored unless it is all valid.
    String template = "/api/notice-templates/WITHDRAWN";
    rows.add(json("notice template: unknown placeholder", "PUT", template, "staff1",
        "{\"subject\":\"{{applicationNumber}}\",\"body\":\"{{adminPassword}}\"}", 400));
    rows.add(json("notice template: partial", "PUT", template, "staff1",
        "{\"subject\":\"件名\",\"body\":\"{{> /etc/passwd}}\"}", 400));
    rows.add(json("notice template: delimiter change", "PUT", template, "staff1",
        "{\"subject\":\"件名\",\"body\":\"{{=<% %>=}}<%providerName%>\"}", 400));
    rows.add(json("notice template: NUL in the body", "PUT", template, "staff1",
        "{\"subject\":\"件名\",\"body\":\"a\\u0000b\"}", 400));
    rows.add(json("notice template: body as a number", "PUT", template, "staff1", "{\"subject\":\"件名\",\"body\":42}", 400));
    rows.add(json("notice template: encoded slash in the kind", "PUT", "/api/notice-templates/..%2F..%2Fetc", "staff1",
        "{\"subject\":\"件名\",\"body\":\"本文\"}", 400));
    rows.add(json("notice template: unknown kind", "PUT", "/api/notice-templates/NO_SUCH_KIND", "staff1",
        "{\"subject\":\"件名\",\"body\":\"本文\"}", 404));
    // The letter's layout: XHTML that loads nothing, with escaped values only.
    String layout = "/api/notice-templates/LETTER_LAYOUT";
    String html = "<html xmlns=\\\"http://www.w3.org/1999/xhtml\\\"><body>%s</body></html>";
    rows.add(json("letter layout: external entity", "PUT", layout, "staff1", "{\"body\":\"<?xml version=\\\"1.0\\\"?>"
        + "<!DOCTYPE html [<!ENTITY x SYSTEM \\\"file:///etc/passwd\\\">]><html><body>&x;{{body}}</body></html>\"}", 400));
    rows.add(json("letter layout: image by URL", "PUT", layout, "staff1",
        "{\"body\":\"" + html.formatted("<img src=\\\"http://127.0.0.1:9/x.png\\\"/>{{body}}") + "\"}", 400));
    rows.add(json("letter layout: CSS import", "PUT", layout, "staff1",
        "{\"body\":\"" + html.formatted("<style>@import 'http://127.0.0.1:9/x.css';</style>{{body}}") + "\"}", 400));
    rows.add(json("letter layout: unescaped value", "PUT", layout, "staff1",
        "{\"body\":\"" + html.formatted("{{{body}}}") + "\"}", 400));
    rows.add(json("letter layout: not well-formed", "PUT", layout, "staff1",
        "{\"body\":\"" + html.formatted("<p>{{body}}") + "\"}", 400));
    rows.add(json("letter layout: 60,000 characters", "PUT", layout, "staff1",
        "{\"body\":\"" + html.formatted("<p>{{body}}</p>" + "あ".repeat(60_000)) + "\"}", 400));

    // Applications (multipart): names, texts, enums, documents.
    rows.add(multipart("application: bidi override in the provider name", "provider1",
        application("provider", "name", "株式会社\u202Eテスト"), "touki.pdf", TestApplications.PDF, 400));
    rows.add(multipart("application: NUL in the service name", "provider1",
        application("service", "name", "サービス\u0000名"), "touki.pdf", TestApplications.PDF, 400));
    rows.add(multipart("application: unknown type", "provider1",
        application(null, "type", "UPGRADE"), "touki.pdf", TestApplications.PDF, 400));
    rows.add(multipart("application: HTML in a name and SQL in the description, but a fake PDF", "provider1",
        application("service", "name", "<script>alert(1)</script>'; DROP TABLE application; --"), "touki.pdf",
        "<html>not a pdf</html>".getBytes(StandardCharsets.UTF_8), 400));
    rows.add(multipart("application: bidi override in the file name", "provider1",
        application(null, null, null), "touki\u202Eexe.pdf", TestApplications.PDF, 400));
    rows.add(multipart("application: control character in the file name", "provider1",
        application(null, null, null), "tou\u0007ki.pdf", TestApplications.PDF, 400));
    rows.add(multipart("application: oversized PDF", "provider1",
        application(null, null, null), "touki.pdf", bigPdf(2_200_000), 413));

    // Notifications, oversight: dates within a sane window, enums known.
    rows.add(json("notification: unknown kind", "POST", notifications, "provider1",
        "{\"kind\":\"ALIENS\",\"occurredOn\":\"" + today + "\",\"description\":\"x\"}", 400));
    rows.add(json("notification: termination in year +10000", "POST", notifications, "provider1",
        "{\"kind\":\"TERMINATION\",\"occurredOn\":\"+10000-01-01\",\"description\":\"終了\"}", 400));
    rows.add(json("notification: event in year 0001", "POST", notifications, "provider1",
        "{\"kind\":\"DOCUMENT_CHANGE\",\"occurredOn\":\"0001-01-01\",\"description\":\"変更\"}", 400));
    rows.add(json("emergency: event in year 0001", "POST", "/api/certifications/" + CERT + "/emergencies", "staff1",
        "{\"occurredOn\":\"0001-01-01\",\"description\":\"障害\"}", 400));
    rows.add(json("improvement request: deadline in year +10000", "POST",
        "/api/certifications/" + CERT + "/improvement-requests", "staff1",
        "{\"content\":\"改善してください\",\"deadline\":\"+10000-01-01\",\"publish\":false}", 400));
    rows.add(json("investigation: deadline in year 9999", "POST", "/api/certifications/" + CERT + "/investigations",
        "staff1", "{\"scope\":[\"OPERATIONS\"],\"reason\":\"確認\",\"request\":\"報告\",\"deadline\":\"9999-12-31\"}", 400));
    rows.add(json("import: certifiedOn in year 0001 (answered per entry)", "POST", "/api/certifications/imports",
        "staff1", "[{\"certificationNumber\":\"IoT 7601-0101\",\"certifiedOn\":\"0001-01-01\",\"firstCertifiedOn\":\"0001-01-01\","
            + "\"provider\":{\"corporateNumber\":\"" + TestApplications.PROVIDER1_NUMBER + "\",\"name\":\"古代株式会社\"},"
            + "\"service\":{\"name\":\"古代サービス\"},\"disclosure\":[{\"itemId\":\"B-01\",\"value\":\"0001-01-01\"}]}]", 200));
    rows.add(json("import: deeply nested JSON", "POST", "/api/certifications/imports", "staff1",
        "[" + "{\"a\":".repeat(2000) + "1" + "}".repeat(2000) + "]", 400));
    rows.add(json("committee interest: number as a JSON number", "POST", "/api/committee/interests", "committee1",
        "{\"corporateNumber\":7000012050002}", 400));
    rows.add(json("committee interest: unknown field", "POST", "/api/committee/interests", "committee1",
        "{\"corporateNumber\":\"7000012050002\",\"admin\":true}", 400));

    // Query parameters.
    rows.add(get("registry search: % matches nothing literal", "/api/public/certifications?q=%25", 200, true));
    rows.add(get("registry search: _ matches nothing literal", "/api/public/certifications?q=_", 200, true));
    rows.add(get("registry search: SQL in q", "/api/public/certifications?q=%27%20OR%20%271%27%3D%271", 200, true));
    rows.add(get("registry search: NUL in q", "/api/public/certifications?q=a%00b", 400, false));
    rows.add(get("registry search: invalid UTF-8 in q", "/api/public/certifications?q=%C3%28", 400, false));
    rows.add(get("registry search: unknown status", "/api/public/certifications?status=DELETED", 400, false));
    rows.add(row("committee interest: NUL in a query parameter", "DELETE",
        "/api/committee/interests?corporateNumber=%00", "committee1", null, null, 400));
    // Form bodies of PUT/DELETE are not read at all (Spring's FormContentFilter is off), so their fields
    // cannot slip past the query-parameter rules.
    rows.add(row("committee interest: NUL in a urlencoded DELETE body", "DELETE", "/api/committee/interests",
        "committee1", "application/x-www-form-urlencoded", "corporateNumber=%00".getBytes(StandardCharsets.US_ASCII), 400));

    // Path tricks: refused by the firewall or by Tomcat, answered as problem+json all the same.
    rows.add(get("path: encoded slash", "/api/public/certifications/IoT%201%2F..%2F..", 400, false));
    rows.add(get("path: encoded dot segments", "/api/public/certifications/%2e%2e/%2e%2e/api/applications", 400, false));
    rows.add(get("path: path parameter", "/api/public/certifications;x=1", 400, false));
    rows.add(get("path: encoded NUL", "/api/public/certifications/IoT%00", 400, false));
    rows.add(get("path: encoded backslash", "/api/public/certifications/IoT%5C..", 400, false));
    rows.add(get("path: double slash", "/api/public//certifications", 400, false));
    rows.add(get("path: HTML in a path variable", "/api/public/certifications/%3Cscript%3E", 404, false));
    rows.add(row("path: dot segments to a document of another application", "GET",
        "/api/applications/" + APP + "/documents/..%2F..%2Fpayments", "provider2", null, null, 400));
    return rows.stream().map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void hostileInputIsRefusedAndChangesNothing(Row row) throws Exception {
    Map<String, String> fixtures = fixtures();
    String path = fill(row.path(), fixtures);
    Map<String, Long> before = rowCounts();

    Response response = send(row.method(), path, row.user(), row.contentType(), row.body());

    assertThat(response.status()).as(row.surface() + ": " + response.text()).isEqualTo(row.expectedStatus());
    if (row.expectedStatus() >= 400) {
      assertThat(response.header("content-type")).as(row.surface() + ": " + response.text())
          .startsWith("application/problem+json");
      JsonNode problem = json.readTree(response.body());
      assertThat(problem.path("status").asInt()).isEqualTo(row.expectedStatus());
      assertThat(problem.path("detail").asText()).as(row.surface()).containsPattern(JAPANESE);
      assertThat(response.body().length).as("a bounded answer").isLessThan(64 * 1024);
    } else if (row.expectEmptyList()) {
      assertThat(json.readTree(response.body()).isArray()).isTrue();
      assertThat(json.readTree(response.body()).size()).as(row.surface()).isZero();
    }
    assertThat(rowCounts()).as(row.surface() + ": tables unchanged").isEqualTo(before);
  }

  // ---- fixtures: one application to pay, one to withdraw, one certification of provider1

  private Map<String, String> fixtures() throws Exception {
    Map<String, String> existing = FIXTURES.get(port);
    if (existing != null) {
      return existing;
    }
    Map<String, String> f = new TreeMap<>();
    f.put(APP, submit("敵対入力テスト"));
    f.put(WITHDRAW_APP, submit("敵対入力テスト取下げ"));
    LocalDate certified = LocalDate.now(BusinessCalendar.ZONE).minusMonths(2);
    String cert = "IoT 7501-" + certified.format(DateTimeFormatter.ofPattern("yyMM"));
    String entry = "[{\"certificationNumber\":\"" + cert + "\",\"certifiedOn\":\"" + certified + "\",\"firstCertifiedOn\":\""
        + certified + "\",\"provider\":{\"corporateNumber\":\"" + TestApplications.PROVIDER1_NUMBER
        + "\",\"name\":\"株式会社敵対\",\"email\":\"hostile@provider.example.jp\"},\"service\":{\"name\":\"敵対入力サービス\"},"
        + "\"disclosure\":[{\"itemId\":\"B-01\",\"value\":\"" + certified.minusDays(10) + "\"}]}]";
    Response imported = send("POST", "/api/certifications/imports", "staff1", "application/json",
        entry.getBytes(StandardCharsets.UTF_8));
    assertThat(imported.text()).contains("\"created\":1");
    f.put(CERT, cert.replace(" ", "%20"));
    FIXTURES.put(port, f);
    return f;
  }

  private String submit(String serviceName) throws Exception {
    Response r = send("POST", "/api/applications", "provider1", "multipart/form-data; boundary=" + BOUNDARY,
        multipartBody(application("service", "name", serviceName), "touki.pdf", TestApplications.PDF));
    assertThat(r.status()).as(r.text()).isEqualTo(201);
    return json.readTree(r.body()).get("applicationNumber").asText();
  }

  private static String fill(String text, Map<String, String> fixtures) {
    String filled = text;
    for (Map.Entry<String, String> e : fixtures.entrySet()) {
      filled = filled.replace(e.getKey(), e.getValue());
    }
    return filled;
  }

  /** Row counts of every table of the application and the engine (runtime, history, identity). */
  private Map<String, Long> rowCounts() throws Exception {
    List<String> tables = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        ResultSet rs = c.getMetaData().getTables(c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        String name = rs.getString("TABLE_NAME");
        if (!IGNORED_TABLES.matcher(name).matches()) {
          tables.add(name);
        }
      }
    }
    assertThat(tables).as("the engine's runtime tables are counted").anyMatch(t -> t.equalsIgnoreCase("act_ru_execution"));
    Map<String, Long> counts = new TreeMap<>();
    for (String table : tables) {
      counts.put(table, jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single());
    }
    return counts;
  }

  // ---- rows

  private static Row row(String surface, String method, String path, String user, String contentType, byte[] body,
      int status) {
    return new Row(surface, method, path, user, contentType, body, status, false);
  }

  private static Row json(String surface, String method, String path, String user, String body, int status) {
    return row(surface, method, path, user, "application/json", body.getBytes(StandardCharsets.UTF_8), status);
  }

  private static Row get(String surface, String path, int status, boolean emptyList) {
    return new Row(surface, "GET", path, null, null, null, status, emptyList);
  }

  private static Row multipart(String surface, String user, String applicationJson, String fileName, byte[] pdf,
      int status) {
    return row(surface, "POST", "/api/applications", user, "multipart/form-data; boundary=" + BOUNDARY,
        multipartBody(applicationJson, fileName, pdf), status);
  }

  /** A valid new application of provider1 with one field replaced ({@code object} null: a top-level field). */
  @SuppressWarnings("unchecked")
  private static String application(String object, String field, String value) {
    ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
    Map<String, Object> app = mapper.convertValue(TestApplications.newApplication(TestApplications.PROVIDER1_NUMBER,
        "敵対入力サービス", List.of(new ApplicationRequest.DisclosureValue("B-01", "2026-01-01"))),
        Map.class);
    app.values().removeIf(v -> v == null);
    app.remove("withheldItems");
    if (field != null) {
      Map<String, Object> target = object == null ? app : (Map<String, Object>) app.get(object);
      target.put(field, value);
    }
    try {
      return mapper.writeValueAsString(app);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] multipartBody(String applicationJson, String fileName, byte[] pdf) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"application\"\r\n"
        + "Content-Type: application/json\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    out.writeBytes(applicationJson.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(("\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"registryCertificate\"; filename=\""
        + fileName + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    out.writeBytes(pdf);
    out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  private static byte[] bigPdf(int size) {
    byte[] pdf = new byte[size];
    Arrays.fill(pdf, (byte) ' ');
    System.arraycopy(TestApplications.PDF, 0, pdf, 0, TestApplications.PDF.length);
    return pdf;
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  // ---- raw HTTP/1.1: the request line is sent exactly as written, never normalised by a client library

  record Response(int status, Map<String, String> headers, byte[] body) {
    String header(String name) {
      return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  Response send(String method, String path, String user, String contentType, byte[] body) throws Exception {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(60_000);
      StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost:" + port
          + "\r\nConnection: close\r\nAccept: application/json, application/problem+json\r\n");
      if (user != null) {
        head.append("Authorization: Basic ")
            .append(Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8))).append("\r\n");
      }
      if (contentType != null) {
        head.append("Content-Type: ").append(contentType).append("\r\n");
      }
      if (body != null) {
        head.append("Content-Length: ").append(body.length).append("\r\n");
      }
      head.append("\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      // The body is written beside the reading: the server may answer (413) and close before reading it all.
      Thread writer = new Thread(() -> {
        try {
          if (body != null) {
            out.write(body);
            out.flush();
          }
        } catch (IOException e) {
          // Refused before the end of the body: the answer is read all the same.
        }
      });
      writer.start();
      Response response = read(socket.getInputStream());
      writer.join(10_000);
      return response;
    }
  }

  private static Response read(InputStream in) throws Exception {
    byte[] all = in.readAllBytes();
    int split = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    String[] lines = new String(all, 0, split, StandardCharsets.ISO_8859_1).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new TreeMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
    }
    byte[] body = Arrays.copyOfRange(all, split + 4, all.length);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = dechunk(body);
    }
    return new Response(status, headers, body);
  }

  private static byte[] dechunk(byte[] chunked) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int i = 0;
    while (i < chunked.length) {
      int lineEnd = indexOf(Arrays.copyOfRange(chunked, i, chunked.length), "\r\n".getBytes(StandardCharsets.ISO_8859_1));
      int size = Integer.parseInt(new String(chunked, i, lineEnd, StandardCharsets.ISO_8859_1).split(";")[0].strip(), 16);
      if (size == 0) {
        break;
      }
      out.write(chunked, i + lineEnd + 2, size);
      i += lineEnd + 2 + size + 2;
    }
    return out.toByteArray();
  }

  private static int indexOf(byte[] data, byte[] pattern) {
    outer:
    for (int i = 0; i <= data.length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
