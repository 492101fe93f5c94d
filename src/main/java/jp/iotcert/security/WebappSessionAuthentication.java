package jp.iotcert.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import jp.iotcert.common.Browsers;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The document links in Tasklist's forms open /api with the user's Tasklist login, so browsers
 * never hold Basic credentials (which any other site could then use). The webapps keep the
 * logged-in user in the HTTP session ({@link AuthenticationUtil#getAuthsFromSession}); that user,
 * with the engine's current groups as ROLE_ authorities (as for Basic), is taken for safe requests
 * only (GET, HEAD) and only when the browser says the request comes from this origin or was opened
 * directly: a session cookie can never carry a state change, nor lend its rights to another site.
 */
public class WebappSessionAuthentication extends OncePerRequestFilter {

  private final IdentityService identityService;
  private final String engineName;
  private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

  public WebappSessionAuthentication(IdentityService identityService, String engineName) {
    this.identityService = identityService;
    this.engineName = engineName;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    boolean applies = session != null && ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
        && request.getHeader(HttpHeaders.AUTHORIZATION) == null && Browsers.fetchSiteIsOwn(request)
        && contexts.getContext().getAuthentication() == null;
    Authentication user = applies ? AuthenticationUtil.getAuthsFromSession(session)
        .getAuthenticationForProcessEngine(engineName) : null;
    if (user != null && identityService.createUserQuery().userId(user.getIdentityId()).count() == 1) {
      List<SimpleGrantedAuthority> authorities = identityService.createGroupQuery().groupMember(user.getIdentityId())
          .list().stream().map(Group::getId).map(id -> new SimpleGrantedAuthority("ROLE_" + id)).toList();
      SecurityContext context = contexts.createEmptyContext();
      context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user.getIdentityId(), null, authorities));
      contexts.setContext(context);
    }
    chain.doFilter(request, response);
  }
}
