package jp.iotcert.committee;

import java.util.Collection;
import java.util.List;
import jp.iotcert.application.ApplicationProcess;
import jp.iotcert.common.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On assignment and completion of 「意見を提出する」: only a selected member may hold the task; on
 * completion the member's opinion is recorded ({@link CommitteeDeliberation}, checked by {@link OpinionRules}).
 */
@Component("opinionRecorder")
public class OpinionRecorderListener implements TaskListener {

  private final CommitteeDeliberation deliberation;

  public OpinionRecorderListener(CommitteeDeliberation deliberation) {
    this.deliberation = deliberation;
  }

  @Override
  public void notify(DelegateTask task) {
    Collection<?> members = task.getVariable(CommitteeProcess.MEMBERS) instanceof Collection<?> selected
        ? selected : List.of();
    if (TaskListener.EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
      deliberation.checkHolder(members, task.getAssignee());
    } else {
      Object opinion = task.getVariable(CommitteeProcess.OPINION);
      deliberation.recordOpinion(ApplicationProcess.applicationNumber(task.getExecution()), members,
          task.getAssignee(), opinion == null ? null : opinion.toString(),
          TaskInput.text(task, CommitteeProcess.OPINION_COMMENT));
    }
  }
}
