package jp.iotcert.registry;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.Map;
import jp.iotcert.common.StrictJson;
import jp.iotcert.identity.CurrentUser;
import jp.iotcert.oversight.Investigations;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/** Investigations (第15条): opened by staff, answered by the provider with an explanation. */
@RestController
public class InvestigationController {

  private final VisibleCertifications certifications;
  private final Investigations investigations;
  private final CurrentUser currentUser;
  private final StrictJson strictJson;

  public InvestigationController(VisibleCertifications certifications, Investigations investigations,
      CurrentUser currentUser, StrictJson strictJson) {
    this.certifications = certifications;
    this.investigations = investigations;
    this.currentUser = currentUser;
    this.strictJson = strictJson;
  }

  @PostMapping(path = "/api/certifications/{certificationNumber}/investigations", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Map<String, String>> open(@PathVariable String certificationNumber, @RequestBody String body) {
    Investigations.NewInvestigation request = strictJson.read(body, new TypeReference<>() {}, "body");
    String id = investigations.open(certifications.get(certificationNumber), request, currentUser.id(), null);
    return ResponseEntity.created(UriComponentsBuilder.fromPath("/api/certifications/{no}/cases").buildAndExpand(certificationNumber).encode().toUri())
        .body(Map.of("id", id, "certificationNumber", certificationNumber));
  }

  @PostMapping(path = "/api/certifications/{certificationNumber}/investigations/{investigationId}/explanations",
      consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Map<String, String>> explain(@PathVariable String certificationNumber,
      @PathVariable String investigationId, @RequestBody String body) {
    Explanation explanation = strictJson.read(body, new TypeReference<>() {}, "body");
    certifications.get(certificationNumber);
    investigations.explain(certificationNumber, investigationId, explanation.explanation());
    return ResponseEntity.accepted().body(Map.of("id", investigationId, "status", "EXPLAINED"));
  }

  public record Explanation(String explanation) {}
}
