package jp.iotcert.inspection;

import java.util.Map;
import jp.iotcert.application.ApplicantNotice;
import jp.iotcert.application.ApplicantNotifier;
import jp.iotcert.certification.CertificationRegister;
import jp.iotcert.certification.ProviderNotifier;
import jp.iotcert.oversight.OversightNotice;
import org.springframework.stereotype.Service;

/**
 * Tells whom an on-site inspection concerns of its schedule: the applicant when the case is an
 * application under review (第6条3), the provider at the contact of its certification when the case
 * is a certification under investigation (第15条2).
 */
@Service
public class InspectionNotices {

  private final ApplicantNotifier applicants;
  private final ProviderNotifier providers;
  private final CertificationRegister register;

  public InspectionNotices(ApplicantNotifier applicants, ProviderNotifier providers, CertificationRegister register) {
    this.applicants = applicants;
    this.providers = providers;
    this.register = register;
  }

  /**
   * @param caseKey the business key: an application number or a certification number
   * @param schedule the notice's placeholders {@code inspectionDate}, {@code inspectionLocation}, {@code inspectors}
   */
  public void scheduleNotice(String caseKey, Map<String, String> schedule) {
    if (applicants.isApplication(caseKey)) {
      applicants.send(caseKey, ApplicantNotice.INSPECTION_SCHEDULED, schedule);
    } else {
      providers.send(register.find(caseKey).orElseThrow(() -> new IllegalStateException(
          "Inspection case " + caseKey + " is neither an application nor a certification")),
          OversightNotice.INSPECTION_SCHEDULED, schedule);
    }
  }
}
