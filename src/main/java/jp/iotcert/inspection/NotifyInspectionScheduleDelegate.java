package jp.iotcert.inspection;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import jp.iotcert.common.BusinessCalendar;
import jp.iotcert.common.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 「実地調査の日程を通知する」 in `on-site-inspection`: sends the schedule to the applicant or the
 * provider of the case named by the business key ({@link InspectionNotices}), and dates the report
 * task: due at the end of the inspection day.
 */
@Component("notifyInspectionSchedule")
public class NotifyInspectionScheduleDelegate implements JavaDelegate {

  private static final String[] QUOTED =
      {InspectionProcess.INSPECTION_DATE, InspectionProcess.INSPECTION_LOCATION, InspectionProcess.INSPECTORS};

  private final InspectionNotices notices;

  public NotifyInspectionScheduleDelegate(InspectionNotices notices) {
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Map<String, String> schedule = new HashMap<>();
    for (String name : QUOTED) {
      Object value = execution.getVariable(name);
      schedule.put(name, value == null ? "" : value.toString());
    }
    notices.scheduleNotice(execution.getProcessBusinessKey(), schedule);
    LocalDate day = TaskInput.date(execution, InspectionProcess.INSPECTION_DATE);
    execution.setVariable(InspectionProcess.INSPECTION_DUE_AT, day == null ? null : BusinessCalendar.endOf(day));
  }
}
