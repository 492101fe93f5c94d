package jp.iotcert.application;

import java.time.LocalDate;
import jp.iotcert.common.BusinessCalendar;
import jp.iotcert.common.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 「補正を依頼する」: opens a supplement request with what staff wrote and what the automatic check
 * found ({@link ApplicationProgress#requestSupplement}), and sets the deadline timer's date
 * `supplementDeadlineAt`.
 */
@Component("requestSupplement")
public class RequestSupplementDelegate implements JavaDelegate {

  private final ApplicationProgress progress;

  public RequestSupplementDelegate(ApplicationProgress progress) {
    this.progress = progress;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean autoComplete = Boolean.TRUE.equals(execution.getVariable(ApplicationProcess.AUTO_COMPLETE));
    LocalDate deadline = progress.requestSupplement(ApplicationProcess.applicationNumber(execution),
        TaskInput.text(execution, ApplicationProcess.SUPPLEMENT_REQUEST),
        autoComplete ? "" : TaskInput.text(execution, ApplicationProcess.MISSING_ITEMS));
    execution.setVariable(ApplicationProcess.SUPPLEMENT_DEADLINE_AT, BusinessCalendar.endOf(deadline));
    // The next check starts afresh: no pre-filled answer, and no old request sent again.
    execution.removeVariable(ApplicationProcess.DOCUMENTS_COMPLETE);
    execution.removeVariable(ApplicationProcess.SUPPLEMENT_REQUEST);
    // The corporation is confirmed again against the next check's result (a supplement may change it).
    execution.removeVariable(ApplicationProcess.CORPORATION_VERIFIED);
  }
}
