package jp.iotcert.application;

import jp.iotcert.corporatenumber.NtaAnswer;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 「照会結果を申請と照合する」: compares the NTA's answer (the connector's output) with the application
 * ({@link CorporateNumberChecks#compare}, rules in CorporateNumberCheckRules), stores the result and
 * sets what the completeness check's form shows and requires.
 */
@Component("compareCorporation")
public class CompareCorporationDelegate implements JavaDelegate {

  private final CorporateNumberChecks checks;

  public CompareCorporationDelegate(CorporateNumberChecks checks) {
    this.checks = checks;
  }

  @Override
  public void execute(DelegateExecution execution) {
    NtaAnswer answer = (NtaAnswer) execution.getVariable(ApplicationProcess.CORPORATE_NUMBER_ANSWER);
    CorporateNumberChecks.Check check = checks.compare(ApplicationProcess.applicationNumber(execution), answer);
    // Compared and stored with the application: the answer need not travel with the case.
    execution.removeVariable(ApplicationProcess.CORPORATE_NUMBER_ANSWER);
    execution.setVariable(ApplicationProcess.CORPORATE_NUMBER_CONFIRMED, check.confirmed());
    execution.setVariable(ApplicationProcess.CORPORATE_NUMBER_CHECK_TEXT, CorporateNumberChecks.formText(check));
  }
}
