package jp.iotcert.certification;

import jp.iotcert.common.TaskInput;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completion of 「変更の届出を審査する」 (第13条1): applies accepted changes to the published entry
 * and tells the provider. The task's answers are task-local, so concurrent notifications never mix.
 */
@Component("changeReviewRecorder")
public class ChangeReviewRecorder implements TaskListener {

  private final CertificationLifecycle lifecycle;

  public ChangeReviewRecorder(CertificationLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public void notify(DelegateTask task) {
    boolean accepted = Boolean.TRUE.equals(task.getVariable("changeAccepted"));
    String note = TaskInput.text(task, "reviewNote");
    if (!accepted && note.isEmpty()) {
      throw new ProcessEngineException("変更を認めない場合は、その理由を記入してください。");
    }
    TaskInput.maxLength(task, "reviewNote", "審査の所見");
    lifecycle.reviewChange((String) task.getVariable(CertificationNotifications.NOTIFICATION_ID), accepted, note);
  }
}
