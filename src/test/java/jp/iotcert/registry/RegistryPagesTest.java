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
  @Autowired javax.sql.DataSource dataSource;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
  @Autowired jp.iotcert.certification.CertificationImport certificationImport;

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
        .contains("\"確認用URL\"", "\"B-16 サービスの内容・範囲（分類：サービス）\"");
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
      // Japan time with its offset, the one convention of outside timestamps (RFC 3339, as Atom wants).
      String updated = entry.getElementsByTagNameNS(ATOM, "updated").item(0).getTextContent();
      assertThat(updated).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+09:00");
      assertThat(java.time.OffsetDateTime.parse(updated).getOffset()).isEqualTo(java.time.ZoneOffset.ofHours(9));
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

  private JsonNode entryJson(String no) {
    // get() encodes the path itself (a template): the number goes in as it is.
    ResponseEntity<JsonNode> response = get(null, "/api/public/certifications/" + no);
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    return response.getBody();
  }

  private List<String> numbersFound(String q, String status) {
    // Unencoded: get() encodes the path itself.
    String path = "/api/public/certifications?q=" + q + (status == null ? "" : "&status=" + status);
    ResponseEntity<JsonNode> response = get(null, path);
    assertThat(response.getStatusCode().value()).as(path).isEqualTo(200);
    return response.getBody().findValuesAsText("certificationNumber");
  }

  /** A unique corporate number-like text per run, so that a search for it finds this run's entry only. */
  private static String corporateNumber() {
    return "9" + String.format("%012d", Math.abs(System.nanoTime()) % 1_000_000_000_000L);
  }

  /**
   * The description searched is the published one (第11条1 publishes 申請書B): the summary item
   * 「サービスの内容・範囲」. The application's service description is not published, so it is not found;
   * nor is a withheld item's value (第11条2), the summary item's own included.
   */
  @Test
  public void searchFindsByCorporateNumberAndThePublishedSummaryButNeverByUnpublishedText() {
    RegistryFixtures.Spec spec = new RegistryFixtures.Spec("概要検索クラウドＳＭ", "株式会社概要", CertificationStatus.VALID,
        today.minusDays(5), null);
    spec.corporateNumber = corporateNumber();
    spec.serviceDescription = "申請書だけの説明ＳＭ";
    spec.values.put("B-16", "ｾﾝｻｰ値を集める独自の概要ＳＭ");
    String no = fixtures.insert(spec);
    RegistryFixtures.Spec withheldSummary = new RegistryFixtures.Spec("概要留保クラウドＳＭ", "株式会社留保",
        CertificationStatus.VALID, today.minusDays(5), null);
    withheldSummary.values.put("B-16", "留保された概要ＳＭ");
    withheldSummary.withheld = List.of(RegistryFixtures.WITHHELD_ITEM, "B-16");
    fixtures.insert(withheldSummary);

    // By corporate number: the page and the JSON.
    assertThat(page(fetch(query("/registry", spec.corporateNumber)))).contains("1件", no);
    assertThat(numbersFound(spec.corporateNumber, null)).containsExactly(no);
    // By description, which is the published summary, width-insensitive.
    assertThat(page(fetch(query("/registry", "センサー値を集める独自")))).contains("1件", no);
    assertThat(numbersFound("センサー値を集める独自", null)).containsExactly(no);
    assertThat(entryJson(no).findValuesAsText("value")).contains("ｾﾝｻｰ値を集める独自の概要ＳＭ");
    // An accepted change of the summary (第13条) is what is searched from then on, the old text no more.
    register.applyChanges(no, List.of(new jp.iotcert.certification.CertificationNotifications.Change("B-16",
        "変更後の概要ＳＭ")));
    assertThat(numbersFound("変更後の概要", null)).containsExactly(no);
    assertThat(numbersFound("センサー値を集める独自", null)).isEmpty();
    // Unpublished text finds nothing: the application's description, a withheld summary, a withheld item.
    for (String unpublished : List.of("申請書だけの説明ＳＭ", "留保された概要ＳＭ", RegistryFixtures.WITHHELD_VALUE)) {
      assertThat(page(fetch(query("/registry", unpublished)))).as(unpublished).contains("0件");
      assertThat(numbersFound(unpublished, null)).as(unpublished).isEmpty();
    }
  }

  /**
   * Changeset 024 over a row written before it: the search form that held the unpublished description
   * (as 022 wrote it) is rewritten to the published summary, so the description is found no more.
   */
  @Test
  public void theBackfillOf024RewritesARowThatStillHoldsTheDescription() throws Exception {
    RegistryFixtures.Spec spec = new RegistryFixtures.Spec("旧検索形式クラウドＯＦ", "株式会社旧形式", CertificationStatus.VALID,
        today.minusDays(5), null);
    spec.serviceDescription = "旧形式だけの説明ＯＦ";
    spec.values.put("B-16", "新形式の概要ＯＦ");
    String no = fixtures.insert(spec);
    // As changeset 022 left it: the description as the last field.
    jdbc.sql("UPDATE certification SET search_text = ? WHERE certification_number = ?")
        .param(jp.iotcert.certification.SearchText.of(no, spec.serviceName, spec.providerName, spec.corporateNumber,
            spec.serviceDescription))
        .param(no).update();
    assertThat(numbersFound("旧形式だけの説明", null)).containsExactly(no);

    try (java.sql.Connection connection = dataSource.getConnection()) {
      new jp.iotcert.certification.SearchTextBackfill().execute(liquibase.database.DatabaseFactory.getInstance()
          .findCorrectDatabaseImplementation(new liquibase.database.jvm.JdbcConnection(connection)));
      if (!connection.getAutoCommit()) {
        connection.commit(); // as Liquibase commits a changeset
      }
    }

    assertThat(numbersFound("旧形式だけの説明", null)).isEmpty();
    assertThat(numbersFound("新形式の概要", null)).containsExactly(no);
  }

  /**
   * 第11条3: an entry whose validity ended yesterday is expired today in the JSON, the CSV, the status
   * filter, the page and the feed, before the expiry job has changed its stored status (still VALID here).
   */
  @Test
  public void anEntryWhoseValidityEndedYesterdayIsExpiredEverywhereBeforeTheJobHasRun() throws Exception {
    RegistryFixtures.Spec ended = new RegistryFixtures.Spec("昨日満了クラウドＹＥ", "株式会社昨日満了", CertificationStatus.VALID,
        today.minusYears(2), null);
    ended.validUntil = today.minusDays(1);
    String no = fixtures.insert(ended);
    RegistryFixtures.Spec lastDay = new RegistryFixtures.Spec("本日末日クラウドＹＥ", "株式会社本日末日", CertificationStatus.VALID,
        today.minusYears(2), null);
    lastDay.validUntil = today;
    String stillValid = fixtures.insert(lastDay);
    RegistryFixtures.Spec renewing = new RegistryFixtures.Spec("更新申請中クラウドＹＥ", "株式会社更新申請中",
        CertificationStatus.VALID, today.minusYears(2), null);
    renewing.validUntil = today.minusDays(1);
    renewing.renewalApplicationNumber = "A-2026-999999";
    String underReview = fixtures.insert(renewing);
    assertThat(register.find(no).orElseThrow().status()).isEqualTo(CertificationStatus.VALID);

    JsonNode entry = entryJson(no);
    assertThat(entry.get("status").asText()).isEqualTo("EXPIRED");
    assertThat(entry.get("endedOn").asText()).isEqualTo(today.toString());
    assertThat(entryJson(stillValid).get("status").asText()).isEqualTo("VALID");
    // 第12条2: a renewal filed in the window keeps it in force, as the job will record.
    assertThat(entryJson(underReview).get("status").asText()).isEqualTo("RENEWAL_UNDER_REVIEW");

    // The filter, JSON and page: EXPIRED finds it, VALID does not.
    assertThat(numbersFound("ＹＥ", "EXPIRED")).containsExactly(no);
    assertThat(numbersFound("ＹＥ", "VALID")).containsExactly(stillValid);
    assertThat(numbersFound("ＹＥ", "RENEWAL_UNDER_REVIEW")).containsExactly(underReview);
    assertThat(numbersFound("ＹＥ", null)).containsExactlyInAnyOrder(no, stillValid, underReview);
    assertThat(page(fetch(query("/registry", "ＹＥ") + "&status=EXPIRED"))).contains("1件", no).doesNotContain(stillValid);
    assertThat(page(fetch(query("/registry", "ＹＥ") + "&status=VALID"))).contains("1件", stillValid)
        .doesNotContain(no);
    assertThat(page(fetch("/registry/" + no.replace(" ", "%20")))).contains("満了したため、本日（")
        .contains("<span class=\"status-ended\">有効期間満了</span>").doesNotContain("有効です");

    // The CSV: the status of today, in words and as its code.
    Map<String, Map<String, String>> rows = csvRows(query("/registry.csv", "ＹＥ"));
    assertThat(rows.get(no)).containsEntry("状態", "有効期間満了").containsEntry("状態（コード）", "EXPIRED")
        .containsEntry("終了日", today.toString());
    assertThat(rows.get(stillValid)).containsEntry("状態（コード）", "VALID");
    assertThat(rows.get(underReview)).containsEntry("状態（コード）", "RENEWAL_UNDER_REVIEW");

    // The feed keeps the CERTIFIED event as recorded, but does not call the entry valid.
    assertThat(feedSummaries(no)).isNotEmpty().allSatisfy(summary -> assertThat(summary).contains("状態：有効期間満了")
        .doesNotContain("状態：有効）"));
  }

  /** Every field of the public JSON entry has its CSV column with the same value (the issue: the same fields). */
  @Test
  public void everyFieldOfTheJsonEntryHasItsColumnInTheCsv() throws Exception {
    String no = fixtures.insert("全項目クラウドＡＦ", "株式会社全項目", CertificationStatus.REVOKED, today.minusYears(1),
        today.minusDays(3));
    jdbc.sql("""
        INSERT INTO improvement_request (id, certification_number, content, deadline, published, requested_on, requested_by, status)
        VALUES (?, ?, '=公表する要請ＡＦ', ?, TRUE, ?, 'staff1', 'NOT_FOLLOWED')""")
        .params(java.util.UUID.randomUUID().toString(), no, today.minusDays(20), today.minusDays(50)).update();
    register.recordEvent(no, "IMPROVEMENT_REQUEST_PUBLISHED", CertificationStatus.VALID, today.minusDays(50),
        "=公表する要請ＡＦ", Instant.now());
    JsonNode entry = entryJson(no);
    Map<String, String> row = csvRows(query("/registry.csv", "全項目クラウドＡＦ")).get(no);
    assertThat(row).isNotNull();

    // Each JSON property (arrays as []) and the column that carries it; a new JSON field fails here until it has one.
    Map<String, String> columns = new java.util.LinkedHashMap<>();
    columns.put("certificationNumber", "認定番号");
    columns.put("serviceName", "サービス名");
    columns.put("providerName", "事業者名");
    columns.put("corporateNumber", "法人番号");
    columns.put("firstCertifiedOn", "初回認定日");
    columns.put("certifiedOn", "認定日");
    columns.put("validUntil", "有効期間の末日");
    columns.put("disclosureDate", "開示情報の時点");
    columns.put("status", "状態（コード）");
    columns.put("endedOn", "終了日");
    columns.put("verificationUrl", "確認用URL");
    columns.put("revocation.revokedOn", "取消しの日");
    columns.put("revocation.articles[]", "取消しの根拠（第17条第1項）");
    columns.put("improvementRequests[].requestedOn", "公表された改善要請");
    columns.put("improvementRequests[].content", "公表された改善要請");
    columns.put("improvementRequests[].deadline", "公表された改善要請");
    columns.put("improvementRequests[].status", "公表された改善要請");
    columns.put("history[].effectiveOn", "公表事項の履歴");
    columns.put("history[].event", "公表事項の履歴");
    columns.put("history[].description", "公表事項の履歴");
    // The disclosure items: one column each, headed by number, name and category, the value in the cell.
    columns.put("disclosure[].itemId", "(item)");
    columns.put("disclosure[].category", "(item)");
    columns.put("disclosure[].name", "(item)");
    columns.put("disclosure[].value", "(item)");
    java.util.Set<String> paths = new java.util.TreeSet<>();
    collectPaths(entry, "", paths);
    assertThat(paths).as("the JSON entry's properties").isEqualTo(new java.util.TreeSet<>(columns.keySet()));

    for (String path : List.of("certificationNumber", "serviceName", "providerName", "corporateNumber",
        "firstCertifiedOn", "certifiedOn", "validUntil", "disclosureDate", "status", "endedOn", "verificationUrl")) {
      assertThat(row.get(columns.get(path))).as(path).isEqualTo(entry.get(path).asText());
    }
    assertThat(row.get("状態")).isEqualTo(RegistryText.statusWord(entry.get("status").asText()));
    assertThat(row.get("取消しの日")).isEqualTo(entry.at("/revocation/revokedOn").asText());
    assertThat(entry.at("/revocation/articles")).isNotEmpty();
    entry.at("/revocation/articles").forEach(a -> assertThat(row.get("取消しの根拠（第17条第1項）")).contains(a.asText()));
    assertThat(entry.get("improvementRequests")).isNotEmpty();
    for (JsonNode r : entry.get("improvementRequests")) {
      // The cell starts with a date, so the content's = is harmless inside it.
      assertThat(row.get("公表された改善要請")).contains(r.get("requestedOn").asText(), r.get("content").asText(),
          r.get("deadline").asText(), RegistryText.improvementStatus(r.get("status").asText()));
    }
    assertThat(entry.get("history")).hasSizeGreaterThanOrEqualTo(3);
    for (JsonNode h : entry.get("history")) {
      // The event's code reads as its description, the published wording of that kind.
      assertThat(row.get("公表事項の履歴")).contains(h.get("effectiveOn").asText() + " " + h.get("description").asText());
    }
    Map<String, String> headerOf = new java.util.HashMap<>();
    catalogue.all().forEach(i -> headerOf.put(i.itemId(), RegistryCsv.itemHeader(i)));
    assertThat(entry.get("disclosure")).isNotEmpty();
    for (JsonNode item : entry.get("disclosure")) {
      String header = headerOf.get(item.get("itemId").asText());
      assertThat(header).contains(item.get("itemId").asText(), item.get("name").asText(), item.get("category").asText());
      assertThat(row.get(header)).isEqualTo(item.get("value").asText());
    }
    // The withheld item's column is there, and empty.
    assertThat(row.get(headerOf.get(RegistryFixtures.WITHHELD_ITEM))).isEmpty();
  }

  private static void collectPaths(JsonNode node, String path, java.util.Set<String> paths) {
    if (node.isObject()) {
      node.fieldNames().forEachRemaining(f -> collectPaths(node.get(f), path.isEmpty() ? f : path + "." + f, paths));
    } else if (node.isArray()) {
      if (node.isEmpty()) {
        paths.add(path + "[]");
      }
      node.forEach(e -> collectPaths(e, path + "[]", paths));
    } else {
      paths.add(path);
    }
  }

  /** The CSV of a path as rows by certification number, each a map of header to cell. */
  private Map<String, Map<String, String>> csvRows(String path) {
    byte[] body = fetch(path).getBody();
    List<List<String>> lines = parseCsv(new String(body, 3, body.length - 3, StandardCharsets.UTF_8));
    Map<String, Map<String, String>> rows = new java.util.HashMap<>();
    for (List<String> line : lines.subList(1, lines.size())) {
      Map<String, String> row = new java.util.LinkedHashMap<>();
      for (int i = 0; i < line.size(); i++) {
        row.put(lines.get(0).get(i), line.get(i));
      }
      rows.put(line.get(0), row);
    }
    return rows;
  }

  /** RFC 4180 with every cell quoted, as RegistryCsv writes it. */
  static List<List<String>> parseCsv(String text) {
    List<List<String>> lines = new ArrayList<>();
    List<String> line = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        line.add(cell.toString());
        cell.setLength(0);
      } else if (c == '\r') {
        line.add(cell.toString());
        cell.setLength(0);
        lines.add(line);
        line = new ArrayList<>();
        i++; // the \n of CRLF
      }
    }
    return lines;
  }

  /** The summaries of the feed's entries about one certification. */
  private List<String> feedSummaries(String no) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    Document feed = factory.newDocumentBuilder().parse(new ByteArrayInputStream(fetch("/registry/feed.atom").getBody()));
    List<String> summaries = new ArrayList<>();
    NodeList entries = feed.getDocumentElement().getElementsByTagNameNS(ATOM, "entry");
    for (int i = 0; i < entries.getLength(); i++) {
      Element entry = (Element) entries.item(i);
      if (entry.getElementsByTagNameNS(ATOM, "title").item(0).getTextContent().startsWith(no + " ")) {
        summaries.add(entry.getElementsByTagNameNS(ATOM, "summary").item(0).getTextContent());
      }
    }
    return summaries;
  }

  /** Never a 404 for a number that ever existed: an imported certification and one under renewal review. */
  @Test
  public void anImportedCertificationAndOneUnderRenewalReviewOpenWithTheirStatusInWords() {
    LocalDate certifiedOn = today.minusDays(40);
    String imported = String.format("IoT %04d-%s", RegistryFixtures.serialForImport(),
        certifiedOn.format(java.time.format.DateTimeFormatter.ofPattern("yyMM")));
    var results = certificationImport.importAll(List.of(new jp.iotcert.certification.CertificationImport.Entry(imported,
        certifiedOn, certifiedOn, "TERMINATED", today.minusDays(2),
        new jp.iotcert.certification.CertificationImport.Provider("5835678256246", "株式会社旧台帳ＩＭ", "old@provider.example.jp"),
        new jp.iotcert.certification.CertificationImport.Service("旧台帳クラウドＩＭ", "説明", null),
        List.of(new jp.iotcert.certification.CertificationImport.Item("B-16", "旧台帳の概要ＩＭ")), List.of(), null)));
    assertThat(results.get(0).result()).isEqualTo("CREATED");
    ResponseEntity<byte[]> response = fetch("/registry/" + imported.replace(" ", "%20"));
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    assertThat(page(response)).contains("旧台帳クラウドＩＭ", "旧台帳の概要ＩＭ", "終了したため、本日（", "（終了）。",
        "<span class=\"status-ended\">終了</span>", "認定（旧台帳からの登録）");

    RegistryFixtures.Spec spec = new RegistryFixtures.Spec("更新審査中クラウドＲＲ", "株式会社更新審査中",
        CertificationStatus.RENEWAL_UNDER_REVIEW, today.minusYears(2), null);
    spec.validUntil = today.minusDays(3);
    spec.renewalApplicationNumber = "A-2026-999998";
    String underReview = fixtures.insert(spec);
    response = fetch("/registry/" + underReview.replace(" ", "%20"));
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    assertThat(page(response)).contains("この認定は本日（", "有効です（有効期間の満了後、更新の審査中のため引き続き有効です）。",
        "<span>有効（更新審査中）</span>");
    assertThat(entryJson(underReview).get("status").asText()).isEqualTo("RENEWAL_UNDER_REVIEW");
  }

  /**
   * The registry pages show nothing that the public JSON does not: every cell of the entry page is a
   * value of the JSON entry (dates in Japanese, the status in words) or a fixed label. Two kinds of
   * cells are public facts of the scheme, not of the certification, and are left out here: the
   * catalogue's definition and 必須/選択 of each item (the published list of disclosure items), and
   * the body's delegations of certification work (第19条2, configuration); docs/security.md says so.
   */
  @Test
  public void anEntryPageShowsNothingThatItsJsonEntryDoesNot() {
    String no = fixtures.insert("照合クラウドＣＭ", "株式会社照合", CertificationStatus.REVOKED, today.minusYears(1),
        today.minusDays(3));
    jdbc.sql("""
        INSERT INTO improvement_request (id, certification_number, content, deadline, published, requested_on, requested_by, status)
        VALUES (?, ?, '公表する要請ＣＭ', ?, TRUE, ?, 'staff1', 'NOT_FOLLOWED')""")
        .params(java.util.UUID.randomUUID().toString(), no, today.minusDays(20), today.minusDays(50)).update();
    JsonNode entry = entryJson(no);
    String html = page(fetch("/registry/" + no.replace(" ", "%20")));
    String main = html.substring(html.indexOf("<main"), html.indexOf("</main>"));
    // Not compared: the delegations table (body-level, see above).
    main = main.replaceAll("(?s)<table class=\"stack\" id=\"delegations\">.*?</table>", "");

    List<String> values = new ArrayList<>();
    collectValues(entry, values);
    values.add(RegistryText.statusWord(entry.get("status").asText()));
    entry.get("improvementRequests").forEach(r -> values.add(RegistryText.improvementStatus(r.get("status").asText())));
    values.sort(java.util.Comparator.comparingInt(String::length).reversed());
    List<String> labels = List.of("認定番号", "サービス名", "サービスの概要", "事業者名", "法人番号", "認定日", "初回認定日",
        "開示情報の時点", "有効期間", "状態", "確認用URL");
    java.util.Map<String, jp.iotcert.catalogue.DisclosureItem> items = new java.util.HashMap<>();
    catalogue.all().forEach(i -> items.put(i.name(), i));

    java.util.regex.Matcher cells = java.util.regex.Pattern.compile("(?s)<(td|th scope=\"row\")([^>]*)>(.*?)</t[dh]>")
        .matcher(main);
    int compared = 0;
    while (cells.find()) {
      String attributes = cells.group(2);
      String text = unescape(cells.group(3).replaceAll("<[^>]+>", "")).strip();
      if (attributes.contains("data-label=\"定義\"") || attributes.contains("data-label=\"区分\"")) {
        // The catalogue's definition or 必須/選択: a public fact of the scheme.
        List<String> catalogueTexts = new ArrayList<>(items.values().stream().map(i -> i.definition()).toList());
        catalogueTexts.addAll(List.of("必須", "選択"));
        assertThat(text).as("catalogue").isIn(catalogueTexts);
        continue;
      }
      if (cells.group(1).startsWith("th") && labels.contains(text)) {
        continue;
      }
      String rest = text;
      for (String value : values) {
        if (!value.isEmpty()) {
          rest = rest.replace(value, "");
        }
      }
      assertThat(rest).as("what of the cell \"%s\" is not in the JSON entry", text).matches("(\\s|（|）|、|から|まで|—)*");
      compared++;
    }
    assertThat(compared).as("cells compared").isGreaterThan(40);
  }

  /** Every scalar of the JSON, dates also in the page's Japanese form. */
  private static void collectValues(JsonNode node, List<String> values) {
    if (node.isContainerNode()) {
      node.forEach(child -> collectValues(child, values));
    } else if (!node.isNull()) {
      values.add(node.asText());
      if (node.asText().matches("\\d{4}-\\d{2}-\\d{2}")) {
        values.add(RegistryText.date(LocalDate.parse(node.asText())));
      }
    }
  }

  private static String unescape(String html) {
    return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
        .replace("&amp;", "&");
  }
}
