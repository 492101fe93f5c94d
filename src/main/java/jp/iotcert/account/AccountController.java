package jp.iotcert.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Map;
import jp.iotcert.identity.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * /portal/account (group `provider`, SecurityConfig#portal): the account's own data and password for
 * everyone; a company administrator's colleagues, invitations, removals and new administrators. Who may
 * act on which colleague is decided in {@link CompanyAccounts} from provider_account on every request,
 * so a colleague of another company answers 404 and a removed account acts no more.
 */
@Controller
public class AccountController {

  private static final String PAGE = "/portal/account";

  private final CurrentUser currentUser;
  private final CompanyAccounts accounts;

  public AccountController(CurrentUser currentUser, CompanyAccounts accounts) {
    this.currentUser = currentUser;
    this.accounts = accounts;
  }

  @GetMapping(PAGE)
  public String page(Model model) {
    return page(model, Map.of(), "");
  }

  private String page(Model model, Map<String, String> errors, String inviteEmail) {
    CompanyAccounts.Account own = accounts.own(currentUser.id());
    model.addAttribute("account", own);
    model.addAttribute("colleagues", accounts.colleagues(currentUser.id()));
    model.addAttribute("errors", errors);
    model.addAttribute("inviteEmail", inviteEmail);
    model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
    return "portal/account/account";
  }

  @PostMapping(PAGE + "/password")
  public String password(@RequestParam(required = false) String currentPassword,
      @RequestParam(required = false) String password, @RequestParam(required = false) String passwordConfirmation,
      HttpServletResponse response, Model model, RedirectAttributes redirect) {
    Map<String, String> errors = accounts.changePassword(currentUser.id(), currentPassword, password, passwordConfirmation);
    if (!errors.isEmpty()) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return page(model, errors, "");
    }
    redirect.addFlashAttribute("done", "パスワードを変更しました。");
    return "redirect:" + PAGE;
  }

  @PostMapping(PAGE + "/invitations")
  public String invite(@RequestParam(required = false) String inviteEmail, HttpServletResponse response, Model model,
      RedirectAttributes redirect) {
    Map<String, String> errors = accounts.invite(currentUser.id(), inviteEmail);
    if (!errors.isEmpty()) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return page(model, errors, AccountFields.clean(inviteEmail));
    }
    redirect.addFlashAttribute("done", AccountFields.email(inviteEmail) + " に招待のメールを送りました（72時間有効）。");
    return "redirect:" + PAGE;
  }

  @PostMapping(PAGE + "/colleagues/{userId}/removal")
  public String remove(@PathVariable String userId, HttpServletRequest request, HttpServletResponse response,
      Model model, RedirectAttributes redirect) {
    CompanyAccounts.Result result = accounts.remove(currentUser.id(), userId);
    if (result.outcome() == CompanyAccounts.Outcome.DONE && userId.equals(currentUser.id())) {
      // Removed themself: the account no longer exists, so its session ends here.
      SecurityContextHolder.clearContext();
      HttpSession session = request.getSession(false);
      if (session != null) {
        session.invalidate();
      }
      return "redirect:/portal/login?logout";
    }
    return answer(result, response, model, redirect);
  }

  @PostMapping(PAGE + "/colleagues/{userId}/administrator")
  public String makeAdmin(@PathVariable String userId, HttpServletResponse response, Model model,
      RedirectAttributes redirect) {
    return answer(accounts.makeAdmin(currentUser.id(), userId), response, model, redirect);
  }

  private String answer(CompanyAccounts.Result result, HttpServletResponse response, Model model,
      RedirectAttributes redirect) {
    switch (result.outcome()) {
      case DONE -> {
        redirect.addFlashAttribute("done", result.message());
        return "redirect:" + PAGE;
      }
      case NOT_FOUND -> {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        return AccountPages.message(model, "アカウントが見つかりません", "error", "指定のアカウントは、同じ会社のアカウントにありません。",
            PAGE, "アカウントのページへ");
      }
      case FORBIDDEN -> {
        response.setStatus(HttpStatus.FORBIDDEN.value());
        return AccountPages.message(model, "権限がありません", "error", result.message(), PAGE, "アカウントのページへ");
      }
      default -> {
        response.setStatus(HttpStatus.CONFLICT.value());
        model.addAttribute("failed", result.message());
        return page(model, Map.of(), "");
      }
    }
  }
}
