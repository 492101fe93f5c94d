package jp.iotcert.inspection;

import java.util.HashMap;
import java.util.Map;
import jp.iotcert.application.ApplicantNotice;
import jp.iotcert.application.ApplicantNotifier;
import jp.iotcert.certification.CertificationRegister;
import jp.iotcert.certification.ProviderNotifier;
import jp.iotcert.oversight.OversightNotice;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 「実地調査の日程を通知する」 in `on-site-inspection`, which serves two callers: the review of an
 * application (第6条3, the applicant is told) and an investigation of a certified service (第15条2,
 * the provider is told at the contact of its certification).
 */
@Component("notifyInspectionSchedule")
public class NotifyInspectionScheduleDelegate implements JavaDelegate {

  private static final String[] QUOTED = {"inspectionDate", "inspectionLocation", "inspectors"};

  private final ApplicantNotifier applicants;
  private final ProviderNotifier providers;
  private final CertificationRegister register;

  public NotifyInspectionScheduleDelegate(ApplicantNotifier applicants, ProviderNotifier providers,
      CertificationRegister register) {
    this.applicants = applicants;
    this.providers = providers;
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Map<String, String> schedule = new HashMap<>();
    for (String name : QUOTED) {
      Object value = execution.getVariable(name);
      schedule.put(name, value == null ? "" : value.toString());
    }
    Object applicationNumber = execution.getVariable("applicationNumber");
    if (applicationNumber != null) {
      applicants.send(applicationNumber.toString(), ApplicantNotice.INSPECTION_SCHEDULED, schedule);
    } else {
      String certificationNumber = (String) execution.getVariable("certificationNumber");
      providers.send(register.find(certificationNumber).orElseThrow(), OversightNotice.INSPECTION_SCHEDULED, schedule);
    }
  }
}
