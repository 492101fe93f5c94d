package jp.iotcert.oversight;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 「改善を確認済みとする」. */
@Component("closeImprovementRequest")
public class CloseImprovementRequestDelegate implements JavaDelegate {

  private final ImprovementRequests requests;

  public CloseImprovementRequestDelegate(ImprovementRequests requests) {
    this.requests = requests;
  }

  @Override
  public void execute(DelegateExecution execution) {
    requests.close((String) execution.getVariable(ImprovementProcess.REQUEST_ID), "IMPROVED");
  }
}
