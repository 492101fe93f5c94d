package jp.iotcert.application;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 「…を通知する」: sends the notice named by the input parameter `noticeKind` (see
 * {@link ApplicantNotice}) and nothing else; an application ends in its own step 「申請を終了する」.
 */
@Component("notifyApplicant")
public class NotifyApplicantDelegate implements JavaDelegate {

  /** Process variables that notices may quote (the inspection's only in on-site-inspection 1.0.0 instances). */
  private static final String[] QUOTED = {ApplicationProcess.REVOKED_ON, ApplicationProcess.INSPECTION_DATE,
      ApplicationProcess.INSPECTION_LOCATION, ApplicationProcess.INSPECTORS};

  private final ApplicantNotifier notifier;

  public NotifyApplicantDelegate(ApplicantNotifier notifier) {
    this.notifier = notifier;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ApplicantNotice notice = ApplicantNotice.valueOf((String) execution.getVariable(ApplicationProcess.NOTICE_KIND));
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
