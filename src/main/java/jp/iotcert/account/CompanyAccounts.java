package jp.iotcert.account;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.iotcert.common.BusinessCalendar;
import jp.iotcert.identity.Groups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A company's accounts on the portal: its own data and password for every account; for the company's
 * administrators the colleagues of the same corporate number, invitations (a bound administrator vouches
 * for the colleague, so no staff task), removals and new administrators. A company always keeps an
 * administrator: the last one can neither remove themself nor be removed.
 */
@Service
public class CompanyAccounts {

  public static final Duration INVITATION_LIFETIME = Duration.ofHours(72);

  /** One account as its page and its administrator's list show it. */
  public record Account(String userId, String name, String email, String corporateNumber, boolean admin) {}

  /** The outcome of an administrator's action: done, refused with a message, or no such colleague (404). */
  public enum Outcome { DONE, REFUSED, NOT_FOUND, FORBIDDEN }

  public record Result(Outcome outcome, String message) {
    static Result done(String message) {
      return new Result(Outcome.DONE, message);
    }

    static Result refused(String message) {
      return new Result(Outcome.REFUSED, message);
    }
  }

  private final JdbcClient jdbc;
  private final IdentityService identityService;
  private final PasswordPolicy policy;
  private final AccountTokens tokens;
  private final AccountMails mails;
  private final BusinessCalendar calendar;

  public CompanyAccounts(JdbcClient jdbc, IdentityService identityService, PasswordPolicy policy, AccountTokens tokens,
      AccountMails mails, BusinessCalendar calendar) {
    this.jdbc = jdbc;
    this.identityService = identityService;
    this.policy = policy;
    this.tokens = tokens;
    this.mails = mails;
    this.calendar = calendar;
  }

  /** The account's own data (corporate number empty while it is not bound). */
  public Account own(String userId) {
    User user = identityService.createUserQuery().userId(userId).singleResult();
    Optional<Binding> binding = binding(userId);
    return new Account(userId, user == null ? userId : name(user), user == null ? "" : nullToEmpty(user.getEmail()),
        binding.map(Binding::corporateNumber).orElse(null), binding.map(Binding::admin).orElse(false));
  }

  /** The accounts bound to the administrator's corporate number; empty for anyone who is not its administrator. */
  public List<Account> colleagues(String adminId) {
    Optional<Binding> admin = binding(adminId).filter(Binding::admin);
    if (admin.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("SELECT user_id, company_admin FROM provider_account WHERE corporate_number = ? ORDER BY user_id")
        .param(admin.get().corporateNumber())
        .query((rs, i) -> {
          String id = rs.getString("user_id");
          User user = identityService.createUserQuery().userId(id).singleResult();
          return new Account(id, user == null ? id : name(user), user == null ? "" : nullToEmpty(user.getEmail()),
              admin.get().corporateNumber(), rs.getBoolean("company_admin"));
        })
        .list();
  }

  /** Changes the account's own password; the field errors (empty when changed). */
  @Transactional
  public Map<String, String> changePassword(String userId, String current, String password, String confirmation) {
    Map<String, String> errors = new LinkedHashMap<>();
    // Checked like a login (throttled per address and account), so this form is no way around the login's limits.
    if (current == null || current.isEmpty() || !identityService.checkPassword(userId, current)) {
      errors.put("currentPassword", "現在のパスワードが正しくありません。");
      return errors;
    }
    User user = identityService.createUserQuery().userId(userId).singleResult();
    AccountFields.password(errors, policy, password, confirmation, userId, user.getEmail(), user.getFirstName());
    if (errors.isEmpty()) {
      user.setPassword(password);
      identityService.saveUser(user);
    }
    return errors;
  }

  /** Invites a colleague by e-mail: the field errors (empty when the invitation was sent). */
  @Transactional
  public Map<String, String> invite(String adminId, String emailInput) {
    Map<String, String> errors = new LinkedHashMap<>();
    Optional<Binding> admin = binding(adminId).filter(Binding::admin);
    if (admin.isEmpty()) {
      errors.put("inviteEmail", "同じ会社の方を招待できるのは、会社の管理者だけです。");
      return errors;
    }
    AccountFields.email(errors, "inviteEmail", emailInput);
    String email = AccountFields.email(emailInput);
    // The administrator is a vetted person of the company; telling them the address has an account is no leak to a stranger.
    if (errors.isEmpty() && identityService.createUserQuery().userEmail(email).count() > 0) {
      errors.put("inviteEmail", "このメールアドレスのアカウントは既にあります。");
    }
    if (!errors.isEmpty()) {
      return errors;
    }
    String token = tokens.issue(AccountTokens.Purpose.INVITE, null, email, admin.get().corporateNumber(), adminId,
        INVITATION_LIFETIME);
    mails.send(email, "【IoTクラウドサービス情報開示認定】申請者ポータルへの招待", "申請者ポータルの事業者アカウントに招待されました。\n\n"
        + "招待した方: " + name(identityService.createUserQuery().userId(adminId).singleResult()) + "（法人番号 "
        + admin.get().corporateNumber() + "）\n\n次のリンクを開き、氏名・ユーザーID・パスワードを設定してください（72時間有効、1回限り）。\n\n"
        + mails.link("/portal/register/invitation/" + token) + "\n");
    return errors;
  }

  /** The invitation of this link if it can still be accepted (valid, and its administrator still one). */
  public Optional<AccountTokens.Token> invitation(String token) {
    return tokens.peek(AccountTokens.Purpose.INVITE, token).filter(this::stillVouched);
  }

  private boolean stillVouched(AccountTokens.Token invitation) {
    return binding(invitation.createdBy()).filter(b -> b.admin() && b.corporateNumber().equals(invitation.corporateNumber()))
        .isPresent();
  }

  /**
   * Accepts an invitation: the account is created, in `provider`, bound to the administrator's number.
   * The field errors (empty when done); a link no longer valid is reported under "token".
   */
  @Transactional
  public Map<String, String> accept(String token, InvitationForm form) {
    Map<String, String> errors = new LinkedHashMap<>();
    Optional<AccountTokens.Token> invitation = invitation(token);
    if (invitation.isEmpty()) {
      errors.put("token", "この招待のリンクは無効か、期限が切れています。");
      return errors;
    }
    String email = invitation.get().email();
    if (identityService.createUserQuery().userEmail(email).count() > 0) {
      // Registered otherwise since the invitation was sent: one address, one account.
      errors.put("token", "このメールアドレスのアカウントは既にあります。");
      return errors;
    }
    AccountFields.text(errors, "contactName", "氏名", form.contactName(), 100);
    AccountFields.userId(errors, "userId", form.userId());
    String userId = AccountFields.clean(form.userId());
    // The invitee holds a valid link: telling them an id is taken lets them choose another.
    if (!errors.containsKey("userId") && (identityService.createUserQuery().userId(userId).count() > 0
        || jdbc.sql("SELECT COUNT(*) FROM account_registration WHERE user_id = ?").param(userId).query(Integer.class).single() > 0)) {
      errors.put("userId", "このユーザーIDは使えません。別のユーザーIDにしてください。");
    }
    AccountFields.password(errors, policy, form.password(), form.passwordConfirmation(), userId, email, form.contactName());
    if (!errors.isEmpty() || tokens.spend(AccountTokens.Purpose.INVITE, token).isEmpty()) {
      if (errors.isEmpty()) {
        errors.put("token", "この招待のリンクは無効か、期限が切れています。");
      }
      return errors;
    }
    User user = identityService.newUser(userId);
    user.setFirstName(AccountFields.clean(form.contactName()));
    user.setLastName("");
    user.setEmail(email);
    user.setPassword(form.password());
    identityService.saveUser(user);
    identityService.createMembership(userId, Groups.PROVIDER);
    String number = invitation.get().corporateNumber();
    String company = jdbc.sql("SELECT company_name FROM account_registration WHERE user_id = ?")
        .param(invitation.get().createdBy()).query(String.class).optional().orElse("");
    jdbc.sql("""
        INSERT INTO account_registration (user_id, corporate_number, company_name, contact_name, email, status, registered_at,
          confirmed_at, invited_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(userId, number, company, AccountFields.clean(form.contactName()), email, Registrations.BOUND,
            Timestamp.from(calendar.now()), Timestamp.from(calendar.now()), invitation.get().createdBy())
        .update();
    jdbc.sql("INSERT INTO provider_account (user_id, corporate_number, company_admin) VALUES (?, ?, FALSE)")
        .params(userId, number).update();
    return errors;
  }

  /**
   * Removes a colleague of the same number: the binding goes and the account is deleted, so it acts for
   * no company from its next request on. The last administrator stays.
   */
  @Transactional
  public Result remove(String adminId, String targetId) {
    Optional<Binding> admin = binding(adminId);
    if (admin.isEmpty() || !admin.get().admin()) {
      return new Result(Outcome.FORBIDDEN, "同じ会社のアカウントを削除できるのは、会社の管理者だけです。");
    }
    String number = admin.get().corporateNumber();
    // Locks the company's rows: two administrators removing each other at once cannot leave none.
    List<Binding> company = lockCompany(number);
    Optional<Binding> target = company.stream().filter(b -> b.userId().equals(targetId)).findFirst();
    if (target.isEmpty()) {
      return new Result(Outcome.NOT_FOUND, null);
    }
    long admins = company.stream().filter(Binding::admin).count();
    if (target.get().admin() && admins <= 1) {
      return Result.refused("会社の最後の管理者は削除できません。先に別の方を管理者にしてください。");
    }
    jdbc.sql("DELETE FROM provider_account WHERE user_id = ?").param(targetId).update();
    jdbc.sql("UPDATE account_registration SET status = ? WHERE user_id = ?").params(Registrations.REMOVED, targetId).update();
    tokens.spendAll(AccountTokens.Purpose.RESET, targetId);
    identityService.deleteUser(targetId);
    return Result.done("アカウント「" + targetId + "」を削除しました。");
  }

  /** Makes a colleague of the same number an administrator too. */
  @Transactional
  public Result makeAdmin(String adminId, String targetId) {
    Optional<Binding> admin = binding(adminId);
    if (admin.isEmpty() || !admin.get().admin()) {
      return new Result(Outcome.FORBIDDEN, "管理者を追加できるのは、会社の管理者だけです。");
    }
    List<Binding> company = lockCompany(admin.get().corporateNumber());
    if (company.stream().noneMatch(b -> b.userId().equals(targetId))) {
      return new Result(Outcome.NOT_FOUND, null);
    }
    jdbc.sql("UPDATE provider_account SET company_admin = TRUE WHERE user_id = ?").param(targetId).update();
    return Result.done("アカウント「" + targetId + "」を管理者にしました。");
  }

  private record Binding(String userId, String corporateNumber, boolean admin) {}

  private Optional<Binding> binding(String userId) {
    return jdbc.sql("SELECT user_id, corporate_number, company_admin FROM provider_account WHERE user_id = ?")
        .param(userId)
        .query((rs, i) -> new Binding(rs.getString("user_id"), rs.getString("corporate_number"), rs.getBoolean("company_admin")))
        .optional();
  }

  private List<Binding> lockCompany(String corporateNumber) {
    return jdbc.sql("SELECT user_id, corporate_number, company_admin FROM provider_account WHERE corporate_number = ? FOR UPDATE")
        .param(corporateNumber)
        .query((rs, i) -> new Binding(rs.getString("user_id"), rs.getString("corporate_number"), rs.getBoolean("company_admin")))
        .list();
  }

  private static String name(User user) {
    String name = (nullToEmpty(user.getFirstName()) + " " + nullToEmpty(user.getLastName())).strip();
    return name.isEmpty() ? user.getId() : name;
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
