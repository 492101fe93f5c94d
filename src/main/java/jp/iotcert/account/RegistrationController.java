package jp.iotcert.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Public portal pages (no login, PortalPaths.PUBLIC): a company registers an account, confirms its
 * e-mail address by the mailed link, and an invited colleague sets up theirs. A GET on a link only
 * shows a page; the confirmation is the button's POST, so mail scanners that open links confirm nothing.
 */
@Controller
public class RegistrationController {

  private final Registrations registrations;
  private final CompanyAccounts accounts;
  private final PasswordPolicy policy;
  private final MailThrottle throttle;

  public RegistrationController(Registrations registrations, CompanyAccounts accounts, PasswordPolicy policy,
      MailThrottle throttle) {
    this.registrations = registrations;
    this.accounts = accounts;
    this.policy = policy;
    this.throttle = throttle;
  }

  @GetMapping("/portal/register")
  public String form(Model model) {
    model.addAttribute("form", RegistrationForm.empty());
    model.addAttribute("errors", Map.of());
    model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
    return "portal/account/register";
  }

  @PostMapping("/portal/register")
  public String register(@ModelAttribute RegistrationForm form, HttpServletRequest request, HttpServletResponse response,
      Model model) {
    Map<String, String> errors = registrations.check(form, policy);
    if (!errors.isEmpty()) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("form", form.withoutPasswords());
      model.addAttribute("errors", errors);
      model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
      return "portal/account/register";
    }
    if (!throttle.addressMay(request.getRemoteAddr())) {
      return AccountPages.tooMany(response, model);
    }
    registrations.register(form, throttle.recipientMay(AccountFields.email(form.email())));
    return AccountPages.message(model, "確認メールを送りました", "ok",
        "ご入力のメールアドレスに確認のメールを送りました。メールのリンクを24時間以内に開き、メールアドレスを確認してください。"
            + "メールが届かない場合は、迷惑メールのフォルダもご確認ください。", null, null);
  }

  @GetMapping("/portal/account/confirm/{token}")
  public String confirmPage(@PathVariable String token, HttpServletResponse response, Model model) {
    Optional<Registrations.Registration> pending = registrations.confirmable(token);
    if (pending.isEmpty()) {
      return AccountPages.invalidLink(response, model);
    }
    model.addAttribute("token", token);
    model.addAttribute("registration", pending.get());
    return "portal/account/confirm";
  }

  @PostMapping("/portal/account/confirm/{token}")
  public String confirm(@PathVariable String token, HttpServletResponse response, Model model) {
    if (registrations.confirm(token).isEmpty()) {
      return AccountPages.invalidLink(response, model);
    }
    return AccountPages.message(model, "メールアドレスを確認しました", "ok",
        "メールアドレスを確認しました。ログインできます。事務局が法人番号との紐付けを確認するまで、申請や届出はできません。"
            + "確認の結果はメールでお知らせします。", "/portal/login", "ログインへ");
  }

  @GetMapping("/portal/register/invitation/{token}")
  public String invitationPage(@PathVariable String token, HttpServletResponse response, Model model) {
    Optional<AccountTokens.Token> invitation = accounts.invitation(token);
    if (invitation.isEmpty()) {
      return AccountPages.invalidLink(response, model);
    }
    return invitationForm(model, token, invitation.get(), InvitationForm.empty(), Map.of());
  }

  @PostMapping("/portal/register/invitation/{token}")
  public String accept(@PathVariable String token, @ModelAttribute InvitationForm form, HttpServletResponse response,
      Model model) {
    Optional<AccountTokens.Token> invitation = accounts.invitation(token);
    Map<String, String> errors = invitation.isEmpty() ? Map.of("token", "") : accounts.accept(token, form);
    if (errors.containsKey("token")) {
      return AccountPages.invalidLink(response, model);
    }
    if (!errors.isEmpty()) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return invitationForm(model, token, invitation.get(), form.withoutPasswords(), errors);
    }
    return AccountPages.message(model, "アカウントを登録しました", "ok",
        "アカウントを登録しました。設定したユーザーIDとパスワードでログインしてください。", "/portal/login", "ログインへ");
  }

  private String invitationForm(Model model, String token, AccountTokens.Token invitation, InvitationForm form,
      Map<String, String> errors) {
    model.addAttribute("token", token);
    model.addAttribute("invitation", invitation);
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
    return "portal/account/invitation";
  }
}
