package jp.iotcert.certification;

import jp.iotcert.common.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completion of 「変更の届出を審査する」 (第13条1): applies accepted changes to the published entry
 * and tells the provider ({@link CertificationLifecycle#reviewChange}, which checks the answer with
 * {@link ChangeReviewRule}). The task's answers are task-local, so concurrent notifications never mix.
 */
@Component("changeReviewRecorder")
public class ChangeReviewRecorderListener implements TaskListener {

  private final CertificationLifecycle lifecycle;

  public ChangeReviewRecorderListener(CertificationLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public void notify(DelegateTask task) {
    lifecycle.reviewChange((String) task.getVariable(CertificationProcess.NOTIFICATION_ID),
        Boolean.TRUE.equals(task.getVariable(CertificationProcess.CHANGE_ACCEPTED)),
        TaskInput.text(task, CertificationProcess.REVIEW_NOTE));
  }
}
