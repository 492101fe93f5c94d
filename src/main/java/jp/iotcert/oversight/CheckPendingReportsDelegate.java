package jp.iotcert.oversight;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 「未確認の報告を確かめる」: the one step that sets `reportPending` for 「未確認の報告があるか？」. The
 * reports staff have not yet been shown (kept while they assessed or reviewed, or just correlated)
 * become `latestReport`, newest last, and `reportCount` counts every report handed to staff.
 */
@Component("checkPendingReports")
public class CheckPendingReportsDelegate implements JavaDelegate {

  private final Emergencies emergencies;

  public CheckPendingReportsDelegate(Emergencies emergencies) {
    this.emergencies = emergencies;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Emergencies.Reports reports = emergencies.unreviewed(execution);
    execution.setVariable(EmergencyProcess.REPORT_PENDING, reports.pending());
    if (reports.pending()) {
      execution.setVariable(EmergencyProcess.LATEST_REPORT, reports.unreviewed());
      execution.setVariable(EmergencyProcess.REPORT_COUNT, reports.count());
    }
  }
}
