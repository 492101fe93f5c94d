package jp.iotcert.oversight;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 「調査の結果を通知する」: the recorded outcome told to the provider (staff's assessment stays internal). */
@Component("notifyInvestigationOutcome")
public class NotifyInvestigationOutcomeDelegate implements JavaDelegate {

  private final Investigations investigations;

  public NotifyInvestigationOutcomeDelegate(Investigations investigations) {
    this.investigations = investigations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    investigations.sendOutcomeNotice(investigations.forProcess(execution).id());
  }
}
