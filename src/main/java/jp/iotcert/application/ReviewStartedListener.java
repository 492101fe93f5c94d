package jp.iotcert.application;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * On creation of 「申請を審査する」: the applicant sees the application as under review, and the form
 * lists the applicant's requests to withhold items (第11条2), read from the stored application, for
 * the reviewer to judge.
 */
@Component("reviewStarted")
public class ReviewStartedListener implements TaskListener {

  private final ApplicationProgress progress;
  private final WithholdingJudgements withholding;

  public ReviewStartedListener(ApplicationProgress progress, WithholdingJudgements withholding) {
    this.progress = progress;
    this.withholding = withholding;
  }

  @Override
  public void notify(DelegateTask task) {
    String applicationNumber = ApplicationProcess.applicationNumber(task.getExecution());
    progress.startReview(applicationNumber);
    WithholdingJudgements.Requests requests = withholding.of(applicationNumber);
    List<Map<String, String>> options = withholding.options(requests);
    if (options.isEmpty()) {
      // The form hides the section when the variables are absent.
      task.getExecution().removeVariable(ApplicationProcess.WITHHOLDING_REQUESTS);
      task.getExecution().removeVariable(ApplicationProcess.WITHHOLDING_SUMMARY);
    } else {
      task.getExecution().setVariable(ApplicationProcess.WITHHOLDING_REQUESTS,
          SpinValues.jsonValue(Spin.JSON(options)).create());
      task.getExecution().setVariable(ApplicationProcess.WITHHOLDING_SUMMARY, withholding.summary(requests));
    }
  }
}
