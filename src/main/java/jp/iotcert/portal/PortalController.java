package jp.iotcert.portal;

import jp.iotcert.identity.CurrentUser;
import jp.iotcert.identity.PersonNames;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The applicants' portal (第4条: the electronic application, for a company's staff): the login, the
 * home page and the refusal page. Pages for applications, certifications and accounts are their own
 * controllers in this package; every page renders templates/portal with the layout's header.
 */
@Controller
public class PortalController {

  private final CurrentUser currentUser;
  private final PersonNames names;

  public PortalController(CurrentUser currentUser, PersonNames names) {
    this.currentUser = currentUser;
    this.names = names;
  }

  @GetMapping(PortalPaths.LOGIN)
  public String login(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
      Model model) {
    model.addAttribute("failed", error != null);
    model.addAttribute("loggedOut", logout != null);
    return "portal/login";
  }

  @GetMapping({"/portal", PortalPaths.HOME})
  public String home(Model model) {
    model.addAttribute("userName", names.of(currentUser.id()));
    model.addAttribute("corporateNumber", currentUser.corporateNumber().orElse(null));
    return "portal/home";
  }

  /**
   * A signed-in account that is no provider's (staff use Tasklist), or a page of another company. Any
   * method: the access-denied handler forwards the refused request as it came, a form's POST included
   * (a GET-only mapping answered those 405).
   */
  @RequestMapping(PortalPaths.FORBIDDEN)
  @ResponseStatus(HttpStatus.FORBIDDEN)
  public String forbidden() {
    return "portal/forbidden";
  }
}
