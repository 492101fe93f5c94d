package jp.iotcert.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.iotcert.api.ApiTestBase;
import jp.iotcert.catalogue.DisclosureItem;
import jp.iotcert.certification.CertificationService;
import jp.iotcert.common.BusinessCalendar;
import jp.iotcert.support.PortalSession;
import jp.iotcert.support.PortalSession.Upload;
import jp.iotcert.support.TestApplications;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import jp.iotcert.identity.Groups;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The portal's application pages over real HTTP with a signed-in session (form login, CSRF), as a
 * company's staff use them: applying with documents, errors next to their fields with nothing stored,
 * drafts, answering a supplement request, withdrawing, and another company seeing none of it.
 */
class PortalApplicationsTest extends ApiTestBase {

  private static final Pattern SUBMITTED = Pattern.compile("/portal/applications/(A-\\d{4}-\\d{6})/submitted");

  @Autowired TaskService taskService;
  @Autowired JdbcClient jdbc;
  @Autowired CertificationService certifications;
  @Autowired TransactionTemplate transactions;
  @Autowired IdentityService identityService;

  private PortalSession session(String user) {
    return PortalSession.of(http.getRootUri(), user, "demo");
  }

  /** The form as a company's staff fill it in: every item of the catalogue, B-09 asked to be withheld. */
  private Map<String, String> filledForm(String serviceName) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("provider.name", "株式会社ポータル");
    form.put("provider.address", "東京都千代田区丸の内1-1-1");
    form.put("provider.representative", "代表 太郎");
    form.put("contact.name", "担当 花子");
    form.put("contact.email", "portal@provider.example.jp");
    form.put("contact.phone", "03-1234-5678");
    form.put("service.name", serviceName);
    form.put("service.description", "IoT機器のデータを収集するクラウドサービス\r\n二行目");
    form.put("service.url", "https://portal.example.jp");
    for (DisclosureItem item : catalogue.all()) {
      form.put("disclosure." + item.itemId(), item.itemId().equals("B-01") ? "2026-11-01" : "開示: " + item.name());
    }
    form.put("withhold." + TestApplications.WITHHELD_ITEM, "yes");
    form.put("withholdReason." + TestApplications.WITHHELD_ITEM, "非上場のため売上高は公表を控えたい");
    form.put("action", "submit");
    return form;
  }

  private static Upload pdf(String field, String name) {
    return new Upload(field, name, "application/pdf", TestApplications.PDF);
  }

  private static String applicationNumber(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
    Matcher m = SUBMITTED.matcher(response.headers().firstValue("Location").orElse(""));
    assertThat(m.find()).as("redirect to the confirmation: %s", response.headers().firstValue("Location")).isTrue();
    return m.group(1);
  }

  private int applicationsOf(String corporateNumber) {
    return jdbc.sql("SELECT COUNT(*) FROM application WHERE corporate_number = ?").param(corporateNumber)
        .query(Integer.class).single();
  }

  @Test
  void anUploadOverTheLimitIsAPortalPageInJapaneseAndNothingIsStored() {
    PortalSession provider1 = session("provider1");
    long before = jdbc.sql("SELECT COUNT(*) FROM application").query(Long.class).single();
    byte[] huge = new byte[21 * 1024 * 1024];
    var answer = provider1.postMultipart("/portal/applications", Map.of("action", "submit"),
        new PortalSession.Upload("registryCertificate", "huge.pdf", "application/pdf", huge));
    assertThat(answer.statusCode()).isEqualTo(413);
    assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(answer.body()).contains("ファイルが大きすぎます", "1ファイル10MBまで", "入力ページへ戻る");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM application").query(Long.class).single()).isEqualTo(before);
  }

  @Test
  void applyingWithDocumentsStoresTheApplicationAndConfirmsTheFeeToPay() {
    PortalSession p1 = session("provider1");
    HttpResponse<String> form = p1.get("/portal/applications/new");
    assertThat(form.statusCode()).isEqualTo(200);
    // Built from the catalogue: every item, grouped by category, with 必須/選択 and its definition.
    for (DisclosureItem item : catalogue.all()) {
      assertThat(form.body()).contains("id=\"disclosure-" + item.itemId() + "\"", item.definition());
    }
    assertThat(form.body()).contains("<legend>開示情報の時点</legend>", "必須", "選択", TestApplications.PROVIDER1_NUMBER);

    String no = applicationNumber(p1.postMultipart("/portal/applications", filledForm("ポータル申請クラウド"),
        pdf("registryCertificate", "登記事項証明書.pdf"), pdf("other", "定款.pdf"), pdf("other", "体制図.pdf")));

    HttpResponse<String> confirmation = p1.get("/portal/applications/" + no + "/submitted");
    assertThat(confirmation.statusCode()).isEqualTo(200);
    assertThat(confirmation.body()).contains(no, "100,000円", "みずなみ銀行", "納付期限");
    JsonNode stored = get("staff1", "/api/applications/" + no).getBody();
    assertThat(stored.get("type").asText()).isEqualTo("NEW");
    assertThat(stored.get("channel").asText()).isEqualTo("ONLINE");
    assertThat(stored.at("/provider/corporateNumber").asText()).isEqualTo(TestApplications.PROVIDER1_NUMBER);
    assertThat(stored.at("/service/description").asText()).isEqualTo("IoT機器のデータを収集するクラウドサービス\n二行目");
    assertThat(stored.get("disclosure")).hasSize(catalogue.all().size());
    assertThat(stored.get("withheldItems").get(0).get("itemId").asText()).isEqualTo(TestApplications.WITHHELD_ITEM);
    assertThat(stored.get("documents").findValuesAsText("fileName"))
        .containsExactlyInAnyOrder("登記事項証明書.pdf", "定款.pdf", "体制図.pdf");
    assertThat(stored.get("fee").get("dueOn").asText()).isNotBlank();

    HttpResponse<String> list = p1.get("/portal/applications");
    assertThat(list.body()).contains(no, "ポータル申請クラウド", "新規", "手数料の納付 100,000円");
    HttpResponse<String> page = p1.get("/portal/applications/" + no);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("受付済み", "登記事項証明書.pdf", "非上場のため売上高は公表を控えたい");
    // A document is served to its company through the portal, and only as the PDF stored.
    String docId = stored.get("documents").get(0).get("id").asText();
    HttpResponse<byte[]> doc = p1.getBytes("/portal/applications/" + no + "/documents/" + docId);
    assertThat(doc.statusCode()).isEqualTo(200);
    assertThat(doc.body()).isEqualTo(TestApplications.PDF);
  }

  @Test
  void aRenewalInItsWindowCarriesTheMarkUseSelfDeclarationAndAnotherCompanyCannotRenew() {
    LocalDate today = LocalDate.now(BusinessCalendar.ZONE);
    // Certified so that today lies in the renewal window (last day of validity in 44 days, 第12条1).
    LocalDate certifiedOn = today.minusYears(2).plusDays(45);
    String base = submitted("provider1", TestApplications.PROVIDER1_NUMBER, "更新ポータルクラウド");
    String cert = transactions.execute(s -> certifications.certify(new CertificationService.NewCertification(base,
        TestApplications.PROVIDER1_NUMBER, "株式会社テスト", "更新ポータルクラウド", "更新前の説明", null, certifiedOn,
        certifiedOn, json.valueToTree(TestApplications.fullDisclosure(catalogue)).toString(),
        "[{\"itemId\":\"B-09\",\"reason\":\"非上場のため\"}]"))).certificationNumber();
    PortalSession p1 = session("provider1");
    assertThat(p1.get("/portal/applications").body()).contains("更新申請を受け付けている認定", cert + " 更新ポータルクラウド の更新申請");

    String path = "/portal/applications/new?renewalOf=" + cert.replace(" ", "%20");
    HttpResponse<String> form = p1.get(path);
    assertThat(form.statusCode()).isEqualTo(200);
    // Started from the certification: its service and disclosure, its withheld item ticked again.
    assertThat(form.body()).contains("認定の更新申請（認定番号 " + cert + "）", "value=\"更新ポータルクラウド\"",
        ">更新前の説明</textarea>", "認定マークの使用に関する自己申告", "name=\"renewalOf\" value=\"" + cert + "\"");
    assertThat(form.body()).containsPattern("id=\"withhold-B-09\"[^>]*checked");

    Map<String, String> filled = filledForm("更新ポータルクラウド");
    filled.put("renewalOf", cert);
    HttpResponse<String> undeclared = p1.postMultipart("/portal/applications", filled);
    assertThat(undeclared.statusCode()).isEqualTo(400);
    assertField(undeclared.body(), "markUse-compliant", "自己申告（第10条第7項）が必要です");

    filled.put("markUse.compliant", "yes");
    filled.put("markUse.statement", "認定マークは検証用URLへのリンクを付けて表示してきました。");
    String no = applicationNumber(p1.postMultipart("/portal/applications", filled));
    JsonNode stored = get("staff1", "/api/applications/" + no).getBody();
    assertThat(stored.get("type").asText()).isEqualTo("RENEWAL");
    assertThat(stored.get("certificationNumber").asText()).isEqualTo(cert);
    assertThat(p1.get("/portal/applications").body()).contains(no, "更新");

    // provider2 cannot renew provider1's certification: refused with the reason, nothing shown of it.
    HttpResponse<String> foreign = session("provider2").get(path);
    assertThat(foreign.statusCode()).isEqualTo(409);
    assertThat(foreign.body()).contains("見つかりません").doesNotContain("更新ポータルクラウド");
    // A second renewal of the same certification is refused with the reason.
    HttpResponse<String> twice = p1.get(path);
    assertThat(twice.statusCode()).isEqualTo(409);
    assertThat(twice.body()).contains("審査中の更新申請");
  }

  @Test
  void anAccountNotYetBoundToACompanyIsToldSoAndActsForNone() {
    // A provider account the secretariat has not bound to a corporate number yet (no provider_account row).
    String user = "unbound" + (System.nanoTime() % 1_000_000);
    User account = identityService.newUser(user);
    account.setFirstName("未確認");
    account.setLastName("事業者");
    account.setPassword("demo");
    identityService.saveUser(account);
    identityService.createMembership(user, Groups.PROVIDER);
    String no = submitted("provider1", TestApplications.PROVIDER1_NUMBER, "未紐付け確認クラウド");
    PortalSession unbound = session(user);

    for (String path : List.of("/portal/applications", "/portal/applications/new", "/portal/applications/" + no)) {
      HttpResponse<String> page = unbound.get(path);
      assertThat(page.statusCode()).as(path).isEqualTo(403);
      assertThat(page.body()).as(path).contains("法人番号との紐付けの確認を待っています").doesNotContain(no);
    }
    int before = applicationsOf(TestApplications.PROVIDER1_NUMBER);
    assertThat(unbound.postMultipart("/portal/applications", filledForm("未紐付け確認クラウド"),
        pdf("registryCertificate", "t.pdf")).statusCode()).isEqualTo(403);
    assertThat(applicationsOf(TestApplications.PROVIDER1_NUMBER)).isEqualTo(before);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM application WHERE submitted_by = ?").param(user).query(Integer.class)
        .single()).isZero();
  }

  @Test
  void errorsAreShownNextToTheirFieldsWithTheValuesKeptAndNothingIsStored() {
    PortalSession p1 = session("provider1");
    int before = applicationsOf(TestApplications.PROVIDER1_NUMBER);
    Map<String, String> form = filledForm("誤り確認クラウド");
    form.put("provider.name", "");
    form.put("contact.email", "not-an-address");
    form.put("disclosure.B-01", "昨日");
    form.put("withhold." + TestApplications.WITHHELD_ITEM, "");
    form.put("withholdReason.B-10", "理由だけ");

    HttpResponse<String> response = p1.postMultipart("/portal/applications", form);

    assertThat(response.statusCode()).isEqualTo(400);
    String html = response.body();
    assertThat(html).contains("id=\"error-summary\"", "href=\"#provider-name\"", "href=\"#contact-email\"",
        "href=\"#disclosure-B-01\"", "href=\"#registryCertificate\"", "href=\"#withhold-B-10\"");
    assertField(html, "provider-name", "事業者名は必須です");
    assertField(html, "contact-email", "メールアドレスの形式が正しくありません");
    assertField(html, "disclosure-B-01", "日付（例: 2026-11-01）で記入してください");
    assertField(html, "registryCertificate", "登記事項証明書（PDF）が必要です");
    assertField(html, "withhold-B-10", "チェックを入れてください");
    // The values typed are kept (files are not, and the page says so).
    assertThat(html).contains("value=\"not-an-address\"", "value=\"誤り確認クラウド\"", ">昨日</textarea>",
        "添付ファイルは保存されていません");
    Matcher untouched = Pattern.compile("<input[^>]*\\sid=\"service-name\"[^>]*>").matcher(html);
    assertThat(untouched.find()).isTrue();
    assertThat(untouched.group()).doesNotContain("aria-invalid");
    assertThat(applicationsOf(TestApplications.PROVIDER1_NUMBER)).isEqualTo(before);

    // A document that is no PDF is refused on its field, and still nothing is stored.
    HttpResponse<String> notPdf = p1.postMultipart("/portal/applications", filledForm("誤り確認クラウド"),
        new Upload("registryCertificate", "touki.pdf", "application/pdf", "GIF89a".getBytes(StandardCharsets.US_ASCII)));
    assertThat(notPdf.statusCode()).isEqualTo(400);
    assertField(notPdf.body(), "registryCertificate", "PDFファイルではありません");
    // A control character is refused by the input rules every surface shares.
    Map<String, String> hostile = filledForm("制御\u202Eクラウド");
    HttpResponse<String> bidi = p1.postMultipart("/portal/applications", hostile, pdf("registryCertificate", "t.pdf"));
    assertThat(bidi.statusCode()).isEqualTo(400);
    assertField(bidi.body(), "service-name", "制御文字");
    assertThat(applicationsOf(TestApplications.PROVIDER1_NUMBER)).isEqualTo(before);
  }

  /** The field is marked invalid and described by its error, which says the message. */
  private static void assertField(String html, String id, String message) {
    Matcher field = Pattern.compile("<(input|textarea)[^>]*\\sid=\"" + Pattern.quote(id) + "\"[^>]*>").matcher(html);
    assertThat(field.find()).as("field %s in the page", id).isTrue();
    assertThat(field.group()).contains("aria-invalid=\"true\"").contains("aria-describedby=\"" + id + "-error");
    Matcher error = Pattern.compile("<p class=\"field-error\" id=\"" + Pattern.quote(id) + "-error\">([^<]*)</p>").matcher(html);
    assertThat(error.find()).as("error of %s", id).isTrue();
    assertThat(error.group(1)).contains(message);
  }

  @Test
  void aDraftKeepsTheTypedValuesForTheCompanyOnlyAndGoesOnceSubmitted() {
    PortalSession p1 = session("provider1");
    Map<String, String> form = new LinkedHashMap<>();
    form.put("service.name", "下書きクラウド");
    form.put("contact.email", "まだ途中"); // no validation beyond sizes in a draft
    form.put("disclosure.B-05", "途中まで書いた開示");
    form.put("action", "draft");

    HttpResponse<String> saved = p1.postMultipart("/portal/applications", form, pdf("registryCertificate", "t.pdf"));

    assertThat(saved.statusCode()).isEqualTo(302);
    String location = saved.headers().firstValue("Location").orElseThrow();
    assertThat(location).contains("/portal/applications/new?draft=");
    String draftId = location.substring(location.indexOf("draft=") + "draft=".length());
    HttpResponse<String> reopened = p1.get("/portal/applications/new?draft=" + draftId);
    assertThat(reopened.body()).contains("下書きを保存しました", "添付ファイルは下書きに保存されません", "value=\"下書きクラウド\"",
        "value=\"まだ途中\"", ">途中まで書いた開示</textarea>", "name=\"draftId\" value=\"" + draftId + "\"");
    assertThat(p1.get("/portal/applications").body()).contains("下書きクラウド", "続きを入力する");
    // Another company neither opens nor deletes it.
    PortalSession p2 = session("provider2");
    assertThat(p2.get("/portal/applications/new?draft=" + draftId).statusCode()).isEqualTo(404);
    assertThat(p2.get("/portal/applications").body()).doesNotContain("下書きクラウド");
    assertThat(p2.postForm("/portal/applications/drafts/" + draftId + "/delete", Map.of()).statusCode()).isEqualTo(404);

    // Completed and submitted from the draft: the draft is gone.
    Map<String, String> complete = filledForm("下書きクラウド");
    complete.put("draftId", draftId);
    applicationNumber(p1.postMultipart("/portal/applications", complete, pdf("registryCertificate", "t.pdf")));
    assertThat(p1.get("/portal/applications/new?draft=" + draftId).statusCode()).isEqualTo(404);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM application_draft WHERE id = ?").param(draftId).query(Integer.class).single())
        .isZero();

    // A draft the company no longer wants is deleted from the list.
    String other = p1.postMultipart("/portal/applications", Map.of("service.name", "不要な下書き", "action", "draft"))
        .headers().firstValue("Location").orElseThrow().replaceAll(".*draft=", "");
    HttpResponse<String> deleted = p1.postForm("/portal/applications/drafts/" + other + "/delete", Map.of());
    assertThat(deleted.statusCode()).isEqualTo(302);
    assertThat(p1.get("/portal/applications").body()).contains("下書きを削除しました").doesNotContain("不要な下書き");
  }

  @Test
  void aSupplementRequestIsAnsweredOnThePortalWithDocumentsAndChangedItems() throws Exception {
    String no = submitted("provider1", TestApplications.PROVIDER1_NUMBER, "補正ポータルクラウド");
    PortalSession p1 = session("provider1");
    assertThat(p1.get("/portal/applications/" + no + "/supplement").body()).contains("補正の依頼はありません");

    String taskId = taskService.createTaskQuery().processInstanceBusinessKey(no)
        .taskDefinitionKey("Task_CheckCompleteness").singleResult().getId();
    taskService.complete(taskId, Map.of("documentsComplete", false, "supplementRequest", "定款の写しを追加してください"));
    runJobs(no);

    // The notice points to the portal's page of the application, not to the API.
    JsonNode notice = get("provider1", "/api/applications/" + no).getBody().get("notices").findParents("kind").stream()
        .filter(n -> n.get("kind").asText().equals("SUPPLEMENT_REQUESTED")).findFirst().orElseThrow();
    assertThat(notice.get("body").asText()).contains("/portal/applications/" + no).doesNotContain("/api/");
    HttpResponse<String> page = p1.get("/portal/applications/" + no);
    assertThat(page.body()).contains("補正をお願いしています", "定款の写しを追加してください", "補正を提出する", "通知書（PDF）");

    HttpResponse<String> form = p1.get("/portal/applications/" + no + "/supplement");
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body()).contains("定款の写しを追加してください", "補正期限");
    // Only the item whose text changed is sent; the unchanged ones are left as they were.
    Map<String, String> answer = new LinkedHashMap<>();
    answer.put("message", "定款の写しを添付します。");
    for (DisclosureItem item : catalogue.all()) {
      answer.put("disclosure." + item.itemId(), item.itemId().equals("B-01") ? "2026-11-01" : "開示内容: " + item.name());
    }
    answer.put("disclosure.B-05", "補正後の開示内容");
    HttpResponse<String> sent = p1.postMultipart("/portal/applications/" + no + "/supplement", answer,
        pdf("other", "定款の写し.pdf"));

    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
    assertThat(sent.headers().firstValue("Location").orElseThrow()).endsWith("/portal/applications/" + no);
    JsonNode view = get("staff1", "/api/applications/" + no).getBody();
    assertThat(view.get("status").asText()).isEqualTo("SUBMITTED");
    assertThat(view.get("documents").findValuesAsText("fileName")).contains("定款の写し.pdf");
    assertThat(view.get("disclosure").findParents("itemId").stream()
        .filter(d -> d.get("itemId").asText().equals("B-05")).findFirst().orElseThrow().get("value").asText())
        .isEqualTo("補正後の開示内容");
    assertThat(p1.get("/portal/applications/" + no).body()).contains("補正を提出しました");
    // No request open any more: a second answer is refused with the reason, nothing stored.
    HttpResponse<String> again = p1.postMultipart("/portal/applications/" + no + "/supplement", Map.of("message", "再送"),
        pdf("other", "再送.pdf"));
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(get("staff1", "/api/applications/" + no).getBody().get("documents").findValuesAsText("fileName"))
        .doesNotContain("再送.pdf");
  }

  @Test
  void withdrawingSaysTheFeeIsNotRefundedAndEndsTheApplication() {
    String no = submitted("provider1", TestApplications.PROVIDER1_NUMBER, "取下げポータルクラウド");
    PortalSession p1 = session("provider1");

    HttpResponse<String> confirm = p1.get("/portal/applications/" + no + "/withdraw");
    assertThat(confirm.statusCode()).isEqualTo(200);
    assertThat(confirm.body()).contains("取り下げても手数料は返金されません", "name=\"reason\"");
    HttpResponse<String> tooLong = p1.postForm("/portal/applications/" + no + "/withdraw", Map.of("reason", "長".repeat(2001)));
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertField(tooLong.body(), "reason", "2000文字以内");
    assertThat(get("staff1", "/api/applications/" + no).getBody().get("status").asText()).isEqualTo("SUBMITTED");

    HttpResponse<String> done = p1.postForm("/portal/applications/" + no + "/withdraw", Map.of("reason", "事業計画の見直し"));

    assertThat(done.statusCode()).isEqualTo(302);
    assertThat(get("staff1", "/api/applications/" + no).getBody().get("status").asText()).isEqualTo("WITHDRAWN");
    assertThat(p1.get("/portal/applications/" + no).body()).contains("申請を取り下げました", "取り下げられました");
    assertThat(p1.get("/portal/applications/" + no + "/withdraw").statusCode()).isEqualTo(409);
  }

  @Test
  void anotherCompanyGetsNotFoundForTheApplicationItsPagesAndItsNoticeLetter() {
    String no = submitted("provider1", TestApplications.PROVIDER1_NUMBER, "他社確認ポータルクラウド");
    String taskId = taskService.createTaskQuery().processInstanceBusinessKey(no)
        .taskDefinitionKey("Task_CheckCompleteness").singleResult().getId();
    taskService.complete(taskId, Map.of("documentsComplete", false, "supplementRequest", "書類を追加してください"));
    runJobs(no);
    JsonNode view = get("staff1", "/api/applications/" + no).getBody();
    String href = view.get("notices").findValuesAsText("href").stream().filter(h -> h != null && h.endsWith(".pdf"))
        .findFirst().orElseThrow();
    String noticeId = href.substring(href.lastIndexOf('/') + 1, href.length() - ".pdf".length());
    String docId = view.get("documents").get(0).get("id").asText();
    String letter = "/portal/applications/" + no + "/notices/" + noticeId + ".pdf";

    HttpResponse<byte[]> own = session("provider1").getBytes(letter);
    assertThat(own.statusCode()).isEqualTo(200);
    assertThat(own.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
    assertThat(new String(own.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

    PortalSession p2 = session("provider2");
    for (String path : List.of("/portal/applications/" + no, "/portal/applications/" + no + "/submitted",
        "/portal/applications/" + no + "/supplement", "/portal/applications/" + no + "/withdraw",
        "/portal/applications/" + no + "/documents/" + docId)) {
      HttpResponse<String> response = p2.get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(404);
      assertThat(response.body()).as(path).contains("お探しの申請は見つかりません").doesNotContain("他社確認ポータルクラウド");
    }
    assertThat(p2.getBytes(letter).statusCode()).isEqualTo(404);
    assertThat(p2.get("/portal/applications/A-1999-000001").statusCode()).isEqualTo(404);
    assertThat(p2.postForm("/portal/applications/" + no + "/withdraw", Map.of("reason", "他社")).statusCode())
        .isEqualTo(404);
    assertThat(p2.postMultipart("/portal/applications/" + no + "/supplement", Map.of("message", "他社"),
        pdf("other", "他社.pdf")).statusCode()).isEqualTo(404);
    assertThat(p2.get("/portal/applications").body()).doesNotContain(no);
    assertThat(get("staff1", "/api/applications/" + no).getBody().get("status").asText()).isEqualTo("SUPPLEMENT_REQUESTED");
  }
}
