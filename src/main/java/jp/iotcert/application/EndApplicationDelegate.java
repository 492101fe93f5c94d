package jp.iotcert.application;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 「申請を終了する」: ends the application with the {@link ApplicationOutcome} named by the input
 * parameter `outcome` ({@link ApplicationOutcomes#end}). The notice to the applicant is its own step.
 */
@Component("endApplication")
public class EndApplicationDelegate implements JavaDelegate {

  private final ApplicationOutcomes outcomes;

  public EndApplicationDelegate(ApplicationOutcomes outcomes) {
    this.outcomes = outcomes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ApplicationOutcome outcome = ApplicationOutcome.valueOf((String) execution.getVariable(ApplicationProcess.OUTCOME));
    outcomes.end(ApplicationProcess.applicationNumber(execution), outcome);
  }
}
