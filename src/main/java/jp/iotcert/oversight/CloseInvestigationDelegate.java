package jp.iotcert.oversight;

import jp.iotcert.common.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 「調査を終了する」: the outcome and findings staff decided are recorded and the investigation closed. */
@Component("closeInvestigation")
public class CloseInvestigationDelegate implements JavaDelegate {

  private final Investigations investigations;

  public CloseInvestigationDelegate(Investigations investigations) {
    this.investigations = investigations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    investigations.recordOutcome(investigations.forProcess(execution).id(),
        Investigations.Outcome.valueOf(TaskInput.text(execution, InvestigationProcess.OUTCOME)),
        TaskInput.text(execution, InvestigationProcess.FINDINGS));
  }
}
