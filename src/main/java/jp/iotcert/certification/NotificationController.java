package jp.iotcert.certification;

import com.fasterxml.jackson.core.type.TypeReference;
import java.net.URI;
import java.util.Map;
import jp.iotcert.common.ConcurrentUpdateRetry;
import jp.iotcert.common.InvalidInputException;
import jp.iotcert.common.StrictJson;
import jp.iotcert.identity.CurrentUser;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Notifications of a certified provider (第13条, 第9条2, 第14条) and lapses found by staff (第9条2).
 * Answers 201 with the notification's id; what follows is decided in the certification's process.
 */
@RestController
public class NotificationController {

  private final VisibleCertifications certifications;
  private final CertificationNotifications notifications;
  private final CurrentUser currentUser;
  private final ConcurrentUpdateRetry retry;
  private final StrictJson strictJson;
  private final CertificationCases cases;

  public NotificationController(VisibleCertifications certifications, CertificationNotifications notifications,
      CurrentUser currentUser, ConcurrentUpdateRetry retry, StrictJson strictJson, CertificationCases cases) {
    this.cases = cases;
    this.certifications = certifications;
    this.notifications = notifications;
    this.currentUser = currentUser;
    this.retry = retry;
    this.strictJson = strictJson;
  }

  @PostMapping(path = "/api/certifications/{certificationNumber}/notifications", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Map<String, String>> notify(@PathVariable String certificationNumber, @RequestBody String body) {
    CertificationNotifications.Request request = parse(body);
    if (request.basis() != null) {
      throw new InvalidInputException("basis", "根拠（basis）は事務局が失効を記録するときにだけ指定します");
    }
    Certification c = certifications.get(certificationNumber);
    String id = retry.run(() -> notifications.receive(c, request, currentUser.id(), false));
    // An emergency (第14条) is followed up in its own case: the provider reports progress to it.
    return cases.emergencyOpenedBy(id)
        .map(emergencyId -> ResponseEntity.created(URI.create("/api/certifications/" + certificationNumber.replace(" ", "%20")))
            .body(Map.of("id", id, "certificationNumber", certificationNumber, "emergencyId", emergencyId)))
        .orElseGet(() -> created(certificationNumber, id));
  }

  @PostMapping(path = "/api/certifications/{certificationNumber}/lapses", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Map<String, String>> lapse(@PathVariable String certificationNumber, @RequestBody String body) {
    CertificationNotifications.Request request = parse(body);
    Certification c = certifications.get(certificationNumber);
    String id = retry.run(() -> notifications.receive(c, request, currentUser.id(), true));
    return created(certificationNumber, id);
  }


  private static ResponseEntity<Map<String, String>> created(String certificationNumber, String id) {
    return ResponseEntity.created(URI.create("/api/certifications/" + certificationNumber.replace(" ", "%20")))
        .body(Map.of("id", id, "certificationNumber", certificationNumber));
  }

  private CertificationNotifications.Request parse(String body) {
    return strictJson.read(body, new TypeReference<>() {}, "body");
  }

}
