package jp.iotcert.inspection;

import jp.iotcert.common.BusinessCalendar;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completion of 「実地調査の結果を報告する」: a result the form offers
 * ({@link InspectionReportRules#checkResult}), not before the scheduled inspection day
 * ({@link InspectionReportRules#checkReportDate}).
 */
@Component("inspectionReported")
public class InspectionReportedListener implements TaskListener {

  private final InspectionReportRules rules;
  private final BusinessCalendar calendar;

  public InspectionReportedListener(InspectionReportRules rules, BusinessCalendar calendar) {
    this.rules = rules;
    this.calendar = calendar;
  }

  @Override
  public void notify(DelegateTask task) {
    rules.checkResult(task.getVariable(InspectionProcess.INSPECTION_RESULT));
    rules.checkReportDate(InspectionReportRules.scheduledDay(task.getVariable(InspectionProcess.INSPECTION_DATE)),
        calendar.today());
  }
}
