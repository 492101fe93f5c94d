package jp.iotcert.application;

import jp.iotcert.common.FormRuleViolation;
import jp.iotcert.common.TaskInput;
import org.springframework.stereotype.Service;

/**
 * Staff's completeness check 「申請書類を確認する」 (第4条, 第5条: the application and its documents
 * are complete before the review): unticked means incomplete, and then the applicant must be told
 * what to supplement, unless the automatic check already lists it.
 */
@Service
public class CompletenessReviewRules {

  /**
   * @param supplementRequest what staff wrote to the applicant, trimmed ("" when nothing)
   * @throws FormRuleViolation naming the field and saying, in Japanese, what to correct
   */
  public void check(boolean documentsComplete, boolean autoComplete, String supplementRequest) {
    if (!documentsComplete && autoComplete && supplementRequest.isBlank()) {
      throw new FormRuleViolation(ApplicationProcess.SUPPLEMENT_REQUEST,
          "書類が揃っていない場合は、補正依頼の内容を記入してください。");
    }
    if (supplementRequest.length() > TaskInput.MAX_TEXT) {
      throw new FormRuleViolation(ApplicationProcess.SUPPLEMENT_REQUEST,
          "補正依頼の内容は" + TaskInput.MAX_TEXT + "文字以内で入力してください。");
    }
  }
}
