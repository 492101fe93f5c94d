package jp.iotcert.account;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;

/** The account pages' one-message answers (portal/account/message.html). */
final class AccountPages {

  private AccountPages() {}

  static String message(Model model, String title, String kind, String text, String link, String linkText) {
    model.addAttribute("title", title);
    model.addAttribute("kind", kind);
    model.addAttribute("text", text);
    model.addAttribute("link", link);
    model.addAttribute("linkText", linkText);
    return "portal/account/message";
  }

  /** A link unknown, used or expired: all answered alike, so a guessed token learns nothing. */
  static String invalidLink(HttpServletResponse response, Model model) {
    response.setStatus(HttpStatus.NOT_FOUND.value());
    return message(model, "リンクが無効です", "error",
        "このリンクは無効か、期限が切れているか、既に使われています。お手数ですが、もう一度お手続きください。", "/portal/login", "ログインのページへ");
  }

  static String tooMany(HttpServletResponse response, Model model) {
    response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
    response.setHeader("Retry-After", "3600");
    return message(model, "しばらくお待ちください", "error",
        "この接続元から短い時間に多くのお申込みがありました。しばらく時間をおいてから、もう一度お試しください。", null, null);
  }
}
