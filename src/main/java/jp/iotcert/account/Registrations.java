package jp.iotcert.account;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.iotcert.common.BusinessCalendar;
import jp.iotcert.common.FormRuleViolation;
import jp.iotcert.common.Markdown;
import jp.iotcert.common.TaskInput;
import jp.iotcert.identity.Groups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A company's own registration (issue 12): the account is created at once but in no group, so it can
 * act nowhere; the link mailed to the address confirms it (group `provider`, it may log in to the
 * portal) and opens 「事業者アカウントを確認する」 for the secretariat; only the secretariat's approval
 * binds it to the corporate number (provider_account, {@code CurrentUser.corporateNumber()}). The
 * first account bound to a number becomes the company's administrator.
 */
@Service
public class Registrations {

  public static final Duration CONFIRMATION_LIFETIME = Duration.ofHours(24);
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("uuuu年M月d日 H時mm分");

  /** The registration as entered; read by the business key, never from task variables. */
  public record Registration(String userId, String corporateNumber, String companyName, String contactName,
      String email, String status, Instant confirmedAt, String refusalReason) {}

  static final String EMAIL_PENDING = "EMAIL_PENDING";
  static final String BINDING_PENDING = "BINDING_PENDING";
  static final String APPROVED = "APPROVED";
  static final String REFUSED = "REFUSED";
  static final String BOUND = "BOUND";
  static final String REMOVED = "REMOVED";

  private final JdbcClient jdbc;
  private final IdentityService identityService;
  private final RuntimeService runtimeService;
  private final AccountTokens tokens;
  private final AccountMails mails;
  private final BusinessCalendar calendar;

  public Registrations(JdbcClient jdbc, IdentityService identityService, RuntimeService runtimeService,
      AccountTokens tokens, AccountMails mails, BusinessCalendar calendar) {
    this.jdbc = jdbc;
    this.identityService = identityService;
    this.runtimeService = runtimeService;
    this.tokens = tokens;
    this.mails = mails;
    this.calendar = calendar;
  }

  /** The field errors of a registration (empty when it may be submitted). */
  public Map<String, String> check(RegistrationForm form, PasswordPolicy policy) {
    Map<String, String> errors = new LinkedHashMap<>();
    AccountFields.corporateNumber(errors, "corporateNumber", form.corporateNumber());
    AccountFields.text(errors, "companyName", "会社名", form.companyName(), 200);
    AccountFields.text(errors, "contactName", "担当者の氏名", form.contactName(), 100);
    AccountFields.email(errors, "email", form.email());
    AccountFields.userId(errors, "userId", form.userId());
    AccountFields.password(errors, policy, form.password(), form.passwordConfirmation(), form.userId(), form.email(),
        form.companyName(), form.contactName());
    return errors;
  }

  /**
   * Registers a checked form. The page answers the same whatever happens here; when the user id or the
   * address is taken, only the mail to the address says so (its owner learns it, nobody else).
   */
  @Transactional
  public void register(RegistrationForm form, boolean mayMail) {
    String userId = AccountFields.clean(form.userId());
    String email = AccountFields.email(form.email());
    forgetExpired(userId, email);
    boolean idTaken = identityService.createUserQuery().userId(userId).count() > 0
        || jdbc.sql("SELECT COUNT(*) FROM account_registration WHERE user_id = ?").param(userId).query(Integer.class).single() > 0;
    boolean emailTaken = emailInUse(email);
    Optional<PendingConfirmation> pending = pendingConfirmation(email);
    if (pending.isPresent()) {
      // The address waits for its confirmation (a lost or deleted mail is the usual reason to register
      // again): a new link to the same registration, valid no longer than the first one, so a
      // registration made with someone else's address still gives it back when its first link expires.
      if (mayMail) {
        resendConfirmation(pending.get());
      }
      return;
    }
    if (idTaken || emailTaken) {
      if (mayMail) {
        mails.send(email, "【IoTクラウドサービス情報開示認定】事業者アカウントを登録できませんでした", (idTaken
            ? "ご指定のユーザーID「" + userId + "」は既に使われているため、登録できませんでした。\n"
                + "別のユーザーIDで、もう一度登録してください。\n"
            : "このメールアドレスのアカウントは既に登録されています。\n"
                + "パスワードをお忘れの場合は、次のページから再設定してください。\n" + mails.link("/portal/password-reset") + "\n"));
      }
      return;
    }
    User user = identityService.newUser(userId);
    user.setFirstName(AccountFields.clean(form.contactName()));
    user.setLastName("");
    user.setEmail(email);
    user.setPassword(form.password());
    identityService.saveUser(user);
    jdbc.sql("""
        INSERT INTO account_registration (user_id, corporate_number, company_name, contact_name, email, status, registered_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)""")
        .params(userId, AccountFields.clean(form.corporateNumber()), AccountFields.clean(form.companyName()),
            AccountFields.clean(form.contactName()), email, EMAIL_PENDING, Timestamp.from(calendar.now()))
        .update();
    String token = tokens.issue(AccountTokens.Purpose.CONFIRM, userId, email, null, null, CONFIRMATION_LIFETIME);
    if (mayMail) {
      mails.send(email, "【IoTクラウドサービス情報開示認定】メールアドレスの確認", AccountFields.clean(form.contactName()) + " 様\n\n"
          + "申請者ポータルの事業者アカウント（ユーザーID: " + userId + "）の登録を受け付けました。\n"
          + "次のリンクを開き、メールアドレスを確認してください（24時間有効、1回限り）。\n\n"
          + mails.link("/portal/account/confirm/" + token) + "\n\n"
          + "確認の後、事務局が法人番号との紐付けを確認します。確認が済むと、申請や届出ができるようになります。\n");
    }
  }

  private record PendingConfirmation(String userId, String email, String contactName, Instant expiresAt) {}

  private Optional<PendingConfirmation> pendingConfirmation(String email) {
    return jdbc.sql("SELECT user_id, contact_name, registered_at FROM account_registration WHERE email = ? AND status = ?")
        .params(email, EMAIL_PENDING)
        .query((rs, row) -> new PendingConfirmation(rs.getString("user_id"), email, rs.getString("contact_name"),
            rs.getTimestamp("registered_at").toInstant().plus(CONFIRMATION_LIFETIME)))
        .optional().filter(p -> p.expiresAt().isAfter(calendar.now()));
  }

  private void resendConfirmation(PendingConfirmation p) {
    tokens.spendAll(AccountTokens.Purpose.CONFIRM, p.userId());
    String token = tokens.issue(AccountTokens.Purpose.CONFIRM, p.userId(), p.email(), null, null,
        Duration.between(calendar.now(), p.expiresAt()));
    mails.send(p.email(), "【IoTクラウドサービス情報開示認定】メールアドレスの確認（再送）", p.contactName() + " 様\n\n"
        + "このメールアドレスでは、確認を待っている事業者アカウントの登録（ユーザーID: " + p.userId() + "）があります。\n"
        + "ご自身の登録であれば、次のリンクを開いてメールアドレスを確認してください（" + shown(p.expiresAt())
        + "まで有効、1回限り。以前にお送りしたリンクは使えなくなりました）。\n\n"
        + mails.link("/portal/account/confirm/" + token) + "\n\n"
        + "パスワードは最初の登録で設定したものです。お心当たりのない場合は、このメールを破棄してください。"
        + "期限を過ぎると登録は取り消され、このメールアドレスで改めて登録できます。\n");
  }

  /** An address already used by an engine account or a registration still in progress. */
  boolean emailInUse(String email) {
    return identityService.createUserQuery().userEmail(email).count() > 0;
  }

  /**
   * Unconfirmed registrations whose link has expired give their user id and address back (so nobody
   * can hold someone else's address or a wanted id for longer than a link lives).
   */
  private void forgetExpired(String userId, String email) {
    Timestamp before = Timestamp.from(calendar.now().minus(CONFIRMATION_LIFETIME));
    List<String> expired = jdbc.sql("""
        SELECT user_id FROM account_registration WHERE (user_id = ? OR email = ?) AND status = ? AND registered_at < ?""")
        .params(userId, email, EMAIL_PENDING, before).query(String.class).list();
    for (String id : expired) {
      jdbc.sql("DELETE FROM account_registration WHERE user_id = ? AND status = ?").params(id, EMAIL_PENDING).update();
      if (identityService.createUserQuery().userId(id).count() > 0) {
        identityService.deleteUser(id);
      }
    }
  }

  /** The registration whose confirmation link this is, if the link is valid (not spent). */
  public Optional<Registration> confirmable(String token) {
    return tokens.peek(AccountTokens.Purpose.CONFIRM, token).flatMap(t -> find(t.userId()))
        .filter(r -> EMAIL_PENDING.equals(r.status()));
  }

  /**
   * Confirms the address: the link is spent, the account joins `provider` (it may log in; it acts for
   * no company yet) and 「事業者アカウントを確認する」 is opened. Empty when the link is not valid.
   */
  @Transactional
  public Optional<Registration> confirm(String token) {
    Optional<Registration> pending = tokens.spend(AccountTokens.Purpose.CONFIRM, token).flatMap(t -> find(t.userId()))
        .filter(r -> EMAIL_PENDING.equals(r.status()));
    if (pending.isEmpty()) {
      return pending;
    }
    Registration r = pending.get();
    Instant now = calendar.now();
    jdbc.sql("UPDATE account_registration SET status = ?, confirmed_at = ? WHERE user_id = ? AND status = ?")
        .params(BINDING_PENDING, Timestamp.from(now), r.userId(), EMAIL_PENDING).update();
    if (identityService.createUserQuery().userId(r.userId()).memberOfGroup(Groups.PROVIDER).count() == 0) {
      identityService.createMembership(r.userId(), Groups.PROVIDER);
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put(AccountBindingProcess.CORPORATE_NUMBER, r.corporateNumber());
    variables.put(AccountBindingProcess.PROVIDER_NAME, r.companyName());
    variables.put(AccountBindingProcess.USER_ID, r.userId());
    variables.put(AccountBindingProcess.CONTACT_NAME_MARKDOWN, Markdown.inline(r.contactName()));
    variables.put(AccountBindingProcess.EMAIL_MARKDOWN, Markdown.inline(r.email()));
    variables.put(AccountBindingProcess.CONFIRMED_AT, shown(now));
    variables.put(AccountBindingProcess.BOUND_ACCOUNTS, boundAccounts(r.corporateNumber()));
    runtimeService.startProcessInstanceByKey(AccountBindingProcess.KEY, r.userId(), variables);
    return find(r.userId());
  }

  /** The accounts already acting for the number, as a Markdown list for the form (escaped: they are outside text). */
  private String boundAccounts(String corporateNumber) {
    List<String> lines = jdbc.sql("""
        SELECT p.user_id, p.company_admin, r.contact_name, r.email FROM provider_account p
        LEFT JOIN account_registration r ON r.user_id = p.user_id WHERE p.corporate_number = ? ORDER BY p.user_id""")
        .param(corporateNumber)
        .query((rs, i) -> "- " + Markdown.inline(rs.getString("user_id"))
            + (rs.getString("contact_name") == null ? "" : "（" + Markdown.inline(rs.getString("contact_name")) + "、"
                + Markdown.inline(rs.getString("email")) + "）")
            + (rs.getBoolean("company_admin") ? " 管理者" : ""))
        .list();
    return lines.isEmpty() ? "この法人番号に紐付いたアカウントはまだありません（承認すると、このアカウントが会社の管理者になります）。"
        : String.join("\n", lines);
  }

  /**
   * The secretariat's decision on 「事業者アカウントを確認する」, checked and recorded (the task stays
   * open when it breaks a rule): APPROVE or REFUSE, a reason when refusing.
   *
   * @throws FormRuleViolation naming the field
   */
  @Transactional
  public void decide(String userId, String decision, String reason, String actor) {
    Registration r = find(userId).filter(x -> BINDING_PENDING.equals(x.status()))
        .orElseThrow(() -> new FormRuleViolation("このアカウントは確認待ちではありません。"));
    if (!AccountBindingProcess.APPROVE.equals(decision) && !AccountBindingProcess.REFUSE.equals(decision)) {
      throw new FormRuleViolation(AccountBindingProcess.BINDING_DECISION, "「承認する」か「承認しない」を選んでください。");
    }
    String text = reason == null ? "" : reason.strip();
    if (AccountBindingProcess.REFUSE.equals(decision) && text.isEmpty()) {
      throw new FormRuleViolation(AccountBindingProcess.REFUSAL_REASON, "承認しない場合は、理由を入力してください（申請者へのメールに記載されます）。");
    }
    if (text.length() > TaskInput.MAX_TEXT) {
      throw new FormRuleViolation(AccountBindingProcess.REFUSAL_REASON, "理由は" + TaskInput.MAX_TEXT + "文字以内で入力してください。");
    }
    boolean approve = AccountBindingProcess.APPROVE.equals(decision);
    jdbc.sql("UPDATE account_registration SET status = ?, decided_at = ?, decided_by = ?, refusal_reason = ? WHERE user_id = ? AND status = ?")
        .params(approve ? APPROVED : REFUSED, Timestamp.from(calendar.now()), actor, approve ? null : text, r.userId(),
            BINDING_PENDING)
        .update();
  }

  /**
   * Binds an approved account to its corporate number; the first of the number becomes the company's
   * administrator. The applicant is told by mail. Does nothing for an account that is not approved.
   */
  @Transactional
  public void bind(String userId) {
    Optional<Registration> approved = find(userId).filter(r -> APPROVED.equals(r.status()));
    if (approved.isEmpty()) {
      return;
    }
    Registration r = approved.get();
    // The rows of the number are locked, so two approvals at once cannot both make an administrator.
    List<String> bound = jdbc.sql("SELECT user_id FROM provider_account WHERE corporate_number = ? FOR UPDATE")
        .param(r.corporateNumber()).query(String.class).list();
    boolean first = bound.isEmpty();
    if (jdbc.sql("SELECT COUNT(*) FROM provider_account WHERE user_id = ?").param(userId).query(Integer.class).single() == 0) {
      jdbc.sql("INSERT INTO provider_account (user_id, corporate_number, company_admin) VALUES (?, ?, ?)")
          .params(userId, r.corporateNumber(), first).update();
    }
    jdbc.sql("UPDATE account_registration SET status = ? WHERE user_id = ?").params(BOUND, userId).update();
    mails.send(r.email(), "【IoTクラウドサービス情報開示認定】事業者アカウントを確認しました", r.contactName() + " 様\n\n"
        + "事業者アカウント（ユーザーID: " + userId + "）を、法人番号 " + r.corporateNumber() + "（" + r.companyName()
        + "）の事業者として確認しました。\n申請者ポータルから申請や届出ができます。\n\n" + mails.link("/portal/login") + "\n"
        + (first ? "\nこのアカウントは会社の管理者です。同じ会社の方を、アカウントのページから招待できます。\n" : ""));
  }

  /** Tells the applicant the binding was refused, with the reason; the account leaves `provider` (it acts nowhere). */
  @Transactional
  public void refuse(String userId) {
    Optional<Registration> refused = find(userId).filter(r -> REFUSED.equals(r.status()));
    if (refused.isEmpty()) {
      return;
    }
    Registration r = refused.get();
    if (identityService.createUserQuery().userId(userId).memberOfGroup(Groups.PROVIDER).count() > 0) {
      identityService.deleteMembership(userId, Groups.PROVIDER);
    }
    mails.send(r.email(), "【IoTクラウドサービス情報開示認定】事業者アカウントを承認できませんでした", r.contactName() + " 様\n\n"
        + "事業者アカウント（ユーザーID: " + userId + "）を、法人番号 " + r.corporateNumber()
        + " の事業者として承認できませんでした。\n\n理由:\n" + r.refusalReason() + "\n\n"
        + "ご不明な点は事務局までお問い合わせください。\n");
  }

  public Optional<Registration> find(String userId) {
    return jdbc.sql("""
        SELECT user_id, corporate_number, company_name, contact_name, email, status, confirmed_at, refusal_reason
        FROM account_registration WHERE user_id = ?""")
        .param(userId)
        .query((rs, i) -> new Registration(rs.getString("user_id"), rs.getString("corporate_number"),
            rs.getString("company_name"), rs.getString("contact_name"), rs.getString("email"), rs.getString("status"),
            rs.getTimestamp("confirmed_at") == null ? null : rs.getTimestamp("confirmed_at").toInstant(),
            rs.getString("refusal_reason")))
        .optional();
  }

  private static String shown(Instant instant) {
    return LocalDateTime.ofInstant(instant, BusinessCalendar.ZONE).format(SHOWN);
  }
}
