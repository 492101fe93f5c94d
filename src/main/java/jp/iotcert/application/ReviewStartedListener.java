package jp.iotcert.application;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On creation of the review task: the applicant sees the application as under review. */
@Component("reviewStarted")
public class ReviewStartedListener implements TaskListener {

  private final ApplicationRepository applications;

  public ReviewStartedListener(ApplicationRepository applications) {
    this.applications = applications;
  }

  @Override
  public void notify(DelegateTask task) {
    applications.updateStatus(ApplicationProcess.applicationNumber(task.getExecution()),
        ApplicationStatus.UNDER_REVIEW);
  }
}
