package jp.iotcert.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.URI;
import java.util.List;
import java.util.Map;
import jp.iotcert.catalogue.DisclosureCatalogue;
import jp.iotcert.support.Jobs;
import jp.iotcert.support.TestApplications;
import jp.iotcert.support.TestSmtp;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The API over real HTTP, with the accounts of the demo data. */
// The engine's REST authentication filter looks the engine up by the name "default".
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"camunda.bpm.generate-unique-process-engine-name=false",
        "spring.servlet.multipart.max-file-size=2MB", "spring.servlet.multipart.max-request-size=3MB"})
@ActiveProfiles("test")
public abstract class ApiTestBase {

  @RegisterExtension
  protected static final GreenMailExtension MAIL = new GreenMailExtension(TestSmtp.SETUP);

  @Autowired protected TestRestTemplate http;
  @Autowired protected ObjectMapper json;
  @Autowired protected DisclosureCatalogue catalogue;

  protected Map<String, Object> application(String corporateNumber, String serviceName) {
    Map<String, Object> app = json.convertValue(TestApplications.newApplication(corporateNumber, serviceName,
        TestApplications.fullDisclosure(catalogue)), Map.class);
    app.values().removeIf(v -> v == null);
    return app;
  }

  protected static ByteArrayResource file(String name, byte[] content) {
    return new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return name;
      }
    };
  }

  protected MultiValueMap<String, Object> multipart(Object applicationJson, byte[] registryCertificate) {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    HttpHeaders jsonHeaders = new HttpHeaders();
    jsonHeaders.setContentType(MediaType.APPLICATION_JSON);
    try {
      String body = applicationJson instanceof String s ? s : json.writeValueAsString(applicationJson);
      parts.add("application", new HttpEntity<>(body, jsonHeaders));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    if (registryCertificate != null) {
      HttpHeaders pdf = new HttpHeaders();
      pdf.setContentType(MediaType.APPLICATION_PDF);
      parts.add("registryCertificate", new HttpEntity<>(file("touki.pdf", registryCertificate), pdf));
    }
    return parts;
  }

  protected ResponseEntity<JsonNode> call(String user, HttpMethod method, String path, Object body, MediaType type) {
    HttpHeaders headers = new HttpHeaders();
    if (user != null) {
      headers.setBasicAuth(user, "demo");
    }
    if (type != null) {
      headers.setContentType(type);
    }
    headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
    return http.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
  }

  /** A document as a browser fetches it; {@code href} as the API gave it (already URL-encoded). */
  protected ResponseEntity<byte[]> download(String user, String href) {
    HttpHeaders headers = new HttpHeaders();
    if (user != null) {
      headers.setBasicAuth(user, "demo");
    }
    return http.exchange(URI.create(http.getRootUri() + href), HttpMethod.GET, new HttpEntity<>(headers),
        byte[].class);
  }

  /** The payment system's own credential in the demo profile (README): a token, no engine account. */
  protected static final String DEMO_PAYMENT_TOKEN = "demo-payment-token-not-for-production";

  /** A call as the payment system makes it: {@code Authorization: Bearer <token>}. */
  protected ResponseEntity<JsonNode> postWithToken(String token, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBearerAuth(token);
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
    return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
  }

  protected ResponseEntity<JsonNode> get(String user, String path) {
    return call(user, HttpMethod.GET, path, null, null);
  }

  protected ResponseEntity<JsonNode> postJson(String user, String path, Object body) {
    return call(user, HttpMethod.POST, path, body, MediaType.APPLICATION_JSON);
  }

  protected ResponseEntity<JsonNode> submit(String user, Object applicationJson, byte[] registryCertificate) {
    return call(user, HttpMethod.POST, "/api/applications", multipart(applicationJson, registryCertificate),
        MediaType.MULTIPART_FORM_DATA);
  }

  @Autowired protected RuntimeService runtimeService;
  @Autowired protected ManagementService managementService;

  /** Runs the due jobs of the process instances with this business key (the job executor is off in API tests). */
  protected void runJobs(String businessKey) {
    Jobs.runDue(runtimeService, managementService, businessKey);
  }

  protected String submitted(String user, String corporateNumber, String serviceName) {
    ResponseEntity<JsonNode> response = submit(user, application(corporateNumber, serviceName), TestApplications.PDF);
    if (response.getStatusCode().value() != 201) {
      throw new AssertionError("Submission failed: " + response.getBody());
    }
    return response.getBody().get("applicationNumber").asText();
  }
}
