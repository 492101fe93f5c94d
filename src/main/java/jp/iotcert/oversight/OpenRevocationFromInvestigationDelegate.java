package jp.iotcert.oversight;

import jp.iotcert.common.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 「取消しの手続を開始する」: a `revocation` case with the facts this investigation (and its emergency) found. */
@Component("openRevocationFromInvestigation")
public class OpenRevocationFromInvestigationDelegate implements JavaDelegate {

  private final Investigations investigations;
  private final FollowUpCases followUps;

  public OpenRevocationFromInvestigationDelegate(Investigations investigations, FollowUpCases followUps) {
    this.investigations = investigations;
    this.followUps = followUps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    RevocationFacts staffFound = new RevocationFacts(
        fact(execution, InvestigationProcess.CRITERIA_NOT_MET), fact(execution, InvestigationProcess.FRAUDULENT_CERTIFICATION),
        fact(execution, InvestigationProcess.MARK_MISUSE), fact(execution, InvestigationProcess.NOTIFICATION_NEGLECTED),
        fact(execution, InvestigationProcess.EMERGENCY_REPORT_NEGLECTED), false, false,
        fact(execution, InvestigationProcess.UNLAWFUL_ACT), fact(execution, InvestigationProcess.SUCCESSION_DOUBT));
    followUps.revocationAfterInvestigation(investigations.forProcess(execution).id(), staffFound,
        TaskInput.text(execution, InvestigationProcess.FINDINGS));
  }

  private static boolean fact(DelegateExecution execution, String name) {
    return Boolean.TRUE.equals(execution.getVariable(name));
  }
}
