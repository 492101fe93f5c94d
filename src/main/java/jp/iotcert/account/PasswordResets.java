package jp.iotcert.account;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.iotcert.identity.Groups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A forgotten password, reset by a link mailed to the account's address (30 minutes, single use). Only
 * portal accounts (group `provider` and no staff-side group) are reset here: the secretariat's accounts
 * are administered in Admin. Asking changes nothing on the account, so no stranger can lock anyone out.
 */
@Service
public class PasswordResets {

  public static final Duration LIFETIME = Duration.ofMinutes(30);
  private static final List<String> STAFF_SIDE = List.of(Groups.STAFF, Groups.REVIEWER, Groups.COMMITTEE, Groups.MANAGER,
      Groups.DELEGATE, Groups.ADMIN);

  private final IdentityService identityService;
  private final PasswordPolicy policy;
  private final AccountTokens tokens;
  private final AccountMails mails;
  private final MailThrottle throttle;

  public PasswordResets(IdentityService identityService, PasswordPolicy policy, AccountTokens tokens, AccountMails mails,
      MailThrottle throttle) {
    this.identityService = identityService;
    this.policy = policy;
    this.tokens = tokens;
    this.mails = mails;
    this.throttle = throttle;
  }

  /** Mails a reset link to each portal account of the address (none: nothing happens, the page says the same). */
  @Transactional
  public void request(String emailInput) {
    String email = AccountFields.email(emailInput);
    List<User> accounts = identityService.createUserQuery().userEmail(email).memberOfGroup(Groups.PROVIDER).list().stream()
        .filter(u -> STAFF_SIDE.stream().noneMatch(g -> identityService.createUserQuery().userId(u.getId()).memberOfGroup(g).count() > 0))
        .toList();
    if (accounts.isEmpty() || !throttle.recipientMay(email)) {
      return;
    }
    StringBuilder body = new StringBuilder("パスワードの再設定を受け付けました。\n次のリンクを開き、新しいパスワードを設定してください（30分有効、1回限り）。\n\n");
    for (User user : accounts) {
      // A new link replaces the older ones of the account.
      tokens.spendAll(AccountTokens.Purpose.RESET, user.getId());
      String token = tokens.issue(AccountTokens.Purpose.RESET, user.getId(), email, null, null, LIFETIME);
      body.append("ユーザーID: ").append(user.getId()).append("\n").append(mails.link("/portal/password-reset/" + token))
          .append("\n\n");
    }
    body.append("お心当たりのない場合は、このメールを破棄してください。パスワードは変わりません。\n");
    mails.send(email, "【IoTクラウドサービス情報開示認定】パスワードの再設定", body.toString());
  }

  /** The account whose reset link this is, if the link is valid. */
  public Optional<String> account(String token) {
    return tokens.peek(AccountTokens.Purpose.RESET, token).map(AccountTokens.Token::userId)
        .filter(id -> identityService.createUserQuery().userId(id).count() > 0);
  }

  /** Sets the new password and spends the link: the field errors (empty when done; "token" for a link no longer valid). */
  @Transactional
  public Map<String, String> reset(String token, String password, String confirmation) {
    Map<String, String> errors = new LinkedHashMap<>();
    Optional<String> userId = account(token);
    if (userId.isEmpty()) {
      errors.put("token", "このリンクは無効か、期限が切れています。もう一度、再設定を申し込んでください。");
      return errors;
    }
    User user = identityService.createUserQuery().userId(userId.get()).singleResult();
    AccountFields.password(errors, policy, password, confirmation, user.getId(), user.getEmail(), user.getFirstName());
    if (!errors.isEmpty()) {
      return errors;
    }
    if (tokens.spend(AccountTokens.Purpose.RESET, token).isEmpty()) {
      errors.put("token", "このリンクは無効か、期限が切れています。もう一度、再設定を申し込んでください。");
      return errors;
    }
    user.setPassword(password);
    identityService.saveUser(user);
    return errors;
  }
}
