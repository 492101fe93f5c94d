package jp.iotcert.committee;

import java.util.Collection;
import java.util.Set;
import jp.iotcert.application.ApplicationProcess;
import jp.iotcert.common.BusinessCalendar;
import jp.iotcert.common.TaskInput;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On assignment and completion of 「意見を提出する」: only a selected member may hold the task; on
 * completion the member's opinion is kept in the application's tables.
 */
@Component("opinionRecorder")
public class OpinionRecorder implements TaskListener {

  static final Set<String> OPINIONS = Set.of("FAVOURABLE", "CONDITIONAL", "UNFAVOURABLE");

  private final CommitteeOpinions opinions;
  private final BusinessCalendar calendar;

  public OpinionRecorder(CommitteeOpinions opinions, BusinessCalendar calendar) {
    this.opinions = opinions;
    this.calendar = calendar;
  }

  @Override
  public void notify(DelegateTask task) {
    // 第7条: only the selected members (none with a declared interest) give opinions; a task
    // handed on to anyone else is refused, on reassignment and on completion.
    Object members = task.getVariable(CommitteeProcess.MEMBERS);
    if (!(members instanceof Collection<?> selected) || !selected.contains(task.getAssignee())) {
      throw new ProcessEngineException("この意見提出は選任された委員（" + members + "）だけが担当できます。");
    }
    if (TaskListener.EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
      return;
    }
    Object opinion = task.getVariable(CommitteeProcess.OPINION);
    Object comment = task.getVariable(CommitteeProcess.OPINION_COMMENT);
    if (opinion == null || !OPINIONS.contains(opinion.toString())) {
      throw new ProcessEngineException("意見（賛成・条件付き賛成・反対）を選んでください。");
    }
    if (comment == null || comment.toString().isBlank()) {
      throw new ProcessEngineException("意見の理由を記入してください。");
    }
    TaskInput.maxLength(task, CommitteeProcess.OPINION_COMMENT, "意見の理由");
    opinions.record(ApplicationProcess.applicationNumber(task.getExecution()), task.getAssignee(),
        opinion.toString(), comment.toString().strip(), calendar.now());
  }
}
