package jp.iotcert.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.iotcert.application.ApplicationRequest;
import jp.iotcert.common.BusinessCalendar;

/**
 * One application's steps over HTTP as its people do them: the provider's client submits (JSON +
 * PDF), the payment system records the fee with its token, staff, reviewer, committee and manager
 * find their task, claim it and submit its form through /engine-rest as Tasklist does. Shared by the
 * end-to-end tests and the benchmark (src/bench/java), so both walk the same path. Plain
 * java.net.http: the benchmark runs outside any Spring context.
 */
public final class CaseSteps {

  /** The demo profile's password of every account. */
  public static final String PASSWORD = "demo";
  /** The demo profile's payment-system token (application.yaml, iotcert.payment.token). */
  public static final String PAYMENT_TOKEN = "demo-payment-token-not-for-production";

  public record Answer(int status, JsonNode body) {}

  private final HttpClient client;
  private final String baseUrl;
  private final ObjectMapper json;
  private final Duration pollInterval;
  private final Duration taskTimeout;
  /** Per request; generous, since an import batch on a busy shared machine has taken over a minute. */
  private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(5);

  public CaseSteps(String baseUrl, ObjectMapper json, Duration pollInterval, Duration taskTimeout) {
    this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.json = json;
    this.pollInterval = pollInterval;
    this.taskTimeout = taskTimeout;
  }

  /** A JSON request as {@code user} (null: anonymous); the body is serialized unless already a String. */
  public Answer call(String user, String method, String path, Object body) {
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(REQUEST_TIMEOUT)
          .header("Accept", "application/json");
      if (user != null) {
        request.header("Authorization", basic(user));
      }
      if (body == null) {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      } else {
        request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(
            body instanceof String s ? s : json.writeValueAsString(body), StandardCharsets.UTF_8));
      }
      return send(request.build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** POST /api/applications as the provider's client sends it: the JSON part and the registry certificate. */
  public Answer submit(String user, ApplicationRequest application, byte[] pdf) {
    try {
      Map<String, Object> app = json.convertValue(application, Map.class);
      app.values().removeIf(v -> v == null);
      String boundary = "----bench" + UUID.randomUUID();
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      part(body, boundary, "Content-Disposition: form-data; name=\"application\"\r\nContent-Type: application/json",
          json.writeValueAsBytes(app));
      part(body, boundary, "Content-Disposition: form-data; name=\"registryCertificate\"; filename=\"touki.pdf\"\r\n"
          + "Content-Type: application/pdf", pdf);
      body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
      return send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/applications")).timeout(REQUEST_TIMEOUT)
          .header("Authorization", basic(user)).header("Accept", "application/json")
          .header("Content-Type", "multipart/form-data; boundary=" + boundary)
          .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Submits and returns the new application's number; anything but 201 is an error. */
  public String submitNew(String user, ApplicationRequest application, byte[] pdf) {
    Answer created = submit(user, application, pdf);
    if (created.status() != 201) {
      throw new IllegalStateException("submission answered " + created.status() + ": " + created.body());
    }
    return created.body().get("applicationNumber").asText();
  }

  /** The payment system records the full fee with its own token, as it does for a bank transfer. */
  public Answer pay(String applicationNumber, int amount) {
    try {
      String body = json.writeValueAsString(Map.of("amount", amount, "paidOn",
          LocalDate.now(BusinessCalendar.ZONE).toString(), "reference", "PAY-" + applicationNumber));
      return send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/applications/" + applicationNumber + "/payments"))
          .timeout(REQUEST_TIMEOUT).header("Authorization", "Bearer " + PAYMENT_TOKEN)
          .header("Content-Type", "application/json").header("Accept", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The case from the completeness check to the manager's decision, as in the README's walkthrough:
   * staff check, the fee, the review (all items conforming, the fixture's withholding accepted, the
   * committee asked), committee1 and committee2 give opinions, committee1 consolidates, manager1
   * certifies. {@code afterOpinions} runs once both opinions are in (a test checks who was asked).
   */
  public void workToCertification(String applicationNumber, List<String> conformingItemIds, Runnable afterOpinions) {
    work("staff1", applicationNumber, "Task_CheckCompleteness", Map.of("documentsComplete", true,
        "corporationVerified", true));
    Answer paid = pay(applicationNumber, 100000);
    if (paid.status() != 201) {
      throw new IllegalStateException("payment answered " + paid.status() + ": " + paid.body());
    }
    String checked;
    try {
      // The checklist as Tasklist submits it: a JSON array of the checked item ids.
      checked = json.writeValueAsString(conformingItemIds);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    work("reviewer1", applicationNumber, "Task_ReviewApplication", Map.of("reviewResult", "CONFORMING",
        "reviewFindings", "全項目が審査基準に適合", "inspectionRequired", false, "committeeRequired", true,
        "conformingItems", Map.of("value", checked, "type", "Json"),
        "withholdingAccepted", TestApplications.withholdingAcceptedRest()));
    // committee3 declared an interest in provider1: only committee1 and committee2 are asked.
    work("committee1", applicationNumber, "Task_GiveOpinion", Map.of("opinion", "FAVOURABLE", "opinionComment", "適合"));
    work("committee2", applicationNumber, "Task_GiveOpinion", Map.of("opinion", "CONDITIONAL",
        "opinionComment", "概ね適合"));
    afterOpinions.run();
    work("committee1", applicationNumber, "Task_ConsolidateOpinions", Map.of("committeeOpinion", "FAVOURABLE",
        "committeeSummary", "認定相当"));
    work("manager1", applicationNumber, "Task_DecideCertification", Map.of("decision", "CERTIFY",
        "decisionReasons", "基準適合"));
  }

  /** As Tasklist: wait for the task in the user's list, claim it, submit the form. */
  public void work(String user, String businessKey, String taskKey, Map<String, Object> values) {
    long deadline = System.nanoTime() + taskTimeout.toNanos();
    List<JsonNode> tasks = tasksOf(user, businessKey, taskKey);
    while (tasks.isEmpty()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(user + " never got " + taskKey + " of " + businessKey + " within " + taskTimeout);
      }
      sleep(pollInterval);
      tasks = tasksOf(user, businessKey, taskKey);
    }
    String id = tasks.get(0).get("id").asText();
    if (tasks.get(0).path("assignee").isNull() || tasks.get(0).path("assignee").isMissingNode()) {
      Answer claimed = call(user, "POST", "/engine-rest/task/" + id + "/claim", Map.of("userId", user));
      if (claimed.status() != 204) {
        throw new IllegalStateException(user + " claims " + taskKey + ": " + claimed.status() + " " + claimed.body());
      }
    }
    Map<String, Object> variables = new HashMap<>();
    values.forEach((k, v) -> variables.put(k, v instanceof Map<?, ?> typed ? typed : Map.of("value", v)));
    Answer submitted = call(user, "POST", "/engine-rest/task/" + id + "/submit-form", Map.of("variables", variables));
    if (submitted.status() != 200 && submitted.status() != 204) {
      throw new IllegalStateException(user + " completes " + taskKey + ": " + submitted.status() + " " + submitted.body());
    }
  }

  /** The user's tasks of one case and one task key, as Tasklist lists them. */
  public List<JsonNode> tasksOf(String user, String businessKey, String taskKey) {
    // A certification number as business key holds a space.
    JsonNode tasks = call(user, "GET", "/engine-rest/task?processInstanceBusinessKey="
        + URLEncoder.encode(businessKey, StandardCharsets.UTF_8).replace("+", "%20") + "&taskDefinitionKey=" + taskKey,
        null).body();
    List<JsonNode> list = new ArrayList<>();
    tasks.forEach(list::add);
    return list;
  }

  private Answer send(HttpRequest request) {
    try {
      HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
      byte[] bytes = response.body();
      JsonNode body = NullNode.getInstance();
      if (bytes.length > 0 && response.headers().firstValue("Content-Type").orElse("").contains("json")) {
        body = json.readTree(bytes);
      }
      return new Answer(response.statusCode(), body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void part(ByteArrayOutputStream body, String boundary, String headers, byte[] content) throws IOException {
    body.write(("--" + boundary + "\r\n" + headers + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.write(content);
    body.write("\r\n".getBytes(StandardCharsets.US_ASCII));
  }

  private static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
