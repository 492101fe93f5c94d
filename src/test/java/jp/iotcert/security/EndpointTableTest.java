package jp.iotcert.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import jp.iotcert.api.ApiTestBase;
import jp.iotcert.application.ApplicantNotice;
import jp.iotcert.application.ApplicantNotifier;
import jp.iotcert.certification.CertificationService;
import jp.iotcert.common.BusinessCalendar;
import jp.iotcert.support.PortalSession;
import jp.iotcert.support.TestApplications;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.util.ResourceTypeUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.function.support.RouterFunctionMapping;
import org.springframework.web.servlet.handler.AbstractUrlHandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Every HTTP endpoint of the application against an explicit table of who may call it (issue 8).
 *
 * <p>Three tables, each a readable list: the Spring MVC endpoints (every {@link RequestMappingInfo}
 * and URL mapping, so a new controller method without a row fails), the engine's authorizations
 * with representative {@code /engine-rest} calls per granted resource type (Jersey resources cannot
 * be enumerated from Spring, so the grants are what is enumerated), and the servlets with the
 * webapps' login per application. Each row is called over real HTTP as every caller:
 *
 * <pre>
 * anon   no credentials          prov1  provider1, on its own resources
 * prov2  provider2, on provider1's resources (another provider's)
 * staff  staff1    revw reviewer1    comm committee1    mgr manager1    dlgt delegate1
 * pay    the payment system: its Bearer token (no account)    admin demo (camunda-admin; last, so its writes come last)
 * </pre>
 *
 * An expectation is {@code ok} (the call passed authorization: any status below 500 except 401,
 * 403 and 404; the example resources exist, so a 404 means hidden), an exact status ({@code 401},
 * {@code 403}, {@code 404} where the API hides another party's resource as unknown, or any other
 * status where the refusal is a rule of the endpoint), or for engine lists {@code some} / {@code none}
 * (200 with a non-empty / empty result: the engine filters lists by authorization rather than refusing).
 */
class EndpointTableTest extends ApiTestBase {

  enum Caller {
    ANON(null), PROV1("provider1"), PROV2("provider2"), STAFF("staff1"), REVW("reviewer1"), COMM("committee1"),
    MGR("manager1"), DLGT("delegate1"), PAY(null), ADMIN("demo");

    final String user;

    Caller(String user) {
      this.user = user;
    }
  }

  /** One endpoint: the mapping it stands for, an example call, and the outcome per caller (columns as {@link Caller}). */
  record Row(String endpoint, String example, BiFunction<Fixture, Caller, Object> body, String expected) {

    String method() {
      return endpoint.split(" ")[0];
    }

    /** The request's content type: the one the mapping consumes, else JSON for a body. */
    MediaType contentType() {
      String last = endpoint.substring(endpoint.lastIndexOf(' ') + 1);
      return last.matches("[a-z]+/[a-z0-9.+-]+") ? MediaType.parseMediaType(last) : MediaType.APPLICATION_JSON;
    }

    List<String> outcomes() {
      List<String> outcomes = Arrays.asList(expected.trim().split("\\s+"));
      assertThat(outcomes).as("one outcome per caller in row %s", endpoint).hasSize(Caller.values().length);
      return outcomes;
    }
  }

  static Row row(String endpoint, String example, String expected) {
    return new Row(endpoint, example, (f, c) -> null, expected);
  }

  static Row row(String endpoint, String example, BiFunction<Fixture, Caller, Object> body, String expected) {
    return new Row(endpoint, example, body, expected);
  }

  static BiFunction<Fixture, Caller, Object> json(Object body) {
    return (f, c) -> body;
  }

  // ---------------------------------------------------------------------------------------------
  // The domain API and everything else Spring MVC maps. Key: "METHOD pattern [consumes]"; "*" for
  // mappings without a method. Rows that change state come after the reads of the same resource.
  // ---------------------------------------------------------------------------------------------
  static final List<Row> SPRING_ROWS = List.of(
      //                                                                                     anon prov1 prov2 staff revw comm mgr  dlgt pay  admin
      row("GET /api/disclosure-items", "/api/disclosure-items",
          "401  ok   ok    ok    ok   ok   ok   ok   401  ok"), // any account; the payment token opens only payments
      row("GET /api/applications", "/api/applications",
          "401  ok   ok    ok    403  403  ok   403  401  403"),
      row("GET /api/applications/{applicationNumber}", "/api/applications/{app}",
          "401  ok   404   ok    404  404  ok   404  401  403"),
      row("GET /api/applications/{applicationNumber}/documents/{documentId}", "/api/applications/{app}/documents/{appDoc}",
          "401  ok   404   ok    404  404  ok   404  401  403"),
      // A notice's letter (PDF): the provider concerned and staff; case workers read the notices in the view.
      row("GET /api/applications/{applicationNumber}/notices/{noticeId}.pdf", "/api/applications/{app}/notices/{appNotice}.pdf",
          "401  ok   404   ok    403  403  ok   403  401  403"),
      // provider2 applying for provider1's corporate number: refused on that field.
      row("POST /api/applications multipart/form-data", "/api/applications", (f, c) -> f.newApplication(),
          "401  ok   400   ok    403  403  403  403  401  403"), // sent from another site: 403 for every caller (CrossSiteApiTest)
      row("POST /api/applications/{applicationNumber}/supplements multipart/form-data",
          "/api/applications/{app}/supplements", (f, c) -> f.supplement(),
          "401  ok   404   ok    403  403  403  403  401  403"),
      row("POST /api/applications/{applicationNumber}/payments application/json", "/api/applications/{app}/payments",
          (f, c) -> Map.of("amount", 1, "paidOn", f.today.toString(), "reference", "EP-" + c),
          "401  403  403   ok    403  403  403  403  ok   403"), // the payment system by its token; staff by their login
      row("POST /api/applications/{applicationNumber}/withdrawal", "/api/applications/{withdrawApp}/withdrawal",
          json(Map.of("reason", "一覧表の確認")),
          "401  ok   404   ok    403  403  403  403  401  403"),
      // A committee member's own declarations of interest (第7条), for a company that is no party here.
      row("GET /api/committee/interests", "/api/committee/interests",
          "401  403  403   403   403  ok   403  403  401  403"),
      row("POST /api/committee/interests", "/api/committee/interests", json(Map.of("corporateNumber", "5835678256246")),
          "401  403  403   403   403  ok   403  403  401  403"),
      row("DELETE /api/committee/interests", "/api/committee/interests?corporateNumber=5835678256246",
          "401  403  403   403   403  ok   403  403  401  403"),
      row("GET /api/certifications/{certificationNumber}", "/api/certifications/{cert}",
          "401  ok   404   ok    403  403  ok   403  401  403"),
      row("GET /api/certifications/{certificationNumber}/certificate", "/api/certifications/{cert}/certificate",
          "401  ok   404   ok    403  403  ok   403  401  403"),
      row("GET /api/certifications/{certificationNumber}/certificate.pdf", "/api/certifications/{cert}/certificate.pdf",
          "401  ok   404   ok    403  403  ok   403  401  403"),
      row("GET /api/certifications/{certificationNumber}/notices/{noticeId}.pdf",
          "/api/certifications/{cert}/notices/{certNotice}.pdf",
          "401  ok   404   ok    403  403  ok   403  401  403"),
      row("GET /api/certifications/{certificationNumber}/cases", "/api/certifications/{cert}/cases",
          "401  ok   404   ok    403  403  ok   ok   401  403"),
      row("GET /api/certifications/{certificationNumber}/investigations/{investigationId}/documents/{documentId}",
          "/api/certifications/{cert}/investigations/{investigation}/documents/{investigationDoc}",
          "401  ok   404   ok    403  403  ok   ok   401  403"),
      row("POST /api/certifications/{certificationNumber}/notifications application/json",
          "/api/certifications/{cert}/notifications",
          (f, c) -> Map.of("kind", "DOCUMENT_CHANGE", "occurredOn", f.today.toString(), "description", "規程の改定",
              "changes", List.of()),
          "401  ok   404   ok    403  403  403  403  401  403"),
      // Staff-only case openings: an unknown field in the body, so the call passes authorization and opens nothing.
      row("POST /api/certifications/{certificationNumber}/lapses application/json", "/api/certifications/{cert}/lapses",
          json(Map.of("probe", true)),
          "401  403  403   ok    403  403  403  403  401  403"),
      row("POST /api/certifications/{certificationNumber}/revocations application/json",
          "/api/certifications/{cert}/revocations", json(Map.of("probe", true)),
          "401  403  403   ok    403  403  ok   403  401  403"),
      row("POST /api/certifications/{certificationNumber}/improvement-requests application/json",
          "/api/certifications/{cert}/improvement-requests", json(Map.of("probe", true)),
          "401  403  403   ok    403  403  ok   403  401  403"),
      row("POST /api/certifications/{certificationNumber}/emergencies application/json",
          "/api/certifications/{cert}/emergencies", json(Map.of("probe", true)),
          "401  403  403   ok    403  403  403  403  401  403"),
      row("POST /api/certifications/{certificationNumber}/investigations application/json",
          "/api/certifications/{cert}/investigations", json(Map.of("probe", true)),
          "401  403  403   ok    403  403  ok   403  401  403"),
      row("POST /api/certifications/imports application/json", "/api/certifications/imports", json(List.of()),
          "401  403  403   ok    403  403  ok   403  401  403"),
      // The provider's answers to a case: its own certification only; another provider's answers as unknown.
      row("POST /api/certifications/{certificationNumber}/improvement-requests/{requestId}/reports application/json",
          "/api/certifications/{cert}/improvement-requests/{improvement}/reports", json(Map.of("report", "是正しました")),
          "401  ok   404   ok    403  403  403  403  401  403"),
      row("POST /api/certifications/{certificationNumber}/emergencies/{emergencyId}/reports application/json",
          "/api/certifications/{cert}/emergencies/{emergency}/reports", json(Map.of("report", "復旧作業中")),
          "401  ok   404   ok    403  403  403  403  401  403"),
      row("POST /api/certifications/{certificationNumber}/investigations/{investigationId}/explanations application/json",
          "/api/certifications/{cert}/investigations/{investigation}/explanations", json(Map.of("explanation", "説明")),
          "401  ok   404   ok    403  403  403  403  401  403"),
      row("POST /api/certifications/{certificationNumber}/investigations/{investigationId}/explanations multipart/form-data",
          "/api/certifications/{cert}/investigations/{investigation}/explanations", (f, c) -> f.explanation(),
          "401  ok   404   ok    403  403  403  403  401  403"),
      // What is due across all instances (issue 10): managers and staff only.
      row("GET /api/manager/due", "/api/manager/due?days=28",
          "401  403  403   ok    403  403  ok   403  401  403"),
      // The notice templates (issue 11): the secretariat's staff and managers only. The PUT stores the
      // default text again as a new version, so notices of other tests in this context read the same.
      row("GET /api/notice-templates", "/api/notice-templates",
          "401  403  403   ok    403  403  ok   403  401  403"),
      row("GET /api/notice-templates/{kind}", "/api/notice-templates/CLOSED_CERTIFICATION_ENDED",
          "401  403  403   ok    403  403  ok   403  401  403"),
      row("GET /api/notice-templates/{kind}/versions/{version}", "/api/notice-templates/CLOSED_CERTIFICATION_ENDED/versions/1",
          "401  403  403   ok    403  403  ok   403  401  403"),
      row("PUT /api/notice-templates/{kind} application/json", "/api/notice-templates/CLOSED_CERTIFICATION_ENDED",
          json(Map.of("subject", "【申請終了】更新申請 {{applicationNumber}}",
              "body", "{{providerName}} 御中\n\n更新の対象である認定（認定番号 {{certificationNumber}}）が終了したため、"
                  + "更新申請 {{applicationNumber}} の審査を終了しました。\n\n認定機関 事務局\n",
              "comment", "権限の確認（文面は初期値のまま）")),
          "401  403  403   ok    403  403  ok   403  401  403"),
      // Public: anyone, and credentials change nothing.
      row("GET /api/public/certifications", "/api/public/certifications?q=一覧",
          "ok   ok   ok    ok    ok   ok   ok   ok   ok   ok"),
      row("GET /api/public/certifications/{certificationNumber}", "/api/public/certifications/{cert}",
          "ok   ok   ok    ok    ok   ok   ok   ok   ok   ok"),
      // The public registry pages, CSV and feed (第11条): anyone, and credentials change nothing.
      row("GET /registry", "/registry?q=一覧",
          "ok   ok   ok    ok    ok   ok   ok   ok   ok   ok"),
      row("GET /registry/{certificationNumber}", "/registry/{cert}",
          "ok   ok   ok    ok    ok   ok   ok   ok   ok   ok"),
      row("GET /registry.csv", "/registry.csv?q=一覧",
          "ok   ok   ok    ok    ok   ok   ok   ok   ok   ok"),
      row("GET /registry/feed.atom", "/registry/feed.atom",
          "ok   ok   ok    ok    ok   ok   ok   ok   ok   ok"),
      // Outside /api: Spring Boot's error page and the actuator (health and info; details and metrics for administrators).
      row("* /error", "/error",
          "500  500  500   500   500  500  500  500  500  500"),
      row("GET /actuator", "/actuator",
          "ok   ok   ok    ok    ok   ok   ok   ok   ok   ok"),
      row("GET /actuator/health", "/actuator/health",
          "ok   ok   ok    ok    ok   ok   ok   ok   ok   ok"),
      row("GET /actuator/health/**", "/actuator/health/db", // components: administrators only (Basic)
          "404  404  404   404   404  404  404  404  404  ok"),
      row("GET /actuator/info", "/actuator/info",
          "ok   ok   ok    ok    ok   ok   ok   ok   ok   ok"),
      // The operations metrics (config.SecurityConfig, actuator chain): administrators only, HTTP Basic.
      row("GET /actuator/metrics", "/actuator/metrics",
          "401  403  403   403   403  403  403  403  401  ok"),
      row("GET /actuator/metrics/{requiredMetricName}", "/actuator/metrics/iotcert.jobs.due",
          "401  403  403   403   403  403  403  403  401  ok"),
      row("GET /actuator/prometheus", "/actuator/prometheus",
          "401  403  403   403   403  403  403  403  401  ok"),
      // Static files. The webapps' pages and scripts are public (their data comes through their own
      // session-authenticated API, below); nothing else is served from the classpath.
      row("* /camunda/app/**", "/camunda/app/tasklist/",
          "ok   ok   ok    ok    ok   ok   ok   ok   ok   ok"),
      row("* /camunda/assets/**", "/camunda/assets/",
          "404  404  404   404   404  404  404  404  404  404"),
      row("* /camunda/lib/**", "/camunda/lib/",
          "404  404  404   404   404  404  404  404  404  404"),
      row("* /camunda/api/**", "/camunda/api/",
          "404  404  404   404   404  404  404  404  404  404"),
      row("* /camunda/favicon.ico", "/camunda/favicon.ico",
          "ok   ok   ok    ok    ok   ok   ok   ok   ok   ok"),
      row("* /webjars/**", "/webjars/camunda/app/tasklist/scripts/config.js",
          "ok   ok   ok    ok    ok   ok   ok   ok   ok   ok"),
      row("* /**", "/",
          "ok   ok   ok    ok    ok   ok   ok   ok   ok   ok"));

  // ---------------------------------------------------------------------------------------------
  // The applicants' portal (/portal): pages with their own form login and session. Each caller signs
  // in on /portal/login (anon and pay stay anonymous); POSTs carry the session's CSRF token. An extra
  // outcome: "login" (sent to /portal/login). Rows are "METHOD pattern" as for SPRING_ROWS; a body is
  // a Map (a urlencoded form) or a PortalSession.Multipart.
  // ---------------------------------------------------------------------------------------------
  static final List<Row> PORTAL_ROWS = List.of(
      //                                                                                     anon prov1 prov2 staff revw comm mgr  dlgt pay  admin
      row("GET /portal/login", "/portal/login",
          "ok   ok   ok    ok    ok   ok   ok   ok   ok   ok"),
      row("* /portal/forbidden", "/portal/forbidden", // the refusal page itself (any method: refused POSTs are forwarded to it)
          "403  403  403   403   403  403  403  403  403  403"),
      // Provider accounts only; staff and the rest sign in but are refused (they use Tasklist).
      row("GET /portal", "/portal",
          "login ok  ok    403   403  403  403  403  login 403"),
      row("GET /portal/", "/portal/",
          "login ok  ok    403   403  403  403  403  login 403"),
      // Accounts (issue 12). Registration, confirmation, invitation and reset pages are public; their
      // POSTs here carry input that is refused (400) or a token that was never issued (404, the same
      // for an unknown, used or expired one), so nothing is registered, confirmed or mailed.
      row("GET /portal/register", "/portal/register",
          "ok   ok   ok    ok    ok   ok   ok   ok   ok   ok"),
      row("POST /portal/register", "/portal/register", json(Map.of("corporateNumber", "1234567890123")),
          "ok   ok   ok    ok    ok   ok   ok   ok   ok   ok"),
      row("GET /portal/account/confirm/{token}", "/portal/account/confirm/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
          "404  404  404   404   404  404  404  404  404  404"),
      row("POST /portal/account/confirm/{token}", "/portal/account/confirm/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
          json(Map.of()),
          "404  404  404   404   404  404  404  404  404  404"),
      row("GET /portal/register/invitation/{token}", "/portal/register/invitation/never-issued",
          "404  404  404   404   404  404  404  404  404  404"),
      row("POST /portal/register/invitation/{token}", "/portal/register/invitation/never-issued",
          json(Map.of("userId", "probe")),
          "404  404  404   404   404  404  404  404  404  404"),
      row("GET /portal/password-reset", "/portal/password-reset",
          "ok   ok   ok    ok    ok   ok   ok   ok   ok   ok"),
      row("POST /portal/password-reset", "/portal/password-reset", json(Map.of("email", "no-address")),
          "ok   ok   ok    ok    ok   ok   ok   ok   ok   ok"),
      row("GET /portal/password-reset/{token}", "/portal/password-reset/never-issued",
          "404  404  404   404   404  404  404  404  404  404"),
      row("POST /portal/password-reset/{token}", "/portal/password-reset/never-issued",
          json(Map.of("password", "probe")),
          "404  404  404   404   404  404  404  404  404  404"),
      // The account page: provider accounts only. An empty current password is refused before it is
      // checked, so the table never counts as a failed login.
      row("GET /portal/account", "/portal/account",
          "login ok  ok    403   403  403  403  403  login 403"),
      row("POST /portal/account/password", "/portal/account/password", json(Map.of("currentPassword", "")),
          "login ok  ok    403   403  403  403  403  login 403"),
      row("POST /portal/account/invitations", "/portal/account/invitations", json(Map.of("inviteEmail", "")),
          "login ok  ok    403   403  403  403  403  login 403"),
      // provider2's account: hidden from provider1 (another company, 404); provider2 is its company's
      // last administrator, so it cannot remove itself (409); making it an administrator again changes nothing.
      row("POST /portal/account/colleagues/{userId}/removal", "/portal/account/colleagues/provider2/removal", json(Map.of()),
          "login 404 409   403   403  403  403  403  login 403"),
      row("POST /portal/account/colleagues/{userId}/administrator", "/portal/account/colleagues/provider2/administrator",
          json(Map.of()),
          "login 404 ok    403   403  403  403  403  login 403"),
      // 「認定」 (issue 12): provider1's certification; provider2 gets the same 404 page as for an unknown number.
      row("GET /portal/certifications", "/portal/certifications",
          "login ok  ok    403   403  403  403  403  login 403"),
      row("GET /portal/certifications/{certificationNumber}", "/portal/certifications/{cert}",
          "login ok  404   403   403  403  403  403  login 403"),
      row("GET /portal/certifications/{certificationNumber}/certificate.pdf", "/portal/certifications/{cert}/certificate.pdf",
          "login ok  404   403   403  403  403  403  login 403"),
      row("GET /portal/certifications/{certificationNumber}/notices/{noticeId}.pdf",
          "/portal/certifications/{cert}/notices/{certNotice}.pdf",
          "login ok  404   403   403  403  403  403  login 403"),
      row("GET /portal/certifications/{certificationNumber}/notifications/new",
          "/portal/certifications/{cert}/notifications/new",
          "login ok  404   403   403  403  403  403  login 403"),
      // Without a kind: refused on the form (200 with the errors), so the row changes nothing.
      row("POST /portal/certifications/{certificationNumber}/notifications", "/portal/certifications/{cert}/notifications",
          (f, c) -> Map.of("occurredOn", "", "description", "一覧表の届出"),
          "login ok  404   403   403  403  403  403  login 403"),
      row("GET /portal/certifications/{certificationNumber}/emergencies/{emergencyId}/reports",
          "/portal/certifications/{cert}/emergencies/{emergency}/reports",
          "login ok  404   403   403  403  403  403  login 403"),
      row("POST /portal/certifications/{certificationNumber}/emergencies/{emergencyId}/reports",
          "/portal/certifications/{cert}/emergencies/{emergency}/reports", (f, c) -> Map.of("report", "復旧作業中"),
          "login ok  404   403   403  403  403  403  login 403"),
      row("GET /portal/certifications/{certificationNumber}/improvement-requests/{requestId}/reports",
          "/portal/certifications/{cert}/improvement-requests/{improvement}/reports",
          "login ok  404   403   403  403  403  403  login 403"),
      row("POST /portal/certifications/{certificationNumber}/improvement-requests/{requestId}/reports",
          "/portal/certifications/{cert}/improvement-requests/{improvement}/reports", (f, c) -> Map.of("report", "是正しました"),
          "login ok  404   403   403  403  403  403  login 403"),
      row("GET /portal/certifications/{certificationNumber}/investigations/{investigationId}/explanations",
          "/portal/certifications/{cert}/investigations/{investigation}/explanations",
          "login ok  404   403   403  403  403  403  login 403"),
      row("POST /portal/certifications/{certificationNumber}/investigations/{investigationId}/explanations",
          "/portal/certifications/{cert}/investigations/{investigation}/explanations",
          (f, c) -> new PortalSession.Multipart(Map.of("explanation", "書類を添えて説明します"),
              List.of(new PortalSession.Upload("documents", "説明資料.pdf", "application/pdf", TestApplications.PDF))),
          "login ok  404   403   403  403  403  403  login 403"),
      // Applications (issue 12): the company's own; another company's application is unknown (404).
      row("GET /portal/applications", "/portal/applications",
          "login ok  ok    403   403  403  403  403  login 403"),
      row("GET /portal/applications/new", "/portal/applications/new",
          "login ok  ok    403   403  403  403  403  login 403"),
      // An empty form: answered with its errors (400), nothing stored.
      row("POST /portal/applications multipart/form-data", "/portal/applications",
          (f, c) -> new PortalSession.Multipart(Map.of("action", "submit"), List.of()),
          "login ok  ok    403   403  403  403  403  login 403"),
      // No such draft for either company (PortalApplicationsTest: provider2 cannot delete provider1's).
      row("POST /portal/applications/drafts/{draftId}/delete", "/portal/applications/drafts/no-such-draft/delete",
          "login 404 404   403   403  403  403  403  login 403"),
      row("GET /portal/applications/{applicationNumber}", "/portal/applications/{app}",
          "login ok  404   403   403  403  403  403  login 403"),
      row("GET /portal/applications/{applicationNumber}/submitted", "/portal/applications/{app}/submitted",
          "login ok  404   403   403  403  403  403  login 403"),
      row("GET /portal/applications/{applicationNumber}/notices/{noticeId}.pdf",
          "/portal/applications/{app}/notices/{appNotice}.pdf",
          "login ok  404   403   403  403  403  403  login 403"),
      row("GET /portal/applications/{applicationNumber}/documents/{documentId}",
          "/portal/applications/{app}/documents/{appDoc}",
          "login ok  404   403   403  403  403  403  login 403"),
      // No supplement request open: provider1 is told so (409); nothing is stored.
      row("GET /portal/applications/{applicationNumber}/supplement", "/portal/applications/{app}/supplement",
          "login ok  404   403   403  403  403  403  login 403"),
      row("POST /portal/applications/{applicationNumber}/supplement multipart/form-data",
          "/portal/applications/{app}/supplement",
          (f, c) -> new PortalSession.Multipart(Map.of("message", "一覧表の補正"), List.of()),
          "login ok  404   403   403  403  403  403  login 403"),
      row("GET /portal/applications/{applicationNumber}/withdraw", "/portal/applications/{withdrawApp}/withdraw",
          "login ok  404   403   403  403  403  403  login 403"),
      // The API's row withdrew it already: provider1 is told it has ended (409).
      row("POST /portal/applications/{applicationNumber}/withdraw", "/portal/applications/{withdrawApp}/withdraw",
          json(Map.of("reason", "一覧表の確認")),
          "login ok  404   403   403  403  403  403  login 403"));

  @Autowired ApplicantNotifier applicantNotifier;
  @Autowired ApplicationContext context;
  @Autowired CertificationService certifications;
  @Autowired TransactionTemplate transactions;
  @Autowired AuthorizationService authorizationService;
  @Autowired FilterService filterService;
  @Autowired TaskService taskService;

  /** The resources the rows call, created fresh for each test as their owners would. */
  class Fixture {
    final LocalDate today = LocalDate.now(BusinessCalendar.ZONE);
    final Map<String, String> ids = new LinkedHashMap<>();

    String expand(String example) {
      String path = example;
      for (Map.Entry<String, String> id : ids.entrySet()) {
        path = path.replace("{" + id.getKey() + "}", URLEncoder.encode(id.getValue(), StandardCharsets.UTF_8)
            .replace("+", "%20"));
      }
      assertThat(path).as("every placeholder of %s has a fixture", example).doesNotContain("{");
      return path;
    }

    MultiValueMap<String, Object> newApplication() {
      return multipart(application(TestApplications.PROVIDER1_NUMBER, "一覧表の申請"), TestApplications.PDF);
    }

    MultiValueMap<String, Object> supplement() {
      MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
      parts.add("supplement", jsonPart(Map.of("message", "補正します")));
      return parts;
    }

    MultiValueMap<String, Object> deployment() {
      MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
      parts.add("deployment-name", "endpoint-table-probe");
      parts.add("probe.txt", file("probe.txt", "一覧表".getBytes(StandardCharsets.UTF_8)));
      return parts;
    }

    MultiValueMap<String, Object> explanation() {
      MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
      parts.add("explanation", jsonPart(Map.of("explanation", "書類を添えて説明します")));
      parts.add("documents", pdfPart("説明資料.pdf"));
      return parts;
    }
  }

  /** provider1's application, certification and cases, opened by the people who open them. */
  private Fixture apiFixture() {
    Fixture f = new Fixture();
    String app = submitted("provider1", TestApplications.PROVIDER1_NUMBER, "一覧表サービス");
    f.ids.put("app", app);
    f.ids.put("appDoc", get("staff1", "/api/applications/" + app).getBody().get("documents").get(0).get("id").asText());
    f.ids.put("withdrawApp", submitted("provider1", TestApplications.PROVIDER1_NUMBER, "一覧表サービス（取下げ）"));

    String certified = submitted("provider1", TestApplications.PROVIDER1_NUMBER, "一覧表の認定サービス");
    String cert = transactions.execute(s -> certifications.certify(new CertificationService.NewCertification(certified,
        TestApplications.PROVIDER1_NUMBER, "株式会社テスト", "一覧表の認定サービス", "説明", null, f.today.minusDays(10),
        f.today.minusDays(10), json.valueToTree(TestApplications.fullDisclosure(catalogue)).toString(), "[]")))
        .certificationNumber();
    f.ids.put("cert", cert);
    String base = "/api/certifications/" + cert; // call() encodes the space itself

    f.ids.put("investigation", created(postJson("staff1", base + "/investigations", Map.of("scope", List.of("OPERATIONS"),
        "reason", "一覧表の調査", "request", "運用記録", "deadline", f.today.plusDays(20).toString(),
        "delegatedTo", "delegate1")), "id"));
    runJobs(cert);
    MultiValueMap<String, Object> parts = f.explanation();
    assertThat(call("provider1", HttpMethod.POST, base + "/investigations/" + f.ids.get("investigation") + "/explanations",
        parts, MediaType.MULTIPART_FORM_DATA).getStatusCode().value()).isEqualTo(202);
    f.ids.put("investigationDoc", get("staff1", base + "/cases").getBody().get("investigations").get(0)
        .get("documents").get(0).get("id").asText());
    f.ids.put("emergency", created(postJson("staff1", base + "/emergencies",
        Map.of("occurredOn", f.today.toString(), "description", "一覧表の緊急事態")), "id"));
    f.ids.put("improvement", created(postJson("staff1", base + "/improvement-requests",
        Map.of("content", "手順書の改善", "deadline", f.today.plusDays(30).toString(), "publish", false)), "id"));
    runJobs(cert);
    // A notice to provider1 about its application (its letter is stored when it is made).
    transactions.executeWithoutResult(s -> applicantNotifier.send(app, ApplicantNotice.FEE_REMINDER, Map.of()));
    f.ids.put("appNotice", noticeId(get("staff1", "/api/applications/" + app).getBody()));
    f.ids.put("certNotice", noticeId(get("staff1", base).getBody()));
    return f;
  }

  /** The id of the first notice with a letter in an application's or certification's view. */
  private static String noticeId(JsonNode view) {
    for (JsonNode n : view.get("notices")) {
      if (n.hasNonNull("href")) {
        String href = n.get("href").asText();
        return href.substring(href.lastIndexOf('/') + 1, href.length() - ".pdf".length());
      }
    }
    throw new AssertionError("no notice with a letter in " + view);
  }

  @Test
  void everySpringEndpointHasARowAndEveryCallerGetsWhatItsRowSays() {
    Set<String> mapped = springEndpoints();
    List<Row> rows = new ArrayList<>(SPRING_ROWS);
    rows.addAll(PORTAL_ROWS);
    Set<String> tabled = rows.stream().map(Row::endpoint).collect(Collectors.toCollection(TreeSet::new));
    assertThat(rows).as("one row per endpoint").hasSize(tabled.size());
    List<String> failures = new ArrayList<>();
    difference(mapped, tabled).forEach(e -> failures.add("endpoint without a row in SPRING_ROWS or PORTAL_ROWS (add one): " + e));
    difference(tabled, mapped).forEach(e -> failures.add("row without an endpoint (remove it): " + e));

    Fixture f = apiFixture();
    for (Row row : SPRING_ROWS) {
      check(row, f, failures);
    }
    Map<Caller, PortalSession> sessions = new java.util.EnumMap<>(Caller.class);
    for (Caller caller : Caller.values()) {
      sessions.put(caller, PortalSession.of(http.getRootUri(), caller.user, "demo"));
    }
    for (Row row : PORTAL_ROWS) {
      checkPortal(row, f, sessions, failures);
    }
    assertThat(failures).as("callers answered otherwise than the table says").isEmpty();
  }

  @Test
  void whereTheTableSaysOkForEveryoneTheAnswerStillHoldsOnlyWhatTheCallerMaySee() {
    // "ok" in a row is about the status; these lists and entries must also leave out provider1's data.
    Fixture f = apiFixture();
    String app = f.ids.get("app");
    assertThat(get("provider1", "/api/applications").getBody().findValuesAsText("applicationNumber")).contains(app);
    assertThat(get("provider2", "/api/applications").getBody().findValuesAsText("applicationNumber")).doesNotContain(app);
    String cert = f.ids.get("cert");
    // The public entry: published fields only.
    JsonNode entry = get(null, "/api/public/certifications/" + cert).getBody();
    assertThat(entry.get("certificationNumber").asText()).isEqualTo(cert);
    assertThat(entry.has("contact")).isFalse();
    assertThat(entry.has("documents")).isFalse();
    // The provider's cases without staff's reasons (第20条); the delegate's only its investigation (第19条).
    JsonNode own = get("provider1", "/api/certifications/" + cert + "/cases").getBody();
    assertThat(own.get("investigations")).hasSize(1);
    assertThat(own.toString()).doesNotContain("一覧表の調査");
    JsonNode delegated = get("delegate1", "/api/certifications/" + cert + "/cases").getBody();
    assertThat(delegated.get("investigations").get(0).get("reason").asText()).isEqualTo("一覧表の調査");
    assertThat(delegated.has("emergencies")).isFalse();
    assertThat(delegated.has("improvementRequests")).isFalse();
  }

  // ---------------------------------------------------------------------------------------------

  private void check(Row row, Fixture f, List<String> failures) {
    List<String> outcomes = row.outcomes();
    String path = f.expand(row.example());
    for (Caller caller : Caller.values()) {
      String expected = outcomes.get(caller.ordinal());
      ResponseEntity<byte[]> response = send(caller, HttpMethod.valueOf(row.method().equals("*") ? "GET" : row.method()),
          path, row.body().apply(f, caller), row.contentType());
      String actual = classify(expected, response);
      if (!actual.equals(expected)) {
        failures.add(String.format("%s as %s (%s): expected %s, got %s %s", row.endpoint(), caller, path, expected,
            response.getStatusCode().value(), abbreviate(response.getBody())));
      } else if (path.startsWith("/api/") && response.getStatusCode().value() >= 400 && !isJapaneseProblem(response)) {
        failures.add(String.format("%s as %s: refusal %s is not problem+json with a Japanese detail: %s", row.endpoint(),
            caller, response.getStatusCode().value(), abbreviate(response.getBody())));
      }
    }
  }

  private void checkPortal(Row row, Fixture f, Map<Caller, PortalSession> sessions, List<String> failures) {
    List<String> outcomes = row.outcomes();
    String path = f.expand(row.example());
    for (Caller caller : Caller.values()) {
      String expected = outcomes.get(caller.ordinal());
      PortalSession session = sessions.get(caller);
      Object body = row.body().apply(f, caller);
      HttpResponse<String> response = switch (row.method()) {
        case "GET", "*" -> session.get(path);
        case "POST" -> body instanceof PortalSession.Multipart form ? session.postMultipart(path, form)
            : session.postForm(path, body == null ? Map.of() : castForm(body));
        default -> throw new AssertionError("portal rows are GET or POST: " + row.endpoint());
      };
      int status = response.statusCode();
      String location = response.headers().firstValue("Location").orElse("");
      String actual = status == 302 && location.contains("/portal/login") ? "login"
          : expected.equals("ok") && status < 500 && status != 401 && status != 403 && status != 404 ? "ok"
          : String.valueOf(status);
      if (!actual.equals(expected)) {
        failures.add(String.format("%s as %s (%s): expected %s, got %s %s %s", row.endpoint(), caller, path, expected,
            status, location, abbreviate(response.body().getBytes(StandardCharsets.UTF_8))));
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> castForm(Object body) {
    return (Map<String, String>) body;
  }

  /** Every refusal on /api is problem+json with a Japanese {@code detail}, whoever refused it. */
  private boolean isJapaneseProblem(ResponseEntity<byte[]> response) {
    MediaType type = response.getHeaders().getContentType();
    String detail = readJson(response.getBody()).path("detail").asText("");
    return type != null && type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        && detail.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HIRAGANA
            || Character.UnicodeScript.of(c) == Character.UnicodeScript.KATAKANA
            || Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
  }

  /** The response in the row's terms: the expected token when it holds, otherwise the status. */
  private String classify(String expected, ResponseEntity<byte[]> response) {
    int status = response.getStatusCode().value();
    boolean passed = status < 500 && status != 401 && status != 403 && status != 404;
    switch (expected) {
      case "ok":
        return passed ? "ok" : String.valueOf(status);
      case "some", "none":
        if (status != 200) {
          return String.valueOf(status);
        }
        JsonNode list = readJson(response.getBody());
        int size = list.isArray() ? list.size() : list.path("count").asInt(-1);
        return size > 0 ? "some" : size == 0 ? "none" : "not a list";
      default:
        return String.valueOf(status);
    }
  }

  private ResponseEntity<byte[]> send(Caller caller, HttpMethod method, String path, Object body, MediaType type) {
    HttpHeaders headers = new HttpHeaders();
    if (caller.user != null) {
      headers.setBasicAuth(caller.user, "demo");
    } else if (caller == Caller.PAY) {
      headers.setBearerAuth(DEMO_PAYMENT_TOKEN);
    }
    if (body != null) {
      headers.setContentType(type);
    }
    headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON, MediaType.ALL));
    return http.exchange(URI.create(http.getRootUri() + path), method, new HttpEntity<>(body, headers), byte[].class);
  }

  /** "METHOD pattern [consumes]" for every request mapping, "* pattern" for URL mappings. */
  private Set<String> springEndpoints() {
    Set<String> endpoints = new TreeSet<>();
    for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
      for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
        Set<String> methods = info.getMethodsCondition().getMethods().stream().map(Enum::name)
            .collect(Collectors.toCollection(TreeSet::new));
        if (methods.isEmpty()) {
          methods.add("*");
        }
        String consumes = info.getConsumesCondition().getConsumableMediaTypes().stream().map(MediaType::toString)
            .sorted().collect(Collectors.joining(","));
        for (String pattern : info.getPatternValues()) {
          for (String method : methods) {
            endpoints.add(method + " " + pattern + (consumes.isEmpty() ? "" : " " + consumes));
          }
        }
      }
    }
    for (AbstractUrlHandlerMapping mapping : context.getBeansOfType(AbstractUrlHandlerMapping.class).values()) {
      mapping.getHandlerMap().keySet().forEach(pattern -> endpoints.add("* " + pattern));
    }
    for (RouterFunctionMapping mapping : context.getBeansOfType(RouterFunctionMapping.class).values()) {
      if (mapping.getRouterFunction() != null) {
        endpoints.add("functional endpoints: " + mapping.getRouterFunction());
      }
    }
    return endpoints;
  }

  // ---------------------------------------------------------------------------------------------
  // The engine: every grant IdentitySetup makes (besides the administrators' ALL on every resource
  // type), then representative /engine-rest calls for each granted resource type. Per-task grants
  // the engine makes itself to a task's assignee and candidates, and each account's grant on its own
  // user, are not listed: they follow from the tasks and accounts.
  // ---------------------------------------------------------------------------------------------
  static final Set<String> ENGINE_GRANTS = Set.of(
      "staff APPLICATION tasklist ACCESS",
      "reviewer APPLICATION tasklist ACCESS",
      "committee APPLICATION tasklist ACCESS",
      "manager APPLICATION tasklist ACCESS",
      "delegate APPLICATION tasklist ACCESS",
      "manager APPLICATION cockpit ACCESS",
      "staff PROCESS_DEFINITION certification-application READ",
      "staff PROCESS_DEFINITION on-site-inspection READ",
      "staff PROCESS_DEFINITION committee-review READ",
      "staff PROCESS_DEFINITION certification READ",
      "staff PROCESS_DEFINITION revocation READ",
      "staff PROCESS_DEFINITION improvement-request READ",
      "staff PROCESS_DEFINITION investigation CREATE_INSTANCE,READ",
      "staff PROCESS_DEFINITION emergency CREATE_INSTANCE,READ",
      "staff PROCESS_DEFINITION account-binding READ",
      "staff PROCESS_INSTANCE * CREATE",
      "reviewer PROCESS_DEFINITION certification-application READ",
      "reviewer PROCESS_DEFINITION on-site-inspection READ",
      "reviewer PROCESS_DEFINITION committee-review READ",
      "committee PROCESS_DEFINITION committee-review READ",
      "delegate PROCESS_DEFINITION investigation READ",
      "delegate GROUP staff READ", // the name of its tasks' candidate group in Tasklist, not its members
      "manager PROCESS_DEFINITION certification-application READ",
      "manager PROCESS_DEFINITION on-site-inspection READ",
      "manager PROCESS_DEFINITION committee-review READ",
      "manager PROCESS_DEFINITION * READ,READ_HISTORY,READ_INSTANCE",
      "manager PROCESS_INSTANCE * READ",
      "manager TASK * READ", // read-only: the engine guard refuses its comments on tasks it does not work (finding 12)
      "manager DECISION_DEFINITION * READ,READ_HISTORY",
      "manager DEPLOYMENT * READ",
      // the names of the candidate groups of the tasks it reads in Tasklist, not their members
      "manager GROUP staff READ", "manager GROUP reviewer READ", "manager GROUP committee READ",
      "manager GROUP delegate READ",
      "staff FILTER 自分のタスク READ", "reviewer FILTER 自分のタスク READ", "committee FILTER 自分のタスク READ",
      "manager FILTER 自分のタスク READ", "delegate FILTER 自分のタスク READ",
      "staff FILTER グループのタスク READ", "reviewer FILTER グループのタスク READ", "manager FILTER グループのタスク READ",
      "staff FILTER 申請審査 READ", "reviewer FILTER 申請審査 READ", "manager FILTER 申請審査 READ",
      "staff FILTER 実地調査 READ", "reviewer FILTER 実地調査 READ", "manager FILTER 実地調査 READ",
      "staff FILTER 認定サービス READ", "manager FILTER 認定サービス READ",
      "staff FILTER 監督（緊急事態・調査・改善・取消し） READ", "manager FILTER 監督（緊急事態・調査・改善・取消し） READ",
      "staff FILTER 期限切れ READ", "manager FILTER 期限切れ READ",
      "staff FILTER 認定審査委員会 READ", "committee FILTER 認定審査委員会 READ", "manager FILTER 認定審査委員会 READ");

  /** Resource types every row of ENGINE_ROWS together exercises; a grant on another type needs rows. */
  static final Set<String> ENGINE_RESOURCE_TYPES_WITH_ROWS = Set.of("APPLICATION", "PROCESS_DEFINITION",
      "PROCESS_INSTANCE", "TASK", "DECISION_DEFINITION", "DEPLOYMENT", "FILTER", "GROUP", "USER");

  static final List<Row> ENGINE_ROWS = List.of(
      //                                                                                     anon prov1 prov2 staff revw comm mgr  dlgt pay  admin
      row("GET process definitions", "/engine-rest/process-definition?key=certification-application",
          "401  none none  some  some none some none 401  some"),
      row("GET process definitions", "/engine-rest/process-definition?key=investigation",
          "401  none none  some  none none some some 401  some"),
      // A single resource the caller may not read is answered as unknown (404), as on /api.
      row("GET process definition", "/engine-rest/process-definition/key/certification-application",
          "401  404  404   ok    ok   404  ok   404  401  ok"),
      row("GET decision definitions", "/engine-rest/decision-definition",
          "401  none none  none  none none some none 401  some"),
      row("GET deployments", "/engine-rest/deployment",
          "401  none none  none  none none some none 401  some"),
      row("GET filters", "/engine-rest/filter",
          "401  none none  some  some some some some 401  some"),
      row("GET tasks", "/engine-rest/task?processInstanceBusinessKey={probeApp}",
          "401  none none  some  none none some none 401  some"),
      row("GET task", "/engine-rest/task/{task}",
          "401  404  404   ok    404  404  ok   404  401  ok"),
      row("GET task variables", "/engine-rest/task/{task}/variables",
          "401  403  403   ok    403  403  ok   403  401  ok"),
      row("GET process instances", "/engine-rest/process-instance?businessKey={probeApp}",
          "401  none none  none  none none some none 401  some"),
      row("GET process instance variables", "/engine-rest/process-instance/{instance}/variables",
          "401  403  403   403   403  403  ok   403  401  ok"),
      row("GET jobs", "/engine-rest/job?processInstanceId={instance}",
          "401  none none  none  none none some none 401  some"),
      row("GET history process instances", "/engine-rest/history/process-instance?processInstanceBusinessKey={probeApp}",
          "401  none none  none  none none some none 401  some"),
      row("GET history tasks", "/engine-rest/history/task?processInstanceBusinessKey={probeApp}",
          "401  none none  none  none none some none 401  some"),
      row("GET history variables", "/engine-rest/history/variable-instance?processInstanceId={instance}",
          "401  none none  none  none none some none 401  some"),
      row("GET users", "/engine-rest/user",
          "401  some some  some  some some some some 401  some"),
      row("GET groups", "/engine-rest/group", // members read their own group only
          "401  some some  some  some some some some 401  some"),
      // A delegate's tasks keep the candidate group staff: it reads that group's name (IdentitySetup);
      // the manager reads the names of the groups whose tasks it sees.
      row("GET group staff", "/engine-rest/group/staff",
          "401  404  404   ok    404  404  ok   ok   401  ok"),
      row("GET group reviewer", "/engine-rest/group/reviewer",
          "401  404  404   404   ok   404  ok   404  401  ok"),
      row("GET authorizations", "/engine-rest/authorization",
          "401  none none  none  none none none none 401  some"),
      // Writes, after the reads.
      row("PUT process instance variable", "/engine-rest/process-instance/{instance}/variables/endpointTableProbe",
          json(Map.of("value", "probe", "type", "String")),
          "401  403  403   403   403  403  403  403  401  ok"),
      row("PUT task variable", "/engine-rest/task/{task}/variables/endpointTableProbe",
          json(Map.of("value", "probe", "type", "String")),
          "401  403  403   403   403  403  403  403  401  ok"), // finding 1: users write only their form's fields
      row("POST task comment", "/engine-rest/task/{task}/comment/create", json(Map.of("message", "一覧表のコメント")),
          "401  400  400   ok    400  400  400  400  401  ok"), // finding 12: only who works the task; 400: the engine's answer to a refused comment
      // Staff start cases only through the start form (the guard, finding 1); the administrator passes
      // authorization, then the start listener (TasklistStart) refuses a start without a certification,
      // a form rule (FormRuleViolation): 400 with the sentence alone.
      row("POST start investigation", "/engine-rest/process-definition/key/investigation/start", json(Map.of()),
          "401  404  404   403   404  404  403  403  401  400"),
      row("POST deployment multipart/form-data", "/engine-rest/deployment/create", (f, c) -> f.deployment(),
          "401  403  403   403   403  403  403  403  401  ok"),
      row("POST user", "/engine-rest/user/create",
          (f, c) -> Map.of("profile", Map.of("id", "probe" + c.name().toLowerCase(), "firstName", "一覧", "lastName", "表",
              "email", "probe@iotcert.example.jp"), "credentials", Map.of("password", "probe-Passw0rd!")),
          "401  403  403   403   403  403  403  403  401  ok"),
      row("POST task claim", "/engine-rest/task/{task}/claim", json(Map.of("userId", "staff1")),
          "401  403  403   ok    403  403  403  403  401  ok"), // finding 2: only to a candidate
      row("POST job execute", "/engine-rest/job/{job}/execute",
          "401  403  403   403   403  403  403  403  401  ok")); // finding 3 (retries unchanged: EngineGuardApiTest)

  @Test
  void theEngineGrantsWhatTheTableSaysAndEveryGroupReachesThroughEngineRestOnlyThat() {
    List<String> failures = new ArrayList<>();
    Set<String> grants = engineGrants(failures);
    Set<String> expected = new TreeSet<>(ENGINE_GRANTS);
    for (Resources resource : Resources.values()) {
      expected.add("camunda-admin " + resource.name() + " * ALL");
    }
    // The engine's own default: members read their group.
    for (String group : List.of("staff", "reviewer", "committee", "manager", "delegate", "provider", "camunda-admin")) {
      expected.add(group + " GROUP " + group + " READ");
    }
    difference(grants, expected).forEach(g -> failures.add("grant not in ENGINE_GRANTS (add it, and rows): " + g));
    difference(expected, grants).forEach(g -> failures.add("grant in ENGINE_GRANTS that IdentitySetup no longer makes: " + g));
    for (String grant : ENGINE_GRANTS) {
      if (!ENGINE_RESOURCE_TYPES_WITH_ROWS.contains(grant.split(" ")[1])) {
        failures.add("no ENGINE_ROWS for the resource type of: " + grant);
      }
    }

    Fixture f = new Fixture();
    String app = submitted("provider1", TestApplications.PROVIDER1_NUMBER, "一覧表のエンジン確認");
    f.ids.put("probeApp", app);
    String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(app).singleResult().getId();
    f.ids.put("instance", instance);
    f.ids.put("task", taskService.createTaskQuery().processInstanceId(instance).taskCandidateGroup("staff").list().get(0)
        .getId());
    f.ids.put("job", managementService.createJobQuery().processInstanceId(instance).timers().list().get(0).getId());
    for (Row row : ENGINE_ROWS) {
      check(row, f, failures);
    }
    assertThat(failures).as("the engine's grants and /engine-rest answers differ from the table").isEmpty();
  }

  /** Every authorization in the engine as "group RESOURCE id PERMISSIONS" (filters by name). */
  private Set<String> engineGrants(List<String> failures) {
    Map<String, String> filterNames = filterService.createFilterQuery().list().stream()
        .collect(Collectors.toMap(filter -> filter.getId(), filter -> filter.getName()));
    Set<String> grants = new TreeSet<>();
    for (Authorization a : authorizationService.createAuthorizationQuery().list()) {
      String resource = Arrays.stream(Resources.values()).filter(r -> r.resourceType() == a.getResourceType())
          .map(Enum::name).findFirst().orElse("type" + a.getResourceType());
      Permission[] all = ResourceTypeUtil.getPermissionsByResourceType(a.getResourceType());
      String permissions = a.isEveryPermissionGranted() ? "ALL" : Arrays.stream(a.getPermissions(all))
          .map(Permission::getName).filter(p -> !p.equals("NONE") && !p.equals("ALL")).sorted()
          .collect(Collectors.joining(","));
      boolean perTask = (resource.equals("TASK") || resource.equals("HISTORIC_TASK")) && !a.getResourceId().equals("*");
      if (perTask) {
        continue;
      }
      if (a.getAuthorizationType() != Authorization.AUTH_TYPE_GRANT) {
        failures.add("unexpected global or revoking authorization: " + resource + " " + a.getResourceId());
      } else if (a.getUserId() != null) {
        if (!(resource.equals("USER") && a.getResourceId().equals(a.getUserId()))) {
          failures.add("unexpected grant to a single user: " + a.getUserId() + " " + resource + " " + a.getResourceId()
              + " " + permissions);
        }
      } else {
        String id = resource.equals("FILTER") ? filterNames.getOrDefault(a.getResourceId(), a.getResourceId())
            : a.getResourceId();
        grants.add(a.getGroupId() + " " + resource + " " + id + " " + permissions);
      }
    }
    return grants;
  }

  // ---------------------------------------------------------------------------------------------
  // Servlets (a servlet outside the dispatcher is an endpoint no Spring mapping shows) and the
  // webapps: their pages are public, their API takes only their own session, and their login
  // admits only the groups the engine grants the application to.
  // ---------------------------------------------------------------------------------------------
  static final Set<String> SERVLETS = Set.of(
      "dispatcherServlet /",
      "org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig /engine-rest/*", // ENGINE_ROWS
      "Engine Api /camunda/api/engine/*", // WEBAPP_ROWS and the logins below
      "Cockpit Api /camunda/api/cockpit/*",
      "Tasklist Api /camunda/api/tasklist/*",
      "Admin Api /camunda/api/admin/*",
      "Welcome Api /camunda/api/welcome/*");

  static final List<Row> WEBAPP_ROWS = List.of(
      //                                                                                     anon prov1 prov2 staff revw comm mgr  dlgt pay  admin
      // Basic credentials do not open the webapps' API: only their session login does.
      row("GET webapp engine API", "/camunda/api/engine/engine/default/task",
          "401  401  401   401   401  401  401  401  401  401"),
      row("GET webapp cockpit API", "/camunda/api/cockpit/plugin/base/default/process-definition/statistics",
          "401  401  401   401   401  401  401  401  401  401"),
      row("GET webapp session user", "/camunda/api/admin/auth/user/default", // 404: no session user
          "404  404  404   404   404  404  404  404  404  404"),
      // The setup page creates the first administrator only while there is none.
      row("POST webapp admin setup", "/camunda/api/admin/setup/default/user/create",
          json(Map.of("profile", Map.of("id", "intruder"), "credentials", Map.of("password", "x"))),
          "403  403  403   403   403  403  403  403  403  403")); // finding 5: the setup page is off in every profile

  /** The session login per webapp (columns as Caller; anonymous logs in with a wrong password). */
  static final Map<String, String> WEBAPP_LOGINS = Map.of(
      //                 anon prov1 prov2 staff revw comm mgr  dlgt pay  admin
      "tasklist", "401  403  403   200   200  200  200  200  401  200",
      "cockpit",  "401  403  403   403   403  403  200  403  401  200",
      "admin",    "401  403  403   403   403  403  403  403  401  200",
      "welcome",  "401  200  200   200   200  200  200  200  401  200");

  /**
   * GETs on /api with no credentials but the webapps' session (security/WebappSessionAuthentication):
   * the session's user gets exactly what the /api table gives that user with Basic, and no session
   * gets 401. The manager logs in to Cockpit (its dashboard plugin reads the due list), everyone else
   * to Tasklist (providers cannot: no session).
   */
  static final Map<String, String> SESSION_READS = Map.of(
      //                          anon prov1 prov2 staff revw comm mgr  dlgt pay  admin
      "/api/manager/due?days=28", "401  401  401   ok    403  403  ok   403  401  403");

  @Test
  void theWebappSessionReadsOnApiWhatTheTableSays() throws Exception {
    List<String> failures = new ArrayList<>();
    for (Map.Entry<String, String> read : SESSION_READS.entrySet()) {
      List<String> outcomes = Arrays.asList(read.getValue().trim().split("\\s+"));
      for (Caller caller : Caller.values()) {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        if (caller.user != null) {
          webappLogin(caller == Caller.MGR ? "cockpit" : "tasklist", caller, browser, cookies);
        }
        HttpResponse<String> response = browser.send(HttpRequest.newBuilder(URI.create(http.getRootUri() + read.getKey()))
            .header("Sec-Fetch-Site", "same-origin").GET().build(), HttpResponse.BodyHandlers.ofString());
        String actual = response.statusCode() == 200 ? "ok" : String.valueOf(response.statusCode());
        // The session is read, never renewed: a new id would log out the webapp's requests in flight.
        if (!response.headers().allValues("Set-Cookie").isEmpty()) {
          failures.add("GET " + read.getKey() + " with the webapp session of " + caller + " sets cookies: "
              + response.headers().allValues("Set-Cookie"));
        }
        if (!actual.equals(outcomes.get(caller.ordinal()))) {
          failures.add("GET " + read.getKey() + " with the webapp session of " + caller + ": expected "
              + outcomes.get(caller.ordinal()) + ", got " + actual + " " + abbreviate(response.body().getBytes(StandardCharsets.UTF_8)));
        }
      }
    }
    assertThat(failures).as("session reads differ from the table").isEmpty();
  }

  /**
   * The public JSON has a lean chain of its own (SecurityConfig.publicApi): no login is read there, so a
   * wrong password is ignored rather than refused, no session is made, and the security headers stay.
   */
  @Test
  void thePublicApiReadsNoLoginMakesNoSessionAndKeepsTheSecurityHeaders() {
    HttpHeaders wrongPassword = new HttpHeaders();
    wrongPassword.setBasicAuth("staff1", "not-the-password");
    for (HttpHeaders headers : List.of(new HttpHeaders(), wrongPassword)) {
      ResponseEntity<byte[]> answer = http.exchange(URI.create(http.getRootUri() + "/api/public/certifications?q=一覧"),
          HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
      assertThat(answer.getStatusCode().value()).isEqualTo(200);
      assertThat(answer.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
      assertThat(answer.getHeaders().getFirst("X-Frame-Options")).isEqualTo("DENY");
      assertThat(answer.getHeaders().getCacheControl()).contains("no-cache");
      assertThat(answer.getHeaders().get(HttpHeaders.SET_COOKIE)).isNull();
    }
    // Reading is all it offers: a write is refused by method, in Japanese.
    ResponseEntity<byte[]> post = send(Caller.ANON, HttpMethod.POST, "/api/public/certifications", Map.of(),
        MediaType.APPLICATION_JSON);
    assertThat(post.getStatusCode().value()).isEqualTo(405);
    assertThat(isJapaneseProblem(post)).as(abbreviate(post.getBody())).isTrue();
  }

  @Test
  void everyServletIsKnownAndTheWebappsAdmitOnlyTheirGroups() throws Exception {
    List<String> failures = new ArrayList<>();
    Set<String> servlets = new TreeSet<>();
    ((WebApplicationContext) context).getServletContext().getServletRegistrations().forEach((name, registration) ->
        registration.getMappings().forEach(mapping -> servlets.add(name + " " + mapping)));
    difference(servlets, SERVLETS).forEach(s -> failures.add("servlet without a row in SERVLETS: " + s));
    difference(SERVLETS, servlets).forEach(s -> failures.add("row in SERVLETS without a servlet: " + s));

    Fixture f = new Fixture();
    for (Row row : WEBAPP_ROWS) {
      check(row, f, failures);
    }
    for (Map.Entry<String, String> app : WEBAPP_LOGINS.entrySet()) {
      List<String> outcomes = Arrays.asList(app.getValue().trim().split("\\s+"));
      for (Caller caller : Caller.values()) {
        int status = webappLogin(app.getKey(), caller);
        if (!String.valueOf(status).equals(outcomes.get(caller.ordinal()))) {
          failures.add("login to " + app.getKey() + " as " + caller + ": expected " + outcomes.get(caller.ordinal())
              + ", got " + status);
        }
      }
    }
    assertThat(failures).as("servlets and webapps differ from the table").isEmpty();
  }

  /** Logs in as a browser does: the page first (for the CSRF cookie), then the form with its header. */
  private int webappLogin(String app, Caller caller) throws IOException, InterruptedException {
    CookieManager cookies = new CookieManager();
    HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NORMAL).build();
    return webappLogin(app, caller, browser, cookies);
  }

  private int webappLogin(String app, Caller caller, HttpClient browser, CookieManager cookies)
      throws IOException, InterruptedException {
    String root = http.getRootUri();
    browser.send(HttpRequest.newBuilder(URI.create(root + "/camunda/app/" + app + "/")).build(),
        HttpResponse.BodyHandlers.discarding());
    String token = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).findFirst().orElse("");
    // Anonymous: an unknown account (a wrong password for a real one would delay its next login).
    String user = caller.user == null ? "nobody" : caller.user;
    String password = caller.user == null ? "wrong" : "demo";
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=" + password;
    HttpResponse<String> response = browser.send(HttpRequest.newBuilder(
            URI.create(root + "/camunda/api/admin/auth/user/default/login/" + app))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    return response.statusCode();
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers
  // ---------------------------------------------------------------------------------------------

  private static Set<String> difference(Set<String> a, Set<String> b) {
    Set<String> result = new TreeSet<>(a);
    result.removeAll(b);
    return result;
  }

  private String created(ResponseEntity<JsonNode> response, String field) {
    assertThat(response.getStatusCode().value()).as("fixture: %s", response.getBody()).isEqualTo(201);
    return response.getBody().get(field).asText();
  }

  private JsonNode readJson(byte[] body) {
    try {
      return json.readTree(body == null ? new byte[0] : body);
    } catch (IOException e) {
      return json.nullNode();
    }
  }

  private static String abbreviate(byte[] body) {
    if (body == null) {
      return "";
    }
    String text = new String(body, StandardCharsets.UTF_8).replaceAll("\\s+", " ");
    return text.length() > 200 ? text.substring(0, 200) + "…" : text;
  }

  private HttpEntity<String> jsonPart(Object value) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    try {
      return new HttpEntity<>(json.writeValueAsString(value), headers);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static HttpEntity<Object> pdfPart(String name) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_PDF);
    return new HttpEntity<>(file(name, TestApplications.PDF), headers);
  }
}
