package jp.iotcert.oversight;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 「取消事由を一覧にする」: the grounds the DMN table returned, as Markdown for the manager, and their number. */
@Component("summariseRevocationGrounds")
public class SummariseRevocationGroundsDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    RevocationGrounds grounds = RevocationGrounds.of(execution.getVariable(RevocationProcess.GROUNDS));
    execution.setVariable(RevocationProcess.GROUNDS_SUMMARY, grounds.summary());
    execution.setVariable(RevocationProcess.GROUND_COUNT, grounds.count());
  }
}
