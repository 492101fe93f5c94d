package jp.iotcert.oversight;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 「改善を要請する」: the written request to the provider; a published one enters the register's history. */
@Component("sendImprovementRequest")
public class SendImprovementRequestDelegate implements JavaDelegate {

  private final ImprovementRequests requests;

  public SendImprovementRequestDelegate(ImprovementRequests requests) {
    this.requests = requests;
  }

  @Override
  public void execute(DelegateExecution execution) {
    requests.sendRequest((String) execution.getVariable(ImprovementProcess.REQUEST_ID));
  }
}
