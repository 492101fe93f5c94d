package jp.iotcert.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A forgotten password (public pages): the address, then the mailed link's new-password form. */
@Controller
public class PasswordResetController {

  private final PasswordResets resets;
  private final MailThrottle throttle;

  public PasswordResetController(PasswordResets resets, MailThrottle throttle) {
    this.resets = resets;
    this.throttle = throttle;
  }

  @GetMapping("/portal/password-reset")
  public String form(Model model) {
    model.addAttribute("email", "");
    model.addAttribute("errors", Map.of());
    return "portal/account/reset-request";
  }

  /** The same answer whether or not the address has an account. */
  @PostMapping("/portal/password-reset")
  public String request(@RequestParam(required = false) String email, HttpServletRequest request,
      HttpServletResponse response, Model model) {
    Map<String, String> errors = new LinkedHashMap<>();
    AccountFields.email(errors, "email", email);
    if (!errors.isEmpty()) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("email", AccountFields.clean(email));
      model.addAttribute("errors", errors);
      return "portal/account/reset-request";
    }
    if (!throttle.addressMay(request.getRemoteAddr())) {
      return AccountPages.tooMany(response, model);
    }
    resets.request(email);
    return AccountPages.message(model, "再設定のメールを送りました", "ok",
        "ご入力のメールアドレスが申請者ポータルのアカウントのものであれば、パスワードを再設定するためのリンクをお送りしました。"
            + "リンクの有効期限は30分です。", "/portal/login", "ログインのページへ");
  }

  @GetMapping("/portal/password-reset/{token}")
  public String resetPage(@PathVariable String token, HttpServletResponse response, Model model) {
    return resets.account(token).map(userId -> resetForm(model, token, userId, Map.of()))
        .orElseGet(() -> AccountPages.invalidLink(response, model));
  }

  @PostMapping("/portal/password-reset/{token}")
  public String reset(@PathVariable String token, @RequestParam(required = false) String password,
      @RequestParam(required = false) String passwordConfirmation, HttpServletResponse response, Model model) {
    Map<String, String> errors = resets.reset(token, password, passwordConfirmation);
    if (errors.containsKey("token")) {
      return AccountPages.invalidLink(response, model);
    }
    if (!errors.isEmpty()) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return resetForm(model, token, resets.account(token).orElse(""), errors);
    }
    return AccountPages.message(model, "パスワードを再設定しました", "ok", "新しいパスワードでログインしてください。", "/portal/login",
        "ログインへ");
  }

  private String resetForm(Model model, String token, String userId, Map<String, String> errors) {
    model.addAttribute("token", token);
    model.addAttribute("userId", userId);
    model.addAttribute("errors", errors);
    model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
    return "portal/account/reset";
  }
}
