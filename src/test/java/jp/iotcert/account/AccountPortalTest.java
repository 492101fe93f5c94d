package jp.iotcert.account;

import static jp.iotcert.support.PortalAccounts.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import jp.iotcert.api.ApiTestBase;
import jp.iotcert.support.Jobs;
import jp.iotcert.support.Mails;
import jp.iotcert.support.PortalAccounts;
import jp.iotcert.support.PortalSession;
import jp.iotcert.support.TestApplications;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The portal's accounts over real HTTP (PortalSession: form login, session, CSRF) with the mails
 * GreenMail receives: register, confirm by the mailed link, 「事業者アカウントを確認する」 completed by
 * staff, the company administrator's colleagues, password reset, and links that are guessed, spent or
 * expired.
 */
class AccountPortalTest extends ApiTestBase {

  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired JdbcClient jdbc;

  private String root() {
    return http.getRootUri();
  }

  /** Registers and confirms an account; answers its open task. */
  private Task registeredAndConfirmed(String userId, String number, String email) throws Exception {
    PortalSession anonymous = PortalSession.anonymous(root());
    HttpResponse<String> sent = PortalAccounts.register(anonymous, userId, number, email);
    assertThat(sent.statusCode()).isEqualTo(200);
    assertThat(sent.body()).contains("確認メールを送りました");
    String confirm = PortalAccounts.link(PortalAccounts.mail(MAIL, email, "メールアドレスの確認"), "/portal/account/confirm/");
    assertThat(anonymous.get(confirm).body()).contains("メールアドレスを確認する").contains(number);
    HttpResponse<String> confirmed = anonymous.postForm(confirm, Map.of());
    assertThat(confirmed.statusCode()).isEqualTo(200);
    assertThat(confirmed.body()).contains("メールアドレスを確認しました");
    // Single use: the same link again is refused like any unknown one.
    assertThat(anonymous.postForm(confirm, Map.of()).statusCode()).isEqualTo(404);
    return taskService.createTaskQuery().processInstanceBusinessKey(userId).singleResult();
  }

  /** A bound company administrator of a new company, signed in. */
  private PortalSession boundAdmin(String userId, String number, String email) throws Exception {
    Task task = registeredAndConfirmed(userId, number, email);
    taskService.complete(task.getId(), Map.of(AccountBindingProcess.BINDING_DECISION, AccountBindingProcess.APPROVE));
    Jobs.runDue(runtimeService, managementService, userId);
    return PortalSession.of(root(), userId, PASSWORD);
  }

  @Test
  void aCompanyRegistersConfirmsItsAddressAndActsForItsNumberOnceStaffApprove() throws Exception {
    String number = PortalAccounts.newCorporateNumber();
    Task task = registeredAndConfirmed("regtaro", number, "regtaro@example.co.jp");

    // Confirmed: the account logs in (group provider) but acts for no company yet.
    PortalSession waiting = PortalSession.of(root(), "regtaro", PASSWORD);
    assertThat(waiting.get("/portal/").body()).contains("確認を待っています").doesNotContain(number + " の事業者");
    assertThat(waiting.get("/portal/account").body()).contains("確認待ち");

    assertThat(task.getName()).isEqualTo("事業者アカウントを確認する");
    assertThat(taskService.getIdentityLinksForTask(task.getId())).anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo("staff"));
    Map<String, Object> shown = taskService.getVariables(task.getId());
    assertThat(shown).containsEntry(AccountBindingProcess.CORPORATE_NUMBER, number)
        .containsEntry(AccountBindingProcess.PROVIDER_NAME, "株式会社regtaro");
    assertThat(shown.get(AccountBindingProcess.BOUND_ACCOUNTS).toString()).contains("まだありません");

    // The rules hold for every client: no decision, or a refusal without a reason, keeps the task open.
    assertThatThrownBy(() -> taskService.complete(task.getId(), Map.of(AccountBindingProcess.BINDING_DECISION, "MAYBE")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("承認する");
    assertThatThrownBy(() -> taskService.complete(task.getId(), Map.of(AccountBindingProcess.BINDING_DECISION,
        AccountBindingProcess.REFUSE, AccountBindingProcess.REFUSAL_REASON, "  ")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("理由");
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);

    taskService.complete(task.getId(), Map.of(AccountBindingProcess.BINDING_DECISION, AccountBindingProcess.APPROVE));
    Jobs.runDue(runtimeService, managementService, "regtaro");
    assertThat(Mails.text(PortalAccounts.mail(MAIL, "regtaro@example.co.jp", "確認しました"))).contains(number)
        .contains("会社の管理者");

    PortalSession bound = PortalSession.of(root(), "regtaro", PASSWORD);
    assertThat(bound.get("/portal/").body()).contains("法人番号 <span>" + number + "</span> の事業者として手続きができます");
    assertThat(bound.get("/portal/account").body()).contains("同じ会社のアカウント").contains("regtaro");

    // A second account of the same number: the staff's form lists the first; it is no administrator.
    Task second = registeredAndConfirmed("regjiro", number, "regjiro@example.co.jp");
    assertThat(taskService.getVariable(second.getId(), AccountBindingProcess.BOUND_ACCOUNTS).toString())
        .contains("regtaro").contains("管理者");
    taskService.complete(second.getId(), Map.of(AccountBindingProcess.BINDING_DECISION, AccountBindingProcess.APPROVE));
    Jobs.runDue(runtimeService, managementService, "regjiro");
    assertThat(jdbc.sql("SELECT company_admin FROM provider_account WHERE user_id = 'regjiro'").query(Boolean.class).single())
        .isFalse();
  }

  @Test
  void beforeItsAddressIsConfirmedAnAccountCannotUseThePortalAndATakenIdIsToldOnlyByMail() throws Exception {
    PortalSession anonymous = PortalSession.anonymous(root());
    PortalAccounts.register(anonymous, "unconfirmed", PortalAccounts.newCorporateNumber(), "unconfirmed@example.co.jp");
    PortalAccounts.mail(MAIL, "unconfirmed@example.co.jp", "メールアドレスの確認");
    assertThat(PortalSession.of(root(), "unconfirmed", PASSWORD).get("/portal/").statusCode()).isEqualTo(403);

    // provider1's id again, from someone else's address: the page says the same, the mail tells the owner of that address.
    HttpResponse<String> again = PortalAccounts.register(anonymous, "provider1", PortalAccounts.newCorporateNumber(),
        "squatter@example.co.jp");
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.body()).contains("確認メールを送りました");
    assertThat(Mails.text(PortalAccounts.mail(MAIL, "squatter@example.co.jp", "登録できませんでした"))).contains("既に使われている");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM account_registration WHERE user_id = 'provider1'").query(Integer.class).single())
        .isZero();
    // provider1 still logs in with its own password.
    assertThat(PortalSession.of(root(), "provider1", "demo").get("/portal/").statusCode()).isEqualTo(200);
  }

  @Test
  void anUnconfirmedRegistrationHoldsNeitherItsIdNorItsAddressLongerThanItsLink() throws Exception {
    PortalSession anonymous = PortalSession.anonymous(root());
    PortalAccounts.register(anonymous, "squatting", PortalAccounts.newCorporateNumber(), "owner@example.co.jp");
    String first = PortalAccounts.link(PortalAccounts.mail(MAIL, "owner@example.co.jp", "メールアドレスの確認"),
        "/portal/account/confirm/");
    // Within the link's 24 hours the address is taken; its owner gets a new link to the waiting
    // registration (a lost mail is found again), and the first link no longer works.
    PortalAccounts.register(anonymous, "realowner", PortalAccounts.newCorporateNumber(), "owner@example.co.jp");
    String again = Mails.text(PortalAccounts.mail(MAIL, "owner@example.co.jp", "メールアドレスの確認（再送）"));
    assertThat(again).contains("ユーザーID: squatting").contains("お心当たりのない場合は");
    String second = PortalAccounts.link(PortalAccounts.mail(MAIL, "owner@example.co.jp", "メールアドレスの確認（再送）"),
        "/portal/account/confirm/");
    assertThat(second).isNotEqualTo(first);
    assertThat(anonymous.get(first).statusCode()).isEqualTo(404);
    assertThat(anonymous.get(second).statusCode()).isEqualTo(200);
    assertThat(identityService.createUserQuery().userId("realowner").count()).isZero();

    jdbc.sql("UPDATE account_registration SET registered_at = ? WHERE user_id = 'squatting'")
        .param(Timestamp.from(Instant.now().minusSeconds(25 * 3600))).update();
    PortalAccounts.register(anonymous, "realowner", PortalAccounts.newCorporateNumber(), "owner@example.co.jp");
    assertThat(identityService.createUserQuery().userId("realowner").count()).isOne();
    assertThat(identityService.createUserQuery().userId("squatting").count()).isZero();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM account_registration WHERE user_id = 'squatting'").query(Integer.class).single())
        .isZero();
  }

  @Test
  void badInputIsRefusedNextToItsFieldInJapaneseAndNothingIsStored() {
    PortalSession anonymous = PortalSession.anonymous(root());
    Map<String, String> form = new java.util.HashMap<>(PortalAccounts.registration("Bad Id", "1234567890123", "not-an-address"));
    form.put("password", "password1234");
    form.put("passwordConfirmation", "password1234");
    form.put("companyName", "株式会社\u202Eevil");
    HttpResponse<String> refused = anonymous.postForm("/portal/register", form);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("チェックディジット").contains("メールアドレスの形式").contains("半角の英小文字と数字")
        .contains("推測されやすい").contains("文字の表示方向を変える制御文字").contains("aria-invalid=\"true\"").contains("aria-describedby=\"corporateNumber-hint corporateNumber-error\"")
        .doesNotContain("password1234");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM account_registration WHERE email = 'not-an-address'").query(Integer.class).single())
        .isZero();
  }

  @Test
  void theSecretariatRefusesAndTheApplicantIsToldWhyAndActsNowhere() throws Exception {
    Task task = registeredAndConfirmed("refused", TestApplications.PROVIDER1_NUMBER, "refused@example.co.jp");
    assertThat(taskService.getVariable(task.getId(), AccountBindingProcess.BOUND_ACCOUNTS).toString()).contains("provider1");
    taskService.complete(task.getId(), Map.of(AccountBindingProcess.BINDING_DECISION, AccountBindingProcess.REFUSE,
        AccountBindingProcess.REFUSAL_REASON, "登記上の会社と確認できませんでした。"));
    Jobs.runDue(runtimeService, managementService, "refused");
    assertThat(Mails.text(PortalAccounts.mail(MAIL, "refused@example.co.jp", "承認できませんでした")))
        .contains("登記上の会社と確認できませんでした。");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM provider_account WHERE user_id = 'refused'").query(Integer.class).single()).isZero();
    assertThat(PortalSession.of(root(), "refused", PASSWORD).get("/portal/").statusCode()).isEqualTo(403);
  }

  @Test
  void anAdministratorInvitesAndRemovesColleaguesAndTheCompanyKeepsAnAdministrator() throws Exception {
    String number = PortalAccounts.newCorporateNumber();
    PortalSession admin = boundAdmin("admintaro", number, "admintaro@example.co.jp");

    assertThat(admin.postForm("/portal/account/invitations", Map.of("inviteEmail", "colleague@example.co.jp")).statusCode())
        .isEqualTo(302);
    String invitation = PortalAccounts.link(PortalAccounts.mail(MAIL, "colleague@example.co.jp", "招待"),
        "/portal/register/invitation/");
    PortalSession invitee = PortalSession.anonymous(root());
    assertThat(invitee.get(invitation).body()).contains(number);
    HttpResponse<String> weak = invitee.postForm(invitation, Map.of("contactName", "同僚 花子", "userId", "colleague",
        "password", "colleague", "passwordConfirmation", "colleague"));
    assertThat(weak.statusCode()).isEqualTo(400);
    assertThat(weak.body()).contains("12文字以上");
    HttpResponse<String> accepted = invitee.postForm(invitation, Map.of("contactName", "同僚 花子", "userId", "colleague",
        "password", PASSWORD, "passwordConfirmation", PASSWORD));
    assertThat(accepted.body()).contains("アカウントを登録しました");
    assertThat(invitee.postForm(invitation, Map.of("contactName", "x", "userId", "colleague2", "password", PASSWORD,
        "passwordConfirmation", PASSWORD)).statusCode()).as("the invitation is spent").isEqualTo(404);

    PortalSession colleague = PortalSession.of(root(), "colleague", PASSWORD);
    assertThat(colleague.get("/portal/").body()).contains(number);
    assertThat(admin.get("/portal/account").body()).contains("colleague").contains("同僚 花子");

    // Another company's administrator cannot touch them; a colleague who is no administrator cannot either.
    PortalSession provider2 = PortalSession.of(root(), "provider2", "demo");
    assertThat(provider2.postForm("/portal/account/colleagues/colleague/removal", Map.of()).statusCode()).isEqualTo(404);
    assertThat(provider2.postForm("/portal/account/colleagues/admintaro/administrator", Map.of()).statusCode()).isEqualTo(404);
    assertThat(provider2.get("/portal/account").body()).doesNotContain("同僚 花子");
    assertThat(colleague.postForm("/portal/account/colleagues/admintaro/removal", Map.of()).statusCode()).isEqualTo(403);
    assertThat(colleague.get("/portal/account").body()).doesNotContain("同じ会社のアカウント");

    // The last administrator cannot remove themself.
    HttpResponse<String> last = admin.postForm("/portal/account/colleagues/admintaro/removal", Map.of());
    assertThat(last.statusCode()).isEqualTo(409);
    assertThat(last.body()).contains("最後の管理者");

    // A second administrator; then the first may go, and its session acts for no company any more.
    assertThat(admin.postForm("/portal/account/colleagues/colleague/administrator", Map.of()).statusCode()).isEqualTo(302);
    assertThat(colleague.postForm("/portal/account/colleagues/admintaro/removal", Map.of()).statusCode()).isEqualTo(302);
    assertThat(admin.get("/portal/").body()).doesNotContain(number);
    assertThat(identityService.createUserQuery().userId("admintaro").count()).isZero();
    assertThat(colleague.postForm("/portal/account/colleagues/colleague/removal", Map.of()).statusCode())
        .as("now the last administrator").isEqualTo(409);
  }

  @Test
  void aForgottenPasswordIsResetByASingleUseLinkAndStrangersLearnNothing() throws Exception {
    boundAdmin("resetme", PortalAccounts.newCorporateNumber(), "resetme@example.co.jp");
    PortalSession anonymous = PortalSession.anonymous(root());

    HttpResponse<String> asked = anonymous.postForm("/portal/password-reset", Map.of("email", "resetme@example.co.jp"));
    HttpResponse<String> unknown = anonymous.postForm("/portal/password-reset", Map.of("email", "nobody@example.co.jp"));
    HttpResponse<String> staff = anonymous.postForm("/portal/password-reset", Map.of("email", "staff1@iotcert.example.jp"));
    assertThat(asked.statusCode()).isEqualTo(200);
    assertThat(unknown.body()).isEqualTo(asked.body().replace(asked.body(), unknown.body()));
    assertThat(unknown.body()).contains("再設定のメールを送りました");
    assertThat(staff.body()).contains("再設定のメールを送りました");
    String link = PortalAccounts.link(PortalAccounts.mail(MAIL, "resetme@example.co.jp", "パスワードの再設定"),
        "/portal/password-reset/");
    Thread.sleep(500);
    assertThat(PortalAccounts.count(MAIL, "nobody@example.co.jp")).isZero();
    assertThat(PortalAccounts.count(MAIL, "staff1@iotcert.example.jp")).as("staff accounts are not reset here").isZero();

    assertThat(anonymous.get(link).body()).contains("resetme");
    assertThat(anonymous.postForm(link, Map.of("password", "resetme-password", "passwordConfirmation", "resetme-password"))
        .body()).contains("ユーザーID");
    String fresh = "amber kites over quiet harbours";
    assertThat(anonymous.postForm(link, Map.of("password", fresh, "passwordConfirmation", fresh)).body())
        .contains("パスワードを再設定しました");
    assertThat(anonymous.postForm(link, Map.of("password", fresh + "x", "passwordConfirmation", fresh + "x")).statusCode())
        .as("spent").isEqualTo(404);
    assertThat(PortalSession.of(root(), "resetme", fresh).get("/portal/").statusCode()).isEqualTo(200);
    assertThat(identityService.checkPassword("resetme", PASSWORD)).isFalse();

    // An expired link and a guessed one answer like a used one.
    anonymous.postForm("/portal/password-reset", Map.of("email", "resetme@example.co.jp"));
    String expiring = link;
    for (int i = 0; i < 100 && expiring.equals(link); i++) {
      Thread.sleep(100); // the second mail is sent after the request's commit, on the mail thread
      MimeMessage second = PortalAccounts.mail(MAIL, "resetme@example.co.jp", "パスワードの再設定");
      expiring = PortalAccounts.link(second, "/portal/password-reset/");
    }
    assertThat(expiring).isNotEqualTo(link);
    jdbc.sql("UPDATE account_token SET expires_at = ? WHERE token_hash = ?")
        .params(Timestamp.from(Instant.now().minusSeconds(1)), AccountTokens.hash(expiring.substring(expiring.lastIndexOf('/') + 1)))
        .update();
    assertThat(anonymous.get(expiring).statusCode()).isEqualTo(404);
    assertThat(anonymous.get("/portal/password-reset/" + "Q".repeat(43)).statusCode()).isEqualTo(404);
    assertThat(anonymous.postForm("/portal/account/confirm/" + "Q".repeat(43), Map.of()).statusCode()).isEqualTo(404);
    // The database holds only hashes: the link's token itself is nowhere in it.
    assertThat(jdbc.sql("SELECT COUNT(*) FROM account_token WHERE token_hash = ?")
        .param(expiring.substring(expiring.lastIndexOf('/') + 1)).query(Integer.class).single()).isZero();
  }
}
