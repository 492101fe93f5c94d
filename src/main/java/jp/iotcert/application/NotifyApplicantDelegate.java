package jp.iotcert.application;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 「申請者に通知する」: sends the notice named by the input parameter `noticeKind`
 * (see {@link ApplicantNotice}); notices that end the application record the end state.
 */
@Component("notifyApplicant")
public class NotifyApplicantDelegate implements JavaDelegate {

  static final String NOTICE_KIND = "noticeKind";
  /** Process variables that notices may quote. */
  // The inspection's values are for instances of on-site-inspection 1.0.0, which notified through
  // this delegate; later versions use notifyInspectionSchedule.
  private static final String[] QUOTED = {ApplicationProcess.REVOKED_ON, "inspectionDate", "inspectionLocation", "inspectors"};

  private final ApplicantNotifier notifier;

  public NotifyApplicantDelegate(ApplicantNotifier notifier) {
    this.notifier = notifier;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ApplicantNotice notice = ApplicantNotice.valueOf((String) execution.getVariable(NOTICE_KIND));
    Map<String, String> extra = new HashMap<>();
    for (String name : QUOTED) {
      Object value = execution.getVariable(name);
      if (value != null) {
        extra.put(name, value.toString());
      }
    }
    notifier.send(ApplicationProcess.applicationNumber(execution), notice, extra);
  }
}
