package jp.iotcert.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

/**
 * /actuator/health as the compose file's healthcheck and an operator see it: the database, the
 * process engine and its job executor for an administrator; the status alone for anyone else.
 */
// Its own engine name: this context's engine must not take the name "default" by which the other API
// tests' /engine-rest finds theirs (this test does not use /engine-rest).
@TestPropertySource(properties = {"camunda.bpm.job-execution.enabled=true",
    "camunda.bpm.generate-unique-process-engine-name=true"})
class HealthApiTest extends ApiTestBase {

  @Test
  void anAdministratorSeesTheDatabaseTheEngineAndTheJobExecutor() {
    ResponseEntity<JsonNode> health = get("demo", "/actuator/health");

    assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode components = health.getBody().get("components");
    assertThat(health.getBody().get("status").asText()).isEqualTo("UP");
    assertThat(components.at("/db/status").asText()).isEqualTo("UP");
    assertThat(components.at("/db/details/database").asText()).isEqualTo("H2");
    assertThat(components.at("/processEngine/status").asText()).isEqualTo("UP");
    assertThat(components.at("/processEngine/details/name").asText()).isNotBlank();
    assertThat(components.at("/jobExecutor/status").asText()).isEqualTo("UP");
    assertThat(get("demo", "/actuator/health/jobExecutor").getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void anyoneElseSeesTheStatusOnly() {
    for (String caller : new String[] {null, "staff1", "provider1"}) {
      ResponseEntity<JsonNode> health = get(caller, "/actuator/health");
      assertThat(health.getStatusCode()).as(caller).isEqualTo(HttpStatus.OK);
      assertThat(health.getBody().get("status").asText()).as(caller).isEqualTo("UP");
      assertThat(health.getBody().size()).as("%s sees %s", caller, health.getBody()).isEqualTo(1);
      assertThat(get(caller, "/actuator/health/db").getStatusCode()).as(caller).isEqualTo(HttpStatus.NOT_FOUND);
    }
  }

  @Test
  void aWrongPasswordIsRefused() {
    ResponseEntity<JsonNode> health = call("demo", "wrong-password", "/actuator/health");
    assertThat(health.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  private ResponseEntity<JsonNode> call(String user, String password, String path) {
    return http.withBasicAuth(user, password).getForEntity(path, JsonNode.class);
  }
}
