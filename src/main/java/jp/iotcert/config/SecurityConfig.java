package jp.iotcert.config;

import jp.iotcert.common.ProblemHandler;
import jp.iotcert.common.ProblemWriter;
import jp.iotcert.identity.AccountSettings;
import jp.iotcert.identity.CamundaIdentityAuthenticationProvider;
import jp.iotcert.identity.Groups;
import jp.iotcert.identity.LoginThrottle;
import jp.iotcert.identity.PaymentTokenFilter;
import jp.iotcert.identity.RequestContextFirst;
import jp.iotcert.identity.Unauthorized;
import jp.iotcert.portal.PortalPaths;
import jp.iotcert.security.CrossSiteRequestFilter;
import jp.iotcert.security.WebappSessionAuthentication;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.session.NullAuthenticatedSessionStrategy;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Who may call what. /api uses HTTP Basic against the engine's accounts, with a rule per endpoint,
 * and the payment system's token for payments; /engine-rest uses the engine's own Basic filter
 * (authorizations then apply per user); the webapps keep their own login. All password logins are
 * throttled in the engine's identity provider (jp.iotcert.identity.ThrottledIdentityProvider). For
 * reading documents from Tasklist's forms /api also takes the Tasklist login (see jp.iotcert.security).
 */
@Configuration
public class SecurityConfig {

  private static final String STAFF = Groups.STAFF;
  private static final String MANAGER = Groups.MANAGER;
  private static final String PROVIDER = Groups.PROVIDER;

  /**
   * The public registry's JSON (第11条): anyone, nothing to authenticate, so none of the /api chain's
   * filters (Basic, the payment token, the Tasklist session, the cross-site check: no credentials are
   * taken here for another site to lend). Its own lean chain keeps the security headers; at the registry's
   * request rates the skipped filters were a measurable share of a lookup (docs/performance.md).
   */
  @Bean
  @Order(0)
  SecurityFilterChain publicApi(HttpSecurity http) throws Exception {
    http.securityMatcher("/api/public/**")
        .csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.disable())
        .requestCache(cache -> cache.disable())
        .securityContext(context -> context.disable())
        .anonymous(anonymous -> anonymous.disable())
        .servletApi(api -> api.disable())
        .logout(logout -> logout.disable())
        .authorizeHttpRequests(auth -> auth.anyRequest().permitAll());
    return http.build();
  }

  @Bean
  @Order(1)
  SecurityFilterChain api(HttpSecurity http, CamundaIdentityAuthenticationProvider provider,
      AccountSettings accounts, LoginThrottle throttle, ProblemWriter problems, IdentityService identityService,
      ProcessEngine engine, @Value("${iotcert.public-base-url}") String publicBaseUrl) throws Exception {
    Unauthorized unauthorized = new Unauthorized(problems);
    // Spring's CSRF tokens do not fit an API without pages; CrossSiteRequestFilter refuses cross-site
    // state changes instead, and the Tasklist session is taken for reading only (docs/api.md).
    http.securityMatcher("/api/**")
        .addFilterBefore(new CrossSiteRequestFilter(problems, publicBaseUrl), BasicAuthenticationFilter.class)
        .addFilterBefore(new PaymentTokenFilter(accounts.paymentToken(), throttle, unauthorized),
            BasicAuthenticationFilter.class)
        .addFilterAfter(new WebappSessionAuthentication(identityService, engine.getName()), BasicAuthenticationFilter.class)
        .authenticationManager(new ProviderManager(provider))
        .csrf(csrf -> csrf.disable())
        // Stateless, and never touching the webapps' session it reads: Spring's session-fixation
        // protection would give that session a new id on every GET it authenticates, and the webapp's
        // requests still carrying the old id (Cockpit's dashboard loads in parallel) would be logged out.
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
            .sessionAuthenticationStrategy(new NullAuthenticatedSessionStrategy()))
        .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
        .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden(problems)))
        .authorizeHttpRequests(auth -> auth
            .requestMatchers(HttpMethod.GET, "/api/disclosure-items").authenticated()
            .requestMatchers(HttpMethod.POST, "/api/applications").hasAnyRole(PROVIDER, STAFF)
            .requestMatchers(HttpMethod.GET, "/api/applications").hasAnyRole(PROVIDER, STAFF, MANAGER)
            // Case workers read the applications they work on (CaseAccess decides which).
            .requestMatchers(HttpMethod.GET, "/api/applications/*", "/api/applications/*/documents/*")
                .hasAnyRole(PROVIDER, STAFF, MANAGER, Groups.REVIEWER, Groups.COMMITTEE, Groups.DELEGATE)
            // Notice letters and certificates (PDF): the provider concerned and staff (CaseAccess / VisibleCertifications).
            .requestMatchers(HttpMethod.GET, "/api/applications/*/notices/*", "/api/certifications/*/notices/*",
                "/api/certifications/*/certificate", "/api/certifications/*/certificate.pdf")
                .hasAnyRole(PROVIDER, STAFF, MANAGER)
            .requestMatchers(HttpMethod.POST, "/api/applications/*/supplements").hasAnyRole(PROVIDER, STAFF)
            .requestMatchers(HttpMethod.POST, "/api/applications/*/withdrawal").hasAnyRole(PROVIDER, STAFF)
            .requestMatchers(HttpMethod.POST, "/api/applications/*/payments").hasAnyRole(STAFF, PaymentTokenFilter.ROLE)
            .requestMatchers("/api/committee/interests").hasRole(Groups.COMMITTEE)
            .requestMatchers(HttpMethod.POST, "/api/certifications/imports").hasAnyRole(STAFF, MANAGER)
            .requestMatchers(HttpMethod.GET, "/api/certifications/*").hasAnyRole(PROVIDER, STAFF, MANAGER)
            .requestMatchers(HttpMethod.POST, "/api/certifications/*/notifications").hasAnyRole(PROVIDER, STAFF)
            .requestMatchers(HttpMethod.POST, "/api/certifications/*/lapses").hasRole(STAFF)
            .requestMatchers(HttpMethod.POST, "/api/certifications/*/revocations").hasAnyRole(STAFF, MANAGER)
            .requestMatchers(HttpMethod.POST, "/api/certifications/*/improvement-requests").hasAnyRole(STAFF, MANAGER)
            .requestMatchers(HttpMethod.POST, "/api/certifications/*/improvement-requests/*/reports").hasAnyRole(PROVIDER, STAFF)
            .requestMatchers(HttpMethod.POST, "/api/certifications/*/emergencies").hasRole(STAFF)
            .requestMatchers(HttpMethod.POST, "/api/certifications/*/emergencies/*/reports").hasAnyRole(PROVIDER, STAFF)
            .requestMatchers(HttpMethod.POST, "/api/certifications/*/investigations").hasAnyRole(STAFF, MANAGER)
            .requestMatchers(HttpMethod.POST, "/api/certifications/*/investigations/*/explanations").hasAnyRole(PROVIDER, STAFF)
            .requestMatchers(HttpMethod.GET, "/api/certifications/*/cases").hasAnyRole(PROVIDER, STAFF, MANAGER, Groups.DELEGATE)
            .requestMatchers(HttpMethod.GET, "/api/certifications/*/investigations/*/documents/*")
                .hasAnyRole(PROVIDER, STAFF, MANAGER, Groups.DELEGATE)
            // What is due across all instances: the manager's overview, and staff who do the work.
            .requestMatchers(HttpMethod.GET, "/api/manager/due").hasAnyRole(STAFF, MANAGER)
            // The notice texts (templates, versioned): the secretariat's staff and managers only.
            .requestMatchers(HttpMethod.GET, "/api/notice-templates", "/api/notice-templates/*",
                "/api/notice-templates/*/versions/*").hasAnyRole(STAFF, MANAGER)
            .requestMatchers(HttpMethod.PUT, "/api/notice-templates/*").hasAnyRole(STAFF, MANAGER)
            .anyRequest().denyAll());
    return http.build();
  }

  /**
   * The applicants' portal (jp.iotcert.portal): server-rendered pages with their own form login and
   * session, Spring's CSRF tokens on every form (Thymeleaf writes them into th:action forms), and an
   * idle timeout. Only provider accounts act here; what a company may see is decided per page
   * (PortalAccounts: the account's confirmed corporate number).
   */
  @Bean
  @Order(2)
  SecurityFilterChain portal(HttpSecurity http, CamundaIdentityAuthenticationProvider provider,
      @Value("${iotcert.portal.session-timeout:PT30M}") java.time.Duration sessionTimeout) throws Exception {
    http.securityMatcher("/portal", "/portal/**")
        .authenticationManager(new ProviderManager(provider))
        .headers(h -> h.frameOptions(f -> f.deny()))
        .formLogin(login -> login.loginPage(PortalPaths.LOGIN).loginProcessingUrl(PortalPaths.LOGIN)
            .successHandler(PortalPaths.loginSuccess(sessionTimeout))
            .failureUrl(PortalPaths.LOGIN + "?error").permitAll())
        .logout(logout -> logout.logoutUrl(PortalPaths.LOGOUT).logoutSuccessUrl(PortalPaths.LOGIN + "?logout"))
        .exceptionHandling(e -> e.accessDeniedPage(PortalPaths.FORBIDDEN))
        .authorizeHttpRequests(auth -> auth
            .requestMatchers(PortalPaths.PUBLIC).permitAll()
            .requestMatchers("/portal", "/portal/**").hasRole(PROVIDER));
    return http.build();
  }

  /**
   * The actuator: health and info for anyone (a load balancer, the compose file's healthcheck), its
   * details and components (database, process engine, job executor) only for an administrator who
   * sends HTTP Basic (management.endpoint.health.roles); anything else exposed later, administrators only.
   */
  @Bean
  @Order(3)
  SecurityFilterChain actuator(HttpSecurity http, CamundaIdentityAuthenticationProvider provider,
      ProblemWriter problems) throws Exception {
    Unauthorized unauthorized = new Unauthorized(problems);
    http.securityMatcher("/actuator", "/actuator/**")
        .authenticationManager(new ProviderManager(provider))
        .csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
        .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden(problems)))
        .authorizeHttpRequests(auth -> auth
            .requestMatchers(HttpMethod.GET, "/actuator", "/actuator/health", "/actuator/health/**", "/actuator/info")
                .permitAll()
            .anyRequest().hasRole(Groups.ADMIN));
    return http.build();
  }

  @Bean
  @Order(4)
  SecurityFilterChain webapps(HttpSecurity http) throws Exception {
    // Tasklist, Cockpit and Admin authenticate with their own session login and CSRF token;
    // /engine-rest is guarded by the engine's filter registered below.
    http.securityMatcher("/**")
        .csrf(csrf -> csrf.disable())
        .headers(h -> h.frameOptions(f -> f.sameOrigin()))
        .authorizeHttpRequests(auth -> auth
            // The administrator is created at start from iotcert.admin.*: the Admin webapp's
            // first-administrator setup would let anybody create one on an empty install.
            .requestMatchers("/camunda/app/admin/*/setup/**", "/camunda/api/admin/setup/**").denyAll()
            // The public registry pages (第11条): read by anyone, nothing else (jp.iotcert.registry).
            .requestMatchers(HttpMethod.GET, "/registry", "/registry/*", "/registry.csv").permitAll()
            .requestMatchers(HttpMethod.HEAD, "/registry", "/registry/*", "/registry.csv").permitAll()
            .requestMatchers("/registry", "/registry/**", "/registry.csv").denyAll()
            .anyRequest().permitAll());
    return http.build();
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("camunda-auth");
    registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    // After the RequestContextFilter: the login throttle reads the client address from the request context.
    registration.setOrder(RequestContextFirst.ORDER + 1);
    return registration;
  }

  private static AccessDeniedHandler forbidden(ProblemWriter problems) {
    return (request, response, e) -> problems.write(response,
        ProblemHandler.problem(HttpStatus.FORBIDDEN, "権限がありません", "この操作を行う権限がありません。"));
  }
}
