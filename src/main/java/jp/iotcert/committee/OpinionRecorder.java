package jp.iotcert.committee;

import java.util.Set;
import jp.iotcert.application.ApplicationProcess;
import jp.iotcert.common.BusinessCalendar;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On completion of 「意見を提出する」: keeps the member's opinion (the task's variables are overwritten by the next member). */
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
    Object opinion = task.getVariable(CommitteeProcess.OPINION);
    Object comment = task.getVariable(CommitteeProcess.OPINION_COMMENT);
    if (opinion == null || !OPINIONS.contains(opinion.toString())) {
      throw new ProcessEngineException("意見（賛成・条件付き賛成・反対）を選んでください。");
    }
    if (comment == null || comment.toString().isBlank()) {
      throw new ProcessEngineException("意見の理由を記入してください。");
    }
    opinions.record((String) task.getVariable(ApplicationProcess.APPLICATION_NUMBER), task.getAssignee(),
        opinion.toString(), comment.toString().strip(), calendar.now());
  }
}
