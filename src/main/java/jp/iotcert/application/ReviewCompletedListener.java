package jp.iotcert.application;

import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completion of 「申請を審査する」: the review needs a result and findings; whether an inspection or
 * the committee is wanted defaults to no, so a client completing the task over REST without those
 * fields does not stop the process at the gateways.
 */
@Component("reviewCompleted")
public class ReviewCompletedListener implements TaskListener {

  static final Set<String> RESULTS = Set.of("CONFORMING", "NON_CONFORMING");

  @Override
  public void notify(DelegateTask task) {
    Object result = task.getVariable(ApplicationProcess.REVIEW_RESULT);
    Object findings = task.getVariable(ApplicationProcess.REVIEW_FINDINGS);
    if (result == null || !RESULTS.contains(result.toString())) {
      throw new ProcessEngineException("審査結果（適合・不適合）を選んでください。");
    }
    if (findings == null || findings.toString().isBlank()) {
      throw new ProcessEngineException("審査所見を記入してください。");
    }
    for (String flag : new String[] {ApplicationProcess.INSPECTION_REQUIRED, ApplicationProcess.COMMITTEE_REQUIRED}) {
      if (!(task.getVariable(flag) instanceof Boolean)) {
        task.getExecution().setVariable(flag, false);
      }
    }
  }
}
