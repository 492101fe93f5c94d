package jp.iotcert.application;

import jp.iotcert.common.TaskInput;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completion of 「申請書類を確認する」: unticked means incomplete, and then the applicant must be
 * told what to supplement, unless the automatic check already lists it.
 */
@Component("completenessReviewed")
public class CompletenessReviewedListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    boolean complete = Boolean.TRUE.equals(task.getVariable(ApplicationProcess.DOCUMENTS_COMPLETE));
    boolean autoComplete = Boolean.TRUE.equals(task.getVariable(ApplicationProcess.AUTO_COMPLETE));
    Object request = task.getVariable(ApplicationProcess.SUPPLEMENT_REQUEST);
    if (!complete && autoComplete && (request == null || request.toString().isBlank())) {
      throw new ProcessEngineException("書類が揃っていない場合は、補正依頼の内容を記入してください。");
    }
    TaskInput.maxLength(task, ApplicationProcess.SUPPLEMENT_REQUEST, "補正依頼の内容");
    task.getExecution().setVariable(ApplicationProcess.DOCUMENTS_COMPLETE, complete);
  }
}
