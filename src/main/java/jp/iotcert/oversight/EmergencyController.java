package jp.iotcert.oversight;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.Map;
import jp.iotcert.certification.VisibleCertifications;
import jp.iotcert.common.ConcurrentUpdateRetry;
import jp.iotcert.common.StrictJson;
import jp.iotcert.identity.CurrentUser;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Emergencies (第14条): the provider's progress reports, and emergencies staff learned of otherwise
 * (the provider's own notice arrives as an EMERGENCY notification).
 */
@RestController
public class EmergencyController {

  private final VisibleCertifications certifications;
  private final Emergencies emergencies;
  private final CurrentUser currentUser;
  private final StrictJson strictJson;
  private final ConcurrentUpdateRetry retry;

  public EmergencyController(VisibleCertifications certifications, Emergencies emergencies, CurrentUser currentUser,
      StrictJson strictJson, ConcurrentUpdateRetry retry) {
    this.certifications = certifications;
    this.emergencies = emergencies;
    this.currentUser = currentUser;
    this.strictJson = strictJson;
    this.retry = retry;
  }

  @PostMapping(path = "/api/certifications/{certificationNumber}/emergencies", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Map<String, String>> open(@PathVariable String certificationNumber, @RequestBody String body) {
    Emergencies.NewEmergency request = strictJson.read(body, new TypeReference<>() {}, "body");
    String id = emergencies.openByStaff(certifications.get(certificationNumber), request, currentUser.id());
    return ResponseEntity.created(UriComponentsBuilder.fromPath("/api/certifications/{no}/cases").buildAndExpand(certificationNumber).encode().toUri())
        .body(Map.of("id", id, "certificationNumber", certificationNumber));
  }

  @PostMapping(path = "/api/certifications/{certificationNumber}/emergencies/{emergencyId}/reports",
      consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Map<String, String>> report(@PathVariable String certificationNumber,
      @PathVariable String emergencyId, @RequestBody String body) {
    Report report = strictJson.read(body, new TypeReference<>() {}, "body");
    certifications.get(certificationNumber);
    retry.run(() -> emergencies.report(certificationNumber, emergencyId, report.report(), currentUser.id()));
    return ResponseEntity.accepted().body(Map.of("id", emergencyId, "status", "REPORTED"));
  }

  public record Report(String report) {}
}
