package jp.iotcert.application;

import jp.iotcert.common.BusinessCalendar;
import jp.iotcert.common.FormRuleViolation;
import jp.iotcert.common.TaskInput;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completion of 「認定の可否を決定する」: checks the decision (a refusal needs its reasons,
 * 第6条4) and records it with today's date, the certification date of 第6条1. From here on the
 * application can no longer be withdrawn.
 */
@Component("decisionRecorder")
public class DecisionRecorder implements TaskListener {

  private final ApplicationRepository applications;
  private final BusinessCalendar calendar;

  public DecisionRecorder(ApplicationRepository applications, BusinessCalendar calendar) {
    this.applications = applications;
    this.calendar = calendar;
  }

  @Override
  public void notify(DelegateTask task) {
    Object decision = task.getVariable(ApplicationProcess.DECISION);
    Object reasons = task.getVariable(ApplicationProcess.DECISION_REASONS);
    String reasonText = reasons == null ? "" : reasons.toString().strip();
    if (!ApplicationProcess.DECISION_CERTIFY.equals(decision) && !ApplicationProcess.DECISION_REFUSE.equals(decision)) {
      throw new FormRuleViolation(ApplicationProcess.DECISION, "認定する（CERTIFY）か認定しない（REFUSE）かを選んでください。");
    }
    if (ApplicationProcess.DECISION_REFUSE.equals(decision) && reasonText.isEmpty()) {
      throw new FormRuleViolation(ApplicationProcess.DECISION_REASONS, "認定しない場合は、その理由を記入してください（第6条第4項）。");
    }
    TaskInput.maxLength(task, ApplicationProcess.DECISION_REASONS, "理由");
    String applicationNumber = ApplicationProcess.applicationNumber(task.getExecution());
    if (applications.get(applicationNumber).status().isEnded()) {
      throw new ProcessEngineException("申請 " + applicationNumber + " は既に終了しています。");
    }
    String decidedBy = task.getAssignee() != null ? task.getAssignee()
        : String.valueOf(task.getProcessEngineServices().getIdentityService().getCurrentAuthentication() == null
            ? "system" : task.getProcessEngineServices().getIdentityService().getCurrentAuthentication().getUserId());
    applications.recordDecision(applicationNumber, decision.toString(), reasonText, calendar.today(), decidedBy);
  }
}
