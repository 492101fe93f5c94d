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

/** Improvement requests (第16条): opened by staff, answered by the provider with a report. */
@RestController
public class ImprovementController {

  private final VisibleCertifications certifications;
  private final ImprovementRequests requests;
  private final CurrentUser currentUser;
  private final StrictJson strictJson;
  private final ConcurrentUpdateRetry retry;

  public ImprovementController(VisibleCertifications certifications, ImprovementRequests requests, CurrentUser currentUser,
      StrictJson strictJson, ConcurrentUpdateRetry retry) {
    this.certifications = certifications;
    this.requests = requests;
    this.currentUser = currentUser;
    this.strictJson = strictJson;
    this.retry = retry;
  }

  @PostMapping(path = "/api/certifications/{certificationNumber}/improvement-requests", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Map<String, String>> open(@PathVariable String certificationNumber, @RequestBody String body) {
    ImprovementRequests.NewRequest request = strictJson.read(body, new TypeReference<>() {}, "body");
    String id = requests.open(certifications.get(certificationNumber), request, currentUser.id());
    return ResponseEntity.status(201).body(Map.of("id", id, "certificationNumber", certificationNumber));
  }

  @PostMapping(path = "/api/certifications/{certificationNumber}/improvement-requests/{requestId}/reports",
      consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Map<String, String>> report(@PathVariable String certificationNumber,
      @PathVariable String requestId, @RequestBody String body) {
    Report report = strictJson.read(body, new TypeReference<>() {}, "body");
    certifications.get(certificationNumber);
    retry.run(() -> requests.report(certificationNumber, requestId, report.report()));
    return ResponseEntity.accepted().body(Map.of("id", requestId, "status", "REPORTED"));
  }

  public record Report(String report) {}

}
