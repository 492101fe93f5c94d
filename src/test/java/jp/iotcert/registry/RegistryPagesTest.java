package jp.iotcert.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import jp.iotcert.api.ApiTestBase;
import jp.iotcert.certification.CertificationRegister;
import jp.iotcert.certification.CertificationStatus;
import jp.iotcert.common.BusinessCalendar;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriComponentsBuilder;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The public registry pages, CSV and Atom feed over real HTTP, without login (第11条, 第21条). Public so
 * that {@code e2e.PostgresRegistryPagesIT} runs the same checks on PostgreSQL.
 */
public class RegistryPagesTest extends ApiTestBase {

  private static final String ATOM = "http://www.w3.org/2005/Atom";

  @Autowired CertificationRegister register;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  private RegistryFixtures fixtures;
  private final LocalDate today = LocalDate.now(BusinessCalendar.ZONE);

  @BeforeEach
  void fixtures() {
    fixtures = new RegistryFixtures(register, catalogue, json);
  }

  private ResponseEntity<byte[]> fetch(String path) {
    return http.exchange(URI.create(http.getRootUri() + path), HttpMethod.GET, new HttpEntity<>(new HttpHeaders()),
        byte[].class);
  }

  private static String query(String path, String q) {
    return UriComponentsBuilder.fromPath(path).queryParam("q", q).encode(StandardCharsets.UTF_8).build().toUriString();
  }

  private static String page(ResponseEntity<byte[]> response) {
    return new String(response.getBody(), StandardCharsets.UTF_8);
  }

  @Test
  public void anEntryPageSaysInJapaneseWhetherTheCertificationIsInForceTodayAndShowsThePublishedFieldsOnly() {
    String no = fixtures.insert("温度見守りクラウドＥＰ", "株式会社エントリ", CertificationStatus.VALID, today.minusDays(30), null);

    ResponseEntity<byte[]> response = fetch("/registry/" + no.replace(" ", "%20"));

    assertThat(response.getStatusCode().value()).isEqualTo(200);
    assertThat(response.getHeaders().getContentType().toString()).startsWith("text/html");
    String html = page(response);
    assertThat(html).contains("<html lang=\"ja\"")
        .contains("この認定は本日（" + today.getYear() + "年" + today.getMonthValue() + "月" + today.getDayOfMonth() + "日）有効です。")
        .contains("温度見守りクラウドＥＰ", "株式会社エントリ", "5835678256246", no)
        // The disclosure table: item, definition from the catalogue, 必須/選択, content.
        .contains("サービスの内容・範囲", "サービスの機能の概要と提供範囲（IoT機器との連携を含む）", "必須",
            "開示内容: サービスの内容・範囲")
        .contains("免責事項（運用規程第21条）", "一切の責任を負いません")
        // 第19条2: the body's delegations (the demo's, from configuration), not which case went to whom.
        .contains("認定の事務の委託（運用規程第19条第2項）", "委託先 次郎（デモ）",
            "第15条の調査のうち、説明・資料の評価と調査結果の判断", "2026年4月1日")
        .contains("<th scope=\"row\">");
    // 第11条2: the withheld item is in no public form.
    assertThat(html).doesNotContain(RegistryFixtures.WITHHELD_VALUE);
  }

  @Test
  public void anEndedCertificationKeepsItsPageWithItsStatusInWordsAndARevocationItsDateAndArticle() {
    String revoked = fixtures.insert("取消しクラウドＲＶ", "株式会社取消", CertificationStatus.REVOKED,
        today.minusYears(1), today.minusDays(3));
    String lapsed = fixtures.insert("失効クラウドＬＰ", "株式会社失効", CertificationStatus.LAPSED,
        today.minusYears(1), today.minusDays(5));

    // 第16条2: a published improvement request shows, an unpublished one does not.
    for (boolean published : List.of(true, false)) {
      jdbc.sql("""
          INSERT INTO improvement_request (id, certification_number, content, deadline, published, requested_on, requested_by, status)
          VALUES (?, ?, ?, ?, ?, ?, 'staff1', 'NOT_FOLLOWED')""")
          .params(java.util.UUID.randomUUID().toString(), revoked, published ? "公表する要請ＲＶ" : "公表しない要請ＲＶ",
              today.minusDays(20), published, today.minusDays(50))
          .update();
    }
    register.recordEvent(revoked, "IMPROVEMENT_REQUEST_PUBLISHED", CertificationStatus.VALID, today.minusDays(50),
        "公表する要請ＲＶ", Instant.now());
    String html = page(fetch("/registry/" + revoked.replace(" ", "%20")));
    assertThat(html).contains("公表された改善要請（運用規程第16条第2項）", "公表する要請ＲＶ", "期限までに改善されず",
        "改善要請の公表（第16条第2項）").doesNotContain("公表しない要請ＲＶ");
    String day = today.minusDays(3).getYear() + "年" + today.minusDays(3).getMonthValue() + "月"
        + today.minusDays(3).getDayOfMonth() + "日";
    assertThat(html).contains("この認定は" + day + "に取り消されたため、本日（")
        .contains("有効ではありません（取消し）。")
        .contains("認定の取消し（運用規程第17条第3項による公表）", "第17条第1項第7号")
        // The grounds' wording is the case's; only the article is published.
        .doesNotContain("改善要請に応じない");
    assertThat(page(fetch("/registry/" + lapsed.replace(" ", "%20")))).contains("失効したため", "（失効）");
    // 第11条3: past its last day, an entry reads as expired at once, before the expiry job has run.
    String pastLastDay = fixtures.insert("満了直後クラウドＲＶ", "株式会社満了直後", CertificationStatus.VALID,
        today.minusYears(3), null);
    assertThat(page(fetch("/registry/" + pastLastDay.replace(" ", "%20")))).contains("満了したため、本日（")
        .contains("<span class=\"status-ended\">有効期間満了</span>").doesNotContain("有効です");
  }

  @Test
  public void anUnknownNumberIsAJapanese404Page() {
    ResponseEntity<byte[]> response = fetch("/registry/IoT%209999-0001");
    assertThat(response.getStatusCode().value()).isEqualTo(404);
    assertThat(page(response)).contains("認定番号が見つかりません", "IoT 9999-0001", "lang=\"ja\"");
  }

  @Test
  public void theRegistryPagesTakeOnlyGetAndHead() {
    for (String path : List.of("/registry", "/registry/IoT%200001-2612", "/registry.csv", "/registry/feed.atom")) {
      ResponseEntity<byte[]> response = http.exchange(URI.create(http.getRootUri() + path), HttpMethod.POST,
          new HttpEntity<>("x", new HttpHeaders()), byte[].class);
      assertThat(response.getStatusCode().value()).as("POST %s", path).isEqualTo(403);
      // Link checkers ask with HEAD: answered like GET.
      assertThat(http.exchange(URI.create(http.getRootUri() + path), HttpMethod.HEAD, null, byte[].class)
          .getStatusCode().value()).as("HEAD %s", path).isIn(200, 404);
    }
  }

  @Test
  public void searchIgnoresWidthAndCaseOnBothSides() {
    fixtures.insert("ＩｏＴ見守りＷＱ", "株式会社幅", CertificationStatus.VALID, today.minusDays(5), null);
    fixtures.insert("ｶﾀｶﾅｸﾗｳﾄﾞＷＱ", "株式会社半角", CertificationStatus.VALID, today.minusDays(5), null);
    fixtures.insert("ヒラケルクラウドＷＱ", "株式会社全角", CertificationStatus.VALID, today.minusDays(5), null);

    assertThat(page(fetch(query("/registry", "iot見守りwq")))).contains("ＩｏＴ見守りＷＱ").contains("1件");
    assertThat(page(fetch(query("/registry", "IOT見守り")))).contains("ＩｏＴ見守りＷＱ");
    assertThat(page(fetch(query("/registry", "カタカナクラウド")))).contains("ｶﾀｶﾅｸﾗｳﾄﾞＷＱ");
    assertThat(page(fetch(query("/registry", "ﾋﾗｹﾙ")))).contains("ヒラケルクラウドＷＱ");
    // The JSON search is the same search.
    JsonNode found = get(null, "/api/public/certifications?q=ｶﾀｶﾅ").getBody();
    assertThat(found.findValuesAsText("serviceName")).contains("ｶﾀｶﾅｸﾗｳﾄﾞＷＱ");
    assertThat(page(fetch(query("/registry", "見つからない語ＷＱ")))).contains("0件", "条件に合う認定はありません。");
  }

  @Test
  public void pagesCountEveryMatchSortAndStopAtTheLastPage() {
    List<String> numbers = new ArrayList<>();
    for (int i = 0; i < 23; i++) {
      // Service names in the opposite order of the numbers, one of them full-width.
      String service = (i == 0 ? "ＰＧ頁試験" : "pg頁試験") + (char) ('z' - i);
      numbers.add(fixtures.insert(service, "株式会社頁ＰＧ", CertificationStatus.VALID, today.minusDays(5), null));
    }
    String first = page(fetch(query("/registry", "PG頁試験")));
    assertThat(first).contains("23件", "（1 / 2ページ）", numbers.get(0), numbers.get(19)).doesNotContain(numbers.get(20));
    String second = page(fetch(query("/registry", "PG頁試験") + "&page=2"));
    assertThat(second).contains("23件", "（2 / 2ページ）", numbers.get(20), numbers.get(22)).doesNotContain(numbers.get(19));
    // Past the last page: the last page, with the same count.
    assertThat(page(fetch(query("/registry", "PG頁試験") + "&page=9"))).contains("23件", "（2 / 2ページ）", numbers.get(22));
    // By service name (normalized: ＰＧ sorts as pg): the last inserted comes first.
    String byService = page(fetch(query("/registry", "pg頁試験") + "&sort=SERVICE"));
    assertThat(byService.indexOf(numbers.get(22))).isPositive().isLessThan(byService.indexOf(numbers.get(21)));
    // The status filter applies in the same query.
    assertThat(page(fetch(query("/registry", "PG頁試験") + "&status=REVOKED"))).contains("0件");
  }

  @Test
  public void aTermMatchesWithinOneFieldNotAcrossTwoAndWildcardsAreLiteral() {
    fixtures.insert("境界サービスＢＤ", "株式会社境界ＢＤ", CertificationStatus.VALID, today.minusDays(5), null);
    assertThat(page(fetch(query("/registry", "境界サービスbd")))).contains("1件");
    // The end of the service name and the start of the provider name are no match together.
    assertThat(page(fetch(query("/registry", "ＢＤ株式会社境界")))).contains("0件");
    assertThat(page(fetch(query("/registry", "境界%ＢＤ")))).contains("0件");
    assertThat(page(fetch(query("/registry", "境界_ービス")))).contains("0件");
  }

  @Test
  public void theCsvIsUtf8WithBomHasTheJsonFieldsAndNeutralisesFormulas() {
    String no = fixtures.insert("=HYPERLINK(\"https://evil.example\")ＣＳ", "+株式会社ＣＳ", CertificationStatus.VALID,
        today.minusDays(5), null);

    ResponseEntity<byte[]> response = fetch(query("/registry.csv", "ＣＳ"));

    assertThat(response.getStatusCode().value()).isEqualTo(200);
    assertThat(response.getHeaders().getContentType().toString()).startsWith("text/csv");
    assertThat(response.getHeaders().getContentDisposition().getType()).isEqualTo("attachment");
    byte[] body = response.getBody();
    assertThat(body[0] & 0xff).isEqualTo(0xEF);
    assertThat(body[1] & 0xff).isEqualTo(0xBB);
    assertThat(body[2] & 0xff).isEqualTo(0xBF);
    String csv = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
    String[] lines = csv.split("\r\n");
    assertThat(lines[0]).startsWith("\"認定番号\",\"サービス名\",\"事業者名\",\"法人番号\",\"初回認定日\",\"認定日\",\"有効期間の末日\",\"開示情報の時点\",\"状態\"")
        .contains("\"確認用URL\"", "\"B-16 サービスの内容・範囲\"");
    assertThat(lines).hasSize(2);
    assertThat(lines[1]).startsWith("\"" + no + "\",\"'=HYPERLINK(\"\"https://evil.example\"\")ＣＳ\",\"'+株式会社ＣＳ\"")
        .contains("\"VALID\"", "/registry/" + no.replace(" ", "%20"), "開示内容: サービスの内容・範囲")
        .doesNotContain(RegistryFixtures.WITHHELD_VALUE);
  }

  @Test
  public void theFeedIsAtomWithThePublishedEventsOnly() throws Exception {
    String no = fixtures.insert("フィードクラウドＦＤ", "株式会社フィード", CertificationStatus.REVOKED, today.minusYears(1),
        today.minusDays(1));
    register.recordEvent(no, "DISCLOSURE_CHANGED", CertificationStatus.VALID, today.minusDays(20),
        json.writeValueAsString(List.of(Map.of("itemId", RegistryFixtures.WITHHELD_ITEM, "value", "新しい非公開値ＦＤ"),
            Map.of("itemId", "B-16", "value", "新しい範囲"))), Instant.now());
    register.recordEvent(no, "INVESTIGATION_OPENED", CertificationStatus.VALID, today.minusDays(10), "調査の内部メモＦＤ",
        Instant.now());

    ResponseEntity<byte[]> response = fetch("/registry/feed.atom");

    assertThat(response.getStatusCode().value()).isEqualTo(200);
    assertThat(response.getHeaders().getContentType().toString()).startsWith("application/atom+xml");
    String xml = page(response);
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    Document feed = factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.getBody()));
    Element root = feed.getDocumentElement();
    assertThat(root.getNamespaceURI()).isEqualTo(ATOM);
    assertThat(root.getLocalName()).isEqualTo("feed");
    for (String required : List.of("id", "title", "updated")) {
      assertThat(root.getElementsByTagNameNS(ATOM, required).getLength()).as(required).isPositive();
    }
    List<String> titles = new ArrayList<>();
    NodeList entries = root.getElementsByTagNameNS(ATOM, "entry");
    for (int i = 0; i < entries.getLength(); i++) {
      Element entry = (Element) entries.item(i);
      assertThat(entry.getElementsByTagNameNS(ATOM, "id").item(0).getTextContent()).startsWith("urn:uuid:");
      assertThat(entry.getElementsByTagNameNS(ATOM, "updated").getLength()).isEqualTo(1);
      titles.add(entry.getElementsByTagNameNS(ATOM, "title").item(0).getTextContent());
    }
    assertThat(titles).contains(no + " フィードクラウドＦＤ：認定",
        no + " フィードクラウドＦＤ：開示内容の変更（第13条）：サービスの内容・範囲",
        no + " フィードクラウドＦＤ：取消し（第17条第1項第7号、第17条第3項により公表）");
    assertThat(xml).doesNotContain("調査の内部メモＦＤ", "新しい非公開値ＦＤ", RegistryFixtures.WITHHELD_VALUE);
  }

  @Test
  public void serviceNamesAreTextInThePageNotMarkup() {
    String no = fixtures.insert("<script>alert(1)</script>ＸＳ", "株式会社<b>太字</b>", CertificationStatus.VALID,
        today.minusDays(5), null);
    String entry = page(fetch("/registry/" + no.replace(" ", "%20")));
    assertThat(entry).doesNotContain("<script>alert(1)</script>", "<b>太字</b>")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;ＸＳ");
    assertThat(page(fetch(query("/registry", "ＸＳ")))).doesNotContain("<script>alert(1)</script>");
  }
}
