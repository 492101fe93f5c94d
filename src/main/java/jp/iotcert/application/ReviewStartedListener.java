package jp.iotcert.application;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On creation of 「申請を審査する」: the applicant sees the application as under review. */
@Component("reviewStarted")
public class ReviewStartedListener implements TaskListener {

  private final ApplicationProgress progress;

  public ReviewStartedListener(ApplicationProgress progress) {
    this.progress = progress;
  }

  @Override
  public void notify(DelegateTask task) {
    progress.startReview(ApplicationProcess.applicationNumber(task.getExecution()));
  }
}
