package jp.iotcert.application;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 「更新審査を終える」 (第12条): a renewal application ended without certification; the certification
 * no longer waits for it ({@link ApplicationOutcomes#endRenewalReview}). Reached only through the
 * gateway 「更新申請か？」.
 */
@Component("endRenewalReview")
public class EndRenewalReviewDelegate implements JavaDelegate {

  private final ApplicationOutcomes outcomes;

  public EndRenewalReviewDelegate(ApplicationOutcomes outcomes) {
    this.outcomes = outcomes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    outcomes.endRenewalReview(ApplicationProcess.applicationNumber(execution));
  }
}
