package jp.iotcert.application;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 「申請内容を自動点検する」: checks documents and mandatory disclosure items, and prepares the
 * summaries and document links that staff and reviewers read in their forms.
 */
@Component("completenessCheck")
public class CompletenessCheckDelegate implements JavaDelegate {

  private final CompletenessCheck check;

  public CompletenessCheckDelegate(CompletenessCheck check) {
    this.check = check;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CompletenessCheck.Result result = check.check(ApplicationProcess.applicationNumber(execution));
    execution.setVariable(ApplicationProcess.AUTO_COMPLETE, result.complete());
    execution.setVariable(ApplicationProcess.MISSING_ITEMS, result.missingText());
    execution.setVariable(ApplicationProcess.DISCLOSURE_SUMMARY, result.disclosureSummary());
    execution.setVariable(ApplicationProcess.DOCUMENT_LINKS, result.documentLinks());
    // The reviewer's checklist: one entry per disclosed catalogue item (a JSON variable, which the
    // Camunda Form's checklist reads as its options).
    execution.setVariable(ApplicationProcess.CRITERIA_ITEMS, SpinValues.jsonValue(result.checklistJson()).create());
  }
}
