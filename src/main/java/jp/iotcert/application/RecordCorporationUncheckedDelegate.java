package jp.iotcert.application;

import jp.iotcert.common.TaskInput;
import jp.iotcert.corporatenumber.CorporateNumberCheckRules.Outcome;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 「照会できなかったことを記録する」: reached when no application id is configured (no call) or through
 * the boundary event 「照会できない」 (no connection, no answer in time), whose message is in
 * {@code corporateNumberLookupError}. Stores the check as not done, with why, so that staff check the
 * 登記事項証明書 by hand in 「申請書類を確認する」.
 */
@Component("recordCorporationUnchecked")
public class RecordCorporationUncheckedDelegate implements JavaDelegate {

  private final CorporateNumberChecks checks;

  public RecordCorporationUncheckedDelegate(CorporateNumberChecks checks) {
    this.checks = checks;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String error = TaskInput.text(execution, ApplicationProcess.LOOKUP_ERROR);
    CorporateNumberChecks.Check check = checks.unchecked(ApplicationProcess.applicationNumber(execution),
        error.isEmpty() ? Outcome.NOT_CONFIGURED : Outcome.UNAVAILABLE, error);
    // The message is stored with the check; a later round (after a supplement) must not see it again.
    execution.removeVariable(ApplicationProcess.LOOKUP_ERROR);
    execution.setVariable(ApplicationProcess.CORPORATE_NUMBER_CONFIRMED, false);
    execution.setVariable(ApplicationProcess.CORPORATE_NUMBER_CHECK_TEXT, CorporateNumberChecks.formText(check));
  }
}
