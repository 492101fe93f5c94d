package jp.iotcert.oversight;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 「改善の要請を不履行として終了する」: the request is closed as not followed (a fact for 第17条1(7)). */
@Component("recordImprovementNotFollowed")
public class RecordImprovementNotFollowedDelegate implements JavaDelegate {

  private final ImprovementRequests requests;

  public RecordImprovementNotFollowedDelegate(ImprovementRequests requests) {
    this.requests = requests;
  }

  @Override
  public void execute(DelegateExecution execution) {
    requests.close((String) execution.getVariable(ImprovementProcess.REQUEST_ID), "NOT_FOLLOWED");
  }
}
