package jp.iotcert.application;

import jp.iotcert.common.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completion of 「申請書類を確認する」: checked by {@link CompletenessReviewRules}; unticked is stored as
 * incomplete (`documentsComplete` false), which the gateway reads. When the corporate-number check
 * did not confirm the applicant, complete documents need the staff's tick that the 登記事項証明書 shows
 * the corporation exists, and who ticked it is stored with the check.
 */
@Component("completenessReviewed")
public class CompletenessReviewedListener implements TaskListener {

  private final CompletenessReviewRules rules;
  private final CorporateNumberChecks corporateNumberChecks;

  public CompletenessReviewedListener(CompletenessReviewRules rules, CorporateNumberChecks corporateNumberChecks) {
    this.rules = rules;
    this.corporateNumberChecks = corporateNumberChecks;
  }

  @Override
  public void notify(DelegateTask task) {
    boolean complete = Boolean.TRUE.equals(task.getVariable(ApplicationProcess.DOCUMENTS_COMPLETE));
    rules.check(complete, Boolean.TRUE.equals(task.getVariable(ApplicationProcess.AUTO_COMPLETE)),
        TaskInput.text(task, ApplicationProcess.SUPPLEMENT_REQUEST));
    Boolean confirmed = (Boolean) task.getVariable(ApplicationProcess.CORPORATE_NUMBER_CONFIRMED);
    boolean verified = Boolean.TRUE.equals(task.getVariable(ApplicationProcess.CORPORATION_VERIFIED));
    boolean renewal = ApplicationProcess.TYPE_RENEWAL.equals(task.getVariable(ApplicationProcess.APPLICATION_TYPE));
    rules.checkCorporation(complete, confirmed, verified, renewal);
    if (complete && !renewal && Boolean.FALSE.equals(confirmed)) {
      corporateNumberChecks.verifiedByHand(ApplicationProcess.applicationNumber(task.getExecution()),
          TaskInput.actor(task));
    }
    task.getExecution().setVariable(ApplicationProcess.DOCUMENTS_COMPLETE, complete);
  }
}
