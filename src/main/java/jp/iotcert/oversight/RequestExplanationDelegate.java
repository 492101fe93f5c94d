package jp.iotcert.oversight;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 「説明・資料の提出を求める」 (第15条1): the request and its deadline, to the provider. */
@Component("requestExplanation")
public class RequestExplanationDelegate implements JavaDelegate {

  private final Investigations investigations;

  public RequestExplanationDelegate(Investigations investigations) {
    this.investigations = investigations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    investigations.sendExplanationRequest(investigations.forProcess(execution).id());
  }
}
