package jp.iotcert.identity;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Who is calling the API, and for which corporate number a provider account acts. */
@Component
public class CurrentUser {

  private final JdbcClient jdbc;

  public CurrentUser(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public String id() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth == null ? "system" : auth.getName();
  }

  /**
   * True for a request from outside (any authentication, anonymous included); false for the
   * application's own code such as jobs and delegates, which run without one.
   */
  public boolean isExternalCaller() {
    return SecurityContextHolder.getContext().getAuthentication() != null;
  }

  public boolean isIn(String group) {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth != null && auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + group));
  }

  /** Staff-side accounts act for any provider; provider accounts only for their own number. */
  public boolean isProviderOnly() {
    return isIn(Groups.PROVIDER) && !isIn(Groups.STAFF) && !isIn(Groups.MANAGER);
  }

  /** A delegate (第19条) and nothing more: sees only what is delegated to it. */
  public boolean isDelegateOnly() {
    return isIn(Groups.DELEGATE) && !isIn(Groups.STAFF) && !isIn(Groups.MANAGER) && !isIn(Groups.PROVIDER);
  }

  public Optional<String> corporateNumber() {
    return jdbc.sql("SELECT corporate_number FROM provider_account WHERE user_id = ?")
        .param(id()).query(String.class).optional();
  }

  /** True when the caller may see data of the given provider. */
  public boolean mayActFor(String corporateNumber) {
    if (!isProviderOnly()) {
      return true;
    }
    return corporateNumber().map(corporateNumber::equals).orElse(false);
  }
}
