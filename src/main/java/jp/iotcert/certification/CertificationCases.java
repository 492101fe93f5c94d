package jp.iotcert.certification;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cases the body opens against a certified service (第14条–第16条), as this package sees them:
 * what they ask of the provider now, and the emergency a notification opened. Implemented by the
 * oversight package, which depends on this one; the interface keeps the dependency one-way.
 */
public interface CertificationCases {

  /** What the provider owes in open cases today (reports, explanations, improvement reports), as API objects. */
  List<Map<String, Object>> obligations(Certification certification, LocalDate today);

  /** The id of the emergency case opened by an `EMERGENCY` notification (第14条), if it opened one. */
  Optional<String> emergencyOpenedBy(String notificationId);
}
