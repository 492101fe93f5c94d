package jp.iotcert.application;

import java.time.LocalDate;
import java.time.Period;
import java.util.Map;
import jp.iotcert.common.BusinessCalendar;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * 「補正を依頼する」: opens a supplement request with what staff wrote and what the automatic check
 * found, tells the applicant, and sets the deadline timer's date `supplementDeadlineAt`.
 */
@Component("requestSupplement")
public class RequestSupplementDelegate implements JavaDelegate {

  private final SupplementRequests supplements;
  private final ApplicationRepository applications;
  private final ApplicantNotifier notifier;
  private final BusinessCalendar calendar;
  private final Period deadline;

  public RequestSupplementDelegate(SupplementRequests supplements, ApplicationRepository applications,
      ApplicantNotifier notifier, BusinessCalendar calendar,
      @Value("${iotcert.supplement.deadline}") Period deadline) {
    this.supplements = supplements;
    this.applications = applications;
    this.notifier = notifier;
    this.calendar = calendar;
    this.deadline = deadline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String applicationNumber = ApplicationProcess.applicationNumber(execution);
    StringBuilder message = new StringBuilder();
    Object staffText = execution.getVariable(ApplicationProcess.SUPPLEMENT_REQUEST);
    if (staffText != null && !staffText.toString().isBlank()) {
      message.append(staffText.toString().strip()).append("\n");
    }
    if (!Boolean.TRUE.equals(execution.getVariable(ApplicationProcess.AUTO_COMPLETE))) {
      message.append(execution.getVariable(ApplicationProcess.MISSING_ITEMS)).append("\n");
    }
    LocalDate deadlineDay = calendar.today().plus(deadline);
    // A retried job must not open a second request.
    supplements.closeOpen(applicationNumber, SupplementRequests.CANCELLED);
    supplements.open(applicationNumber, message.toString().strip(), deadlineDay, calendar.now());
    applications.updateStatus(applicationNumber, ApplicationStatus.SUPPLEMENT_REQUESTED);
    notifier.send(applicationNumber, ApplicantNotice.SUPPLEMENT_REQUESTED, Map.of());
    execution.setVariable(ApplicationProcess.SUPPLEMENT_DEADLINE_AT, BusinessCalendar.endOf(deadlineDay));
    // The next check starts afresh: no pre-filled answer, and no old request sent again.
    execution.removeVariable(ApplicationProcess.DOCUMENTS_COMPLETE);
    execution.removeVariable(ApplicationProcess.SUPPLEMENT_REQUEST);
  }
}
