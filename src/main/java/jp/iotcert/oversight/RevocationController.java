package jp.iotcert.oversight;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.Map;
import jp.iotcert.certification.Certification;
import jp.iotcert.certification.VisibleCertifications;
import jp.iotcert.common.StrictJson;
import jp.iotcert.identity.CurrentUser;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** POST /api/certifications/{no}/revocations (staff, manager): opens revocation proceedings with the facts of the case. */
@RestController
public class RevocationController {

  private final VisibleCertifications certifications;
  private final Revocations revocations;
  private final CurrentUser currentUser;
  private final StrictJson strictJson;

  public RevocationController(VisibleCertifications certifications, Revocations revocations, CurrentUser currentUser,
      StrictJson strictJson) {
    this.strictJson = strictJson;
    this.certifications = certifications;
    this.revocations = revocations;
    this.currentUser = currentUser;
  }

  @PostMapping(path = "/api/certifications/{certificationNumber}/revocations",
      consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Map<String, String>> open(@PathVariable String certificationNumber, @RequestBody String body) {
    OpenRequest request = strictJson.read(body, new TypeReference<>() {}, "body");
    Certification c = certifications.get(certificationNumber);
    String id = revocations.open(c, request.facts(), request.summary(), currentUser.id());
    return ResponseEntity.status(201).body(Map.of("caseId", id, "certificationNumber", certificationNumber));
  }

  public record OpenRequest(RevocationFacts facts, String summary) {}
}
