package jp.iotcert.application;

import jp.iotcert.common.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completion of 「申請書類を確認する」: checked by {@link CompletenessReviewRules}; unticked is stored as
 * incomplete (`documentsComplete` false), which the gateway reads.
 */
@Component("completenessReviewed")
public class CompletenessReviewedListener implements TaskListener {

  private final CompletenessReviewRules rules;

  public CompletenessReviewedListener(CompletenessReviewRules rules) {
    this.rules = rules;
  }

  @Override
  public void notify(DelegateTask task) {
    boolean complete = Boolean.TRUE.equals(task.getVariable(ApplicationProcess.DOCUMENTS_COMPLETE));
    rules.check(complete, Boolean.TRUE.equals(task.getVariable(ApplicationProcess.AUTO_COMPLETE)),
        TaskInput.text(task, ApplicationProcess.SUPPLEMENT_REQUEST));
    task.getExecution().setVariable(ApplicationProcess.DOCUMENTS_COMPLETE, complete);
  }
}
