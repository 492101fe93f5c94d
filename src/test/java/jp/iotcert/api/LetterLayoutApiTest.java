package jp.iotcert.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.HashMap;
import java.util.Map;
import jp.iotcert.application.ApplicantNotice;
import jp.iotcert.application.ApplicantNotifier;
import jp.iotcert.notice.NoticePdfs;
import jp.iotcert.support.TestApplications;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The letter's layout (template kind LETTER_LAYOUT) as staff change it: a new version lays out the next
 * letters while earlier notices keep their stored letter and the layout version they record; a layout
 * that would load anything, uses an unknown placeholder or is not XHTML is refused in Japanese; only
 * staff and managers may change it.
 */
class LetterLayoutApiTest extends ApiTestBase {

  private static final String PATH = "/api/notice-templates/LETTER_LAYOUT";

  @Autowired ApplicantNotifier applicantNotifier;
  @Autowired NoticePdfs letters;
  @Autowired TransactionTemplate transactions;
  @Autowired JdbcClient jdbc;

  @Test
  void aNewLayoutLaysOutTheNextLetterWhileEarlierNoticesKeepTheirsAndTheirVersion() throws Exception {
    JsonNode before = get("staff1", PATH).getBody();
    assertThat(before.path("placeholders").toString()).contains("date", "addressee", "sender", "subject", "body", "reference");
    assertThat(get("staff1", "/api/notice-templates").getBody().findValuesAsText("kind")).contains("LETTER_LAYOUT");
    int version = before.path("version").asInt();
    String app = submitted("provider1", TestApplications.PROVIDER1_NUMBER, "レイアウト変更確認サービス");
    JsonNode earlier = notice(app);
    assertThat(earlier.path("layoutVersion").asInt()).isEqualTo(version);
    byte[] earlierLetter = letters.pdfOf(id(earlier)).orElseThrow();

    String changed = before.path("body").asText().replace("<p class=\"closing\">以上</p>",
        "<p class=\"closing\">以上</p><p>この通知書は新しいレイアウトで作成しました。</p>");
    assertThat(changed).isNotEqualTo(before.path("body").asText());
    try {
      ResponseEntity<JsonNode> put = put("staff1", Map.of("body", changed, "comment", "結びの一文を加える"));
      assertThat(put.getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(put.getBody().path("version").asInt()).isEqualTo(version + 1);
      assertThat(put.getBody().path("createdBy").asText()).isEqualTo("staff1");
      assertThat(put.getBody().path("comment").asText()).isEqualTo("結びの一文を加える");
      // The name is kept when none is given.
      assertThat(put.getBody().path("subject").asText()).isEqualTo(before.path("subject").asText());

      JsonNode next = notice(app);
      assertThat(next.path("layoutVersion").asInt()).isEqualTo(version + 1);
      try (PDDocument doc = Loader.loadPDF(download("provider1", next.path("href").asText()).getBody())) {
        assertThat(new PDFTextStripper().getText(doc)).contains("この通知書は新しいレイアウトで作成しました。",
            "株式会社テスト 御中", "通知番号: " + id(next));
      }
      // The earlier notice: its letter as stored, never rendered again, and the version it was made with.
      assertThat(letters.pdfOf(id(earlier)).orElseThrow()).isEqualTo(earlierLetter);
      try (PDDocument doc = Loader.loadPDF(download("provider1", earlier.path("href").asText()).getBody())) {
        assertThat(new PDFTextStripper().getText(doc)).doesNotContain("新しいレイアウト");
      }
      assertThat(jdbc.sql("SELECT layout_version FROM notice WHERE id = ?").param(id(earlier)).query(Integer.class)
          .single()).isEqualTo(version);
      assertThat(get("staff1", PATH + "/versions/" + version).getBody().path("body").asText())
          .isEqualTo(before.path("body").asText());
    } finally {
      // Back to the layout of before, as a further version, for the other tests sharing the database.
      assertThat(put("manager1", Map.of("body", before.path("body").asText(), "comment", "元に戻す"))
          .getStatusCode()).isEqualTo(HttpStatus.OK);
    }
  }

  @Test
  void aLayoutThatWouldLoadAnythingIsRefusedAndNothingIsRequested() {
    WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());
    server.start();
    try {
      server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("x")));
      String url = "http://127.0.0.1:" + server.port();
      int version = get("staff1", PATH).getBody().path("version").asInt();
      for (String loading : new String[] {"<img src=\"" + url + "/x.png\"/>",
          "<link rel=\"stylesheet\" href=\"" + url + "/x.css\"/>",
          "<style>@font-face { font-family: 'R'; src: url('" + url + "/f.ttf'); }</style>",
          "<p style=\"background: url(" + url + "/b.png)\">{{date}}</p>"}) {
        ResponseEntity<JsonNode> refused = put("staff1", Map.of("body", layout(loading + "<div>{{body}}</div>")));
        assertThat(refused.getStatusCode()).as(loading).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(refused.getBody().path("detail").asText()).isEqualTo("通知テンプレートを保存できません。");
        assertThat(refused.getBody().path("errors").get(0).path("message").asText()).as(loading)
            .contains("外部リソースは読み込めません");
      }
      assertThat(server.getAllServeEvents()).isEmpty();
      assertThat(get("staff1", PATH).getBody().path("version").asInt()).isEqualTo(version);
    } finally {
      server.stop();
    }
  }

  @Test
  void anUnknownPlaceholderMalformedXhtmlAndUnescapedValuesAreRefusedInJapanese() {
    int version = get("staff1", PATH).getBody().path("version").asInt();
    assertThat(message(put("staff1", Map.of("body", layout("<p>{{providerPassword}}</p>")))))
        .contains("差し込み項目 {{providerPassword}} はレイアウトでは使えません", "{{body}}");
    assertThat(message(put("staff1", Map.of("body", layout("<p>{{body}}</div>")))))
        .contains("XHTMLとして正しくありません");
    assertThat(message(put("staff1", Map.of("body", layout("<p>{{{body}}}</p>")))))
        .contains("{{{項目名}}}");
    assertThat(message(put("staff1", Map.of("body", "<!DOCTYPE html><html><body>{{body}}</body></html>"))))
        .contains("DOCTYPE");
    assertThat(message(put("staff1", Map.of("body", layout("<p>{{body}}</p>" + "あ".repeat(50_001))))))
        .contains("50000文字以内");
    assertThat(message(put("staff1", Map.of("subject", "名前\n二行目", "body", layout("<p>{{body}}</p>")))))
        .contains("レイアウト名は1行で");
    assertThat(get("staff1", PATH).getBody().path("version").asInt()).isEqualTo(version);
  }

  @Test
  void onlyStaffAndManagersMayChangeTheLayout() {
    int version = get("staff1", PATH).getBody().path("version").asInt();
    Map<String, String> change = Map.of("body", layout("<p>{{body}}</p>"));
    for (String user : new String[] {"provider1", "reviewer1"}) {
      assertThat(get(user, PATH).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(put(user, change).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(put(null, change).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(get("staff1", PATH).getBody().path("version").asInt()).isEqualTo(version);
  }

  private static String layout(String body) {
    return "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>{{subject}}</title></head><body>" + body
        + "</body></html>";
  }

  private static String message(ResponseEntity<JsonNode> refused) {
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    assertThat(refused.getBody().path("detail").asText()).isEqualTo("通知テンプレートを保存できません。");
    return refused.getBody().path("errors").toString();
  }

  /** Sends a fee reminder about the application and returns it as the application's view lists it. */
  private JsonNode notice(String app) {
    int count = get("provider1", "/api/applications/" + app).getBody().get("notices").size();
    transactions.executeWithoutResult(s -> applicantNotifier.send(app, ApplicantNotice.FEE_REMINDER, new HashMap<>()));
    JsonNode notices = get("provider1", "/api/applications/" + app).getBody().get("notices");
    assertThat(notices.size()).isEqualTo(count + 1);
    JsonNode last = null;
    for (JsonNode n : notices) {
      if (n.path("kind").asText().equals("FEE_REMINDER")) {
        last = n;
      }
    }
    return last;
  }

  private static String id(JsonNode notice) {
    String href = notice.path("href").asText();
    return href.substring(href.lastIndexOf('/') + 1, href.length() - 4);
  }

  private ResponseEntity<JsonNode> put(String user, Map<String, String> body) {
    return call(user, HttpMethod.PUT, PATH, body, MediaType.APPLICATION_JSON);
  }
}
