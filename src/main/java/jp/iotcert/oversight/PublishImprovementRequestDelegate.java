package jp.iotcert.oversight;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 「改善の要請を公表する（第16条第2項）」: the request enters the certification's public history and the registry. */
@Component("publishImprovementRequest")
public class PublishImprovementRequestDelegate implements JavaDelegate {

  private final ImprovementRequests requests;

  public PublishImprovementRequestDelegate(ImprovementRequests requests) {
    this.requests = requests;
  }

  @Override
  public void execute(DelegateExecution execution) {
    requests.publish((String) execution.getVariable(ImprovementProcess.REQUEST_ID));
  }
}
