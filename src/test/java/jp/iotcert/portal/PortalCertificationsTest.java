package jp.iotcert.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.iotcert.api.ApiTestBase;
import jp.iotcert.certification.CertificationService;
import jp.iotcert.common.BusinessCalendar;
import jp.iotcert.support.PortalSession;
import jp.iotcert.support.TestApplications;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 「認定」 of the applicants' portal (issue 12) over real HTTP with a portal session: the list and the
 * page with the renewal window's days left, every form's success and its Japanese refusals next to the
 * fields with the values kept, the termination's confirmation step, and another company's certification
 * answering as unknown on every page, download and form.
 */
class PortalCertificationsTest extends ApiTestBase {

  private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("yyyy/MM/dd");

  @Autowired CertificationService certifications;
  @Autowired TransactionTemplate transactions;
  @Autowired JdbcClient jdbc;
  @Autowired IdentityService identityService;

  private final LocalDate today = LocalDate.now(BusinessCalendar.ZONE);
  private PortalSession provider1;
  private PortalSession provider2;

  @BeforeEach
  void signIn() {
    provider1 = PortalSession.of(http.getRootUri(), "provider1", "demo");
    provider2 = PortalSession.of(http.getRootUri(), "provider2", "demo");
  }

  /** provider1's certification, certified on the given day as the manager's decision would. */
  private String certified(String serviceName, LocalDate certifiedOn) {
    String app = submitted("provider1", TestApplications.PROVIDER1_NUMBER, serviceName);
    return transactions.execute(s -> certifications.certify(new CertificationService.NewCertification(app,
        TestApplications.PROVIDER1_NUMBER, "株式会社テスト", serviceName, "説明", null, certifiedOn, certifiedOn,
        json.valueToTree(TestApplications.fullDisclosure(catalogue)).toString(), "[]"))).certificationNumber();
  }

  private static String path(String certificationNumber) {
    return "/portal/certifications/" + URLEncoder.encode(certificationNumber, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String date(LocalDate d) {
    return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
  }

  @Test
  void theListAndThePageShowValidityAndTheRenewalWindowWithTheDaysLeft() {
    // Last day in 44 days: the window (60 to 30 days before it) opened 16 days ago and closes in 14.
    String open = certified("更新受付中クラウド", today.minusYears(2).plusDays(45));
    // Certified 10 days ago: the window opens in about 22 months.
    String later = certified("更新前クラウド", today.minusDays(10));
    LocalDate laterLast = jp.iotcert.certification.Validity.lastDay(today.minusDays(10));
    LocalDate laterOpens = laterLast.minusDays(60);

    HttpResponse<String> list = provider1.get("/portal/certifications");
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body()).contains(open, "更新受付中クラウド", later, "更新前クラウド", "有効",
        date(today.plusDays(44)), "締切まであと14日です。",
        "受付開始まであと" + java.time.temporal.ChronoUnit.DAYS.between(today, laterOpens) + "日です。");

    HttpResponse<String> page = provider1.get(path(open));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("更新申請を受け付けています", "締切まであと14日です。", "最終日まであと44日",
        "href=\"/portal/applications/new?renewalOf=" + open.replace(" ", "%20") + "\"", "更新を申請する",
        "第10条第7項", "認定証（PDF）をダウンロードする", "/registry/" + open.replace(" ", "%20"),
        "開示内容: ", date(today.minusDays(16)), date(today.plusDays(14)));

    HttpResponse<String> notYet = provider1.get(path(later));
    assertThat(notYet.body()).contains("受付開始まであと", date(laterOpens)).doesNotContain("更新を申請する");

    HttpResponse<byte[]> pdf = provider1.getBytes(path(open) + "/certificate.pdf");
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
    assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
  }

  @Test
  void anotherCompanyGetsTheUnknownPageOnEveryPageDownloadAndFormAndPostsNothing() {
    String no = certified("他社確認クラウド", today.minusDays(20));
    String base = "/api/certifications/" + no;
    String emergency = created(postJson("staff1", base + "/emergencies",
        Map.of("occurredOn", today.toString(), "description", "他社確認の緊急事態")));
    String improvement = created(postJson("staff1", base + "/improvement-requests",
        Map.of("content", "他社確認の改善", "deadline", today.plusDays(30).toString(), "publish", false)));
    String investigation = created(postJson("staff1", base + "/investigations", Map.of("scope", List.of("OPERATIONS"),
        "reason", "他社確認の調査", "request", "運用記録", "deadline", today.plusDays(20).toString())));
    runJobs(no);
    String notice = get("staff1", base).getBody().get("notices").get(0).get("href").asText();
    String noticeId = notice.substring(notice.lastIndexOf('/') + 1, notice.length() - ".pdf".length());

    assertThat(provider2.get("/portal/certifications").body()).doesNotContain(no, "他社確認クラウド");
    for (String page : List.of("", "/notifications/new", "/emergencies/" + emergency + "/reports",
        "/improvement-requests/" + improvement + "/reports", "/investigations/" + investigation + "/explanations")) {
      HttpResponse<String> answer = provider2.get(path(no) + page);
      assertThat(answer.statusCode()).as(page).isEqualTo(404);
      assertThat(answer.body()).as(page).contains("見つかりません").doesNotContain("他社確認");
    }
    assertThat(provider2.getBytes(path(no) + "/certificate.pdf").statusCode()).isEqualTo(404);
    assertThat(provider2.getBytes(path(no) + "/notices/" + noticeId + ".pdf").statusCode()).isEqualTo(404);
    assertThat(provider1.getBytes(path(no) + "/notices/" + noticeId + ".pdf").statusCode()).isEqualTo(200);
    // The same page as for a number that does not exist.
    assertThat(provider2.get(path("IoT 9999-0101")).statusCode()).isEqualTo(404);

    assertThat(provider2.postForm(path(no) + "/notifications", Map.of("kind", "EMERGENCY", "occurredOn",
        today.format(SLASHED), "description", "他社からの届出")).statusCode()).isEqualTo(404);
    assertThat(provider2.postForm(path(no) + "/emergencies/" + emergency + "/reports", Map.of("report", "他社の報告"))
        .statusCode()).isEqualTo(404);
    assertThat(provider2.postForm(path(no) + "/improvement-requests/" + improvement + "/reports",
        Map.of("report", "他社の報告")).statusCode()).isEqualTo(404);
    assertThat(provider2.postMultipart(path(no) + "/investigations/" + investigation + "/explanations",
        Map.of("explanation", "他社の説明")).statusCode()).isEqualTo(404);
    // A case of another certification under one's own number is unknown too.
    String own = certified("自社の別認定クラウド", today.minusDays(5));
    assertThat(provider1.get(path(own) + "/emergencies/" + emergency + "/reports").statusCode()).isEqualTo(404);

    assertThat(count("SELECT COUNT(*) FROM certification_notification WHERE certification_number = ?", no)).isZero();
    assertThat(count("SELECT COUNT(*) FROM emergency_report WHERE emergency_id = ?", emergency)).isZero();
    assertThat(count("SELECT COUNT(*) FROM improvement_request WHERE id = ? AND report IS NULL", improvement)).isOne();
    assertThat(count("SELECT COUNT(*) FROM investigation WHERE id = ? AND explanation IS NULL", investigation)).isOne();
  }

  @Test
  void aChangeIsRefusedInJapaneseNextToItsFieldsWithTheValuesKeptThenAcceptedWithASlashedDate() {
    String no = certified("届出確認クラウド", today.minusDays(30));

    HttpResponse<String> empty = provider1.postForm(path(no) + "/notifications", Map.of("description", "規程を<改定>しました"));
    assertThat(empty.statusCode()).isEqualTo(200);
    assertThat(empty.body()).contains("届出の種類を選んでください", "発生日を入力してください",
        "aria-describedby=\"kind-error\"", "aria-invalid=\"true\"", "規程を&lt;改定&gt;しました")
        .doesNotContain("届出の内容を入力してください");

    HttpResponse<String> unreadable = provider1.postForm(path(no) + "/notifications",
        Map.of("kind", "DOCUMENT_CHANGE", "occurredOn", "2026/13/45", "description", "規程の改定"));
    assertThat(unreadable.body()).contains(PortalDates.UNREADABLE, "value=\"2026/13/45\"",
        "変更する開示項目と変更後の内容を1件以上入力してください");

    // The text rules of every API body: no direction-changing controls (a name reading otherwise than it is).
    HttpResponse<String> hostile = provider1.postForm(path(no) + "/notifications", Map.of("kind", "EMERGENCY",
        "occurredOn", today.format(SLASHED), "description", "障害\u202Eが発生"));
    assertThat(hostile.body()).contains("id=\"description-error\"", "文字の表示方向を変える制御文字（U+202E）は使えません");

    // More rows than the page has, and an index no page sends: refused without a server error.
    assertThat(provider1.postForm(path(no) + "/notifications", Map.of("kind", "CRITERIA_CHANGE", "occurredOn",
        today.format(SLASHED), "description", "行が多すぎる", "changes[3].itemId", "B-16", "changes[3].value", "値")).body())
        .contains("変更内容は3件まで入力できます");
    HttpResponse<String> beyond = provider1.postForm(path(no) + "/notifications", Map.of("kind", "CRITERIA_CHANGE",
        "occurredOn", today.format(SLASHED), "description", "添字が大きすぎる", "changes[100000].value", "値"));
    assertThat(beyond.statusCode()).isEqualTo(400);
    assertThat(beyond.body()).contains("送信された内容を読み取れませんでした");

    HttpResponse<String> rowError = provider1.postForm(path(no) + "/notifications", Map.of("kind", "CRITERIA_CHANGE",
        "occurredOn", today.format(SLASHED), "description", "基準の変更", "changes[1].itemId", "B-16"));
    assertThat(rowError.body()).contains("id=\"changes1-value-error\"", "変更後の内容を入力してください",
        "aria-describedby=\"changes1-value-error\"", "<option value=\"B-16\" selected=\"selected\">");

    HttpResponse<String> future = provider1.postForm(path(no) + "/notifications", Map.of("kind", "DOCUMENT_CHANGE",
        "occurredOn", today.plusDays(3).format(SLASHED), "description", "規程の改定",
        "changes[0].itemId", "B-16", "changes[0].value", "変更後のサービス内容"));
    assertThat(future.statusCode()).isEqualTo(200);
    assertThat(future.body()).contains("発生日に未来の日付は指定できません", "変更後のサービス内容");

    HttpResponse<String> split = provider1.postForm(path(no) + "/notifications",
        Map.of("kind", "SPLIT", "occurredOn", today.format(SLASHED), "description", "会社分割"));
    assertThat(split.body()).contains("分割により認定サービスに係る事業を承継させるかを選んでください");
    assertThat(count("SELECT COUNT(*) FROM certification_notification WHERE certification_number = ?", no)).isZero();

    HttpResponse<String> accepted = provider1.postForm(path(no) + "/notifications", Map.of("kind", "DOCUMENT_CHANGE",
        "occurredOn", today.minusDays(1).format(SLASHED), "description", "規程の改定",
        "changes[0].itemId", "B-16", "changes[0].value", "変更後のサービス内容"));
    assertThat(accepted.statusCode()).isEqualTo(302);
    assertThat(accepted.headers().firstValue("Location").orElse("")).endsWith(path(no));
    assertThat(provider1.get(path(no)).body()).contains("書類の変更の届出を受け付けました。", "届出の履歴", "規程の改定",
        "事務局が確認中");
    assertThat(jdbc.sql("SELECT occurred_on FROM certification_notification WHERE certification_number = ?").param(no)
        .query(LocalDate.class).single()).isEqualTo(today.minusDays(1));
    // The ISO form too (what a browser's date picker sends).
    assertThat(provider1.postForm(path(no) + "/notifications", Map.of("kind", "EMERGENCY",
        "occurredOn", today.toString(), "description", "障害が発生しました")).statusCode()).isEqualTo(302);
    assertThat(provider1.get(path(no)).body()).contains("緊急事態の届出を受け付けました。", "経過を報告する");
  }

  @Test
  void aTerminationSaysWhatFollowsAndIsStoredOnlyWhenConfirmed() {
    String no = certified("終了確認クラウド", today.minusDays(30));
    Map<String, String> form = Map.of("kind", "TERMINATION", "occurredOn", today.plusDays(20).format(SLASHED),
        "description", "サービスを終了します");

    HttpResponse<String> confirm = provider1.postForm(path(no) + "/notifications", form);
    assertThat(confirm.statusCode()).isEqualTo(200);
    assertThat(confirm.body()).contains("サービス終了の届出の確認", date(today.plusDays(20)) + "</strong>をもって終了します",
        "認定証は認定機関に返納", "終了を届け出る");
    assertThat(count("SELECT COUNT(*) FROM certification_notification WHERE certification_number = ?", no)).isZero();

    Map<String, String> edit = new HashMap<>(form);
    edit.put("edit", "yes");
    HttpResponse<String> back = provider1.postForm(path(no) + "/notifications", edit);
    assertThat(back.body()).contains("変更等を届け出る", "サービスを終了します", "value=\"" + today.plusDays(20).format(SLASHED) + "\"");
    assertThat(count("SELECT COUNT(*) FROM certification_notification WHERE certification_number = ?", no)).isZero();

    Map<String, String> confirmed = new HashMap<>(form);
    confirmed.put("confirmed", "yes");
    HttpResponse<String> done = provider1.postForm(path(no) + "/notifications", confirmed);
    assertThat(done.statusCode()).isEqualTo(302);
    assertThat(count("SELECT COUNT(*) FROM certification_notification WHERE certification_number = ? AND kind = 'TERMINATION'",
        no)).isOne();
    assertThat(provider1.get(path(no)).body()).contains("事業の終了（廃止）の届出を受け付けました。", "返納してください");

    // Ended today: no certificate to download any more, nothing more to notify, the return owed.
    String ended = certified("終了済みクラウド", today.minusDays(30));
    assertThat(provider1.postForm(path(ended) + "/notifications", Map.of("kind", "TERMINATION", "occurredOn",
        today.format(SLASHED), "description", "本日終了しました", "confirmed", "yes")).statusCode()).isEqualTo(302);
    runJobs(ended);
    assertThat(jdbc.sql("SELECT status FROM certification WHERE certification_number = ?").param(ended)
        .query(String.class).single()).isEqualTo("TERMINATED");
    HttpResponse<String> certificate = provider1.get(path(ended) + "/certificate.pdf");
    assertThat(certificate.statusCode()).isEqualTo(409);
    assertThat(certificate.body()).contains("認定は終了しているため、認定証はダウンロードできません");
    assertThat(provider1.get(path(ended)).body()).contains("終了", "認定証を認定機関に返納してください",
        "認定マークの使用を中止してください", "この認定は終了しているため、更新の申請はできません。")
        .doesNotContain("更新を申請する", "変更等を届け出る");
    HttpResponse<String> refused = provider1.postForm(path(ended) + "/notifications", Map.of("kind", "DOCUMENT_CHANGE",
        "occurredOn", today.format(SLASHED), "description", "変更", "changes[0].itemId", "B-16", "changes[0].value", "新"));
    assertThat(refused.body()).contains("この認定は終了しているため、届出はできません。");
    assertThat(count("SELECT COUNT(*) FROM certification_notification WHERE certification_number = ?", ended)).isOne();
  }

  @Test
  void theProviderReportsOnAnEmergencyAndAnImprovementRequestAndExplainsWithDocuments() {
    String no = certified("報告確認クラウド", today.minusDays(30));
    String base = "/api/certifications/" + no;
    String emergency = created(postJson("staff1", base + "/emergencies",
        Map.of("occurredOn", today.toString(), "description", "報告確認の緊急事態")));
    String improvement = created(postJson("staff1", base + "/improvement-requests",
        Map.of("content", "手順書を改善してください", "deadline", today.plusDays(30).toString(), "publish", false)));
    String investigation = created(postJson("staff1", base + "/investigations", Map.of("scope", List.of("OPERATIONS"),
        "reason", "職員だけが見る理由", "request", "運用記録を提出してください", "deadline", today.plusDays(20).toString())));
    runJobs(no);

    HttpResponse<String> page = provider1.get(path(no));
    assertThat(page.body()).contains("報告確認の緊急事態", "手順書を改善してください", "運用記録を提出してください",
        "経過を報告する", "改善を報告する", "説明を提出する", "期限 " + date(today.plusDays(20)))
        .doesNotContain("職員だけが見る理由");

    String emergencyForm = path(no) + "/emergencies/" + emergency + "/reports";
    assertThat(provider1.get(emergencyForm).body()).contains("緊急事態の経過を報告する（第14条）", "報告確認の緊急事態");
    HttpResponse<String> blank = provider1.postForm(emergencyForm, Map.of("report", "  "));
    assertThat(blank.statusCode()).isEqualTo(200);
    assertThat(blank.body()).contains("対策と経過の報告を入力してください", "aria-invalid=\"true\"");
    HttpResponse<String> tooLong = provider1.postForm(emergencyForm, Map.of("report", "長".repeat(3001)));
    assertThat(tooLong.body()).contains("3000文字以内", "長".repeat(3001));
    assertThat(provider1.postForm(emergencyForm, Map.of("report", "復旧しました")).statusCode()).isEqualTo(302);
    assertThat(count("SELECT COUNT(*) FROM emergency_report WHERE emergency_id = ?", emergency)).isOne();
    assertThat(provider1.get(path(no)).body()).contains("緊急事態の経過報告を受け付けました。", "復旧しました");

    String improvementForm = path(no) + "/improvement-requests/" + improvement + "/reports";
    assertThat(provider1.postForm(improvementForm, Map.of()).body()).contains("講じた改善の措置を入力してください");
    assertThat(provider1.postForm(improvementForm, Map.of("report", "手順書を改訂しました")).statusCode()).isEqualTo(302);
    assertThat(provider1.get(path(no)).body()).contains("改善の報告を受け付けました。", "改善を報告済み");
    assertThat(jdbc.sql("SELECT status FROM improvement_request WHERE id = ?").param(improvement).query(String.class)
        .single()).isEqualTo("REPORTED");
    assertThat(provider1.get(improvementForm).body()).contains("報告を受け付けていません").doesNotContain("<textarea");

    String explanationForm = path(no) + "/investigations/" + investigation + "/explanations";
    HttpResponse<String> notPdf = provider1.postMultipart(explanationForm, Map.of("explanation", "記録を添付します"),
        new PortalSession.Upload("documents", "記録.pdf", "application/pdf", "not a pdf".getBytes(StandardCharsets.UTF_8)));
    assertThat(notPdf.statusCode()).isEqualTo(200);
    assertThat(notPdf.body()).contains("id=\"documents-error\"", "PDF", "記録を添付します");
    assertThat(count("SELECT COUNT(*) FROM investigation WHERE id = ? AND explanation IS NULL", investigation)).isOne();
    HttpResponse<String> explained = provider1.postMultipart(explanationForm, Map.of("explanation", "記録を添付します"),
        new PortalSession.Upload("documents", "運用記録.pdf", "application/pdf", TestApplications.PDF),
        new PortalSession.Upload("documents", "", "application/octet-stream", new byte[0]));
    assertThat(explained.statusCode()).isEqualTo(302);
    assertThat(count("SELECT COUNT(*) FROM investigation_document WHERE investigation_id = ?", investigation)).isOne();
    assertThat(provider1.get(path(no)).body()).contains("調査への説明と資料（1件）を受け付けました。", "運用記録.pdf",
        "説明を提出済み");
  }

  @Test
  void anAccountNotYetBoundToACompanyIsToldSoAndSeesNothing() {
    if (identityService.createUserQuery().userId("unbound1").count() == 0) {
      User user = identityService.newUser("unbound1");
      user.setFirstName("未紐付");
      user.setLastName("太郎");
      user.setPassword("demo");
      identityService.saveUser(user);
      identityService.createMembership("unbound1", "provider");
    }
    String no = certified("紐付け確認クラウド", today.minusDays(3));
    PortalSession unbound = PortalSession.of(http.getRootUri(), "unbound1", "demo");
    for (String page : List.of("/portal/certifications", path(no))) {
      HttpResponse<String> answer = unbound.get(page);
      assertThat(answer.statusCode()).isEqualTo(403);
      assertThat(answer.body()).contains("法人番号との紐付けの確認を待っています").doesNotContain("紐付け確認クラウド");
    }
  }

  private long count(String sql, String param) {
    return jdbc.sql(sql).param(param).query(Long.class).single();
  }

  private static String created(org.springframework.http.ResponseEntity<com.fasterxml.jackson.databind.JsonNode> response) {
    assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(201);
    return response.getBody().get("id").asText();
  }
}
